/**
 * A4 as typed: admins write playbook messages, and agents and visitors chat messages, as a little
 * markup in a textarea, converted to the allowed rich-text blocks (bold, italic, links, bulleted
 * lists, images) and back. Shared by the admin and the widget so both read a message the same way;
 * every reader sanitizes the result, so this converter is a convenience, not a security boundary.
 *
 *   a line                    → a paragraph
 *   - item / * item           → a bulleted list (consecutive lines)
 *   ![alt](https://…/x.png)   → an image (on its own line)
 *   **bold**  _italic_  [text](https://…)   → inline marks and links
 */
import { sanitizeRichText, type RichInline, type RichListItem, type RichText, type RichTextLeaf } from './rich-text';

type Marks = Pick<RichTextLeaf, 'bold' | 'italic'>;

const IMAGE_LINE = /^!\[([^\]]*)\]\((\S+)\)$/;
const LIST_LINE = /^[-*]\s+(.*)$/;
/** The earliest of a link, a bold run or an italic run; links first so `[**x**](u)` stays one link. */
const INLINE = /\[([^\]]+)\]\((\S+?)\)|\*\*(.+?)\*\*|(?<![\w])_(.+?)_(?![\w])/;

function leaf(text: string, marks: Marks): RichTextLeaf {
  const node: RichTextLeaf = { type: 'text', text };
  if (marks.bold) node.bold = true;
  if (marks.italic) node.italic = true;
  return node;
}

function parseInline(source: string, marks: Marks = {}): RichInline[] {
  const out: RichInline[] = [];
  let rest = source;
  while (rest.length > 0) {
    const match = INLINE.exec(rest);
    if (!match) {
      out.push(leaf(rest, marks));
      break;
    }
    if (match.index > 0) out.push(leaf(rest.slice(0, match.index), marks));
    const [whole, linkText, url, bold, italic] = match;
    if (linkText !== undefined && url !== undefined) {
      // A link holds text only: nested links in its label are flattened to their text.
      const children = parseInline(linkText, marks).flatMap((n) => (n.type === 'text' ? [n] : n.children));
      out.push({ type: 'link', url, children });
    } else if (bold !== undefined) {
      out.push(...parseInline(bold, { ...marks, bold: true }));
    } else if (italic !== undefined) {
      out.push(...parseInline(italic, { ...marks, italic: true }));
    }
    rest = rest.slice(match.index + whole.length);
  }
  return out;
}

/** Markup → rich-text blocks; blank lines separate nothing and are dropped. */
export function markupToRichText(markup: string): RichText {
  const blocks: RichText = [];
  let list: RichListItem[] | null = null;
  for (const raw of markup.split(/\r\n|\r|\n/)) {
    const line = raw.trim();
    const item = LIST_LINE.exec(line);
    if (item) {
      if (list === null) {
        list = [];
        blocks.push({ type: 'list', format: 'unordered', children: list });
      }
      list.push({ type: 'list-item', children: parseInline(item[1] ?? '') });
      continue;
    }
    list = null;
    if (line === '') continue;
    const image = IMAGE_LINE.exec(line);
    if (image) {
      blocks.push({ type: 'image', image: { url: image[2] ?? '', alternativeText: image[1] || null }, children: [{ type: 'text', text: '' }] });
    } else {
      blocks.push({ type: 'paragraph', children: parseInline(line) });
    }
  }
  return blocks;
}

function inlineToMarkup(nodes: readonly RichInline[]): string {
  return nodes
    .map((node) => {
      if (node.type === 'link') return `[${inlineToMarkup(node.children)}](${node.url})`;
      let text = node.text;
      if (node.italic) text = `_${text}_`;
      if (node.bold) text = `**${text}**`;
      return text;
    })
    .join('');
}

/** Rich-text blocks → markup, one block per line group; the inverse of markupToRichText. */
export function richTextToMarkup(richText: RichText | null | undefined): string {
  if (!richText) return '';
  return richText
    .map((block) => {
      switch (block.type) {
        case 'paragraph':
          return inlineToMarkup(block.children);
        case 'list':
          return block.children.map((item) => `- ${inlineToMarkup(item.children)}`).join('\n');
        case 'image':
          return `![${block.image.alternativeText ?? ''}](${block.image.url})`;
      }
    })
    .join('\n\n');
}

/**
 * A4 for chat messages, as the inbox and the widget both show them: the body's markup read into
 * blocks and narrowed by the allow-list. Images belong to playbook messages, not to chat messages.
 */
export function chatMessageBlocks(body: string): RichText {
  return sanitizeRichText(markupToRichText(body)).filter((block) => block.type !== 'image');
}
