/**
 * A4 on the visitor's screen: playbook texts are sanitized again with the shared allow-list, then
 * built as DOM nodes (text through textContent, URLs through setAttribute), never parsed as HTML.
 */
import { sanitizeRichText, type RichInline, type RichText } from '../../../shared/domain/rich-text';
import { chatMessageBlocks } from '../../../shared/domain/rich-text-markup';

function inline(node: RichInline): Node {
  if (node.type === 'link') {
    const a = document.createElement('a');
    a.href = node.url;
    a.rel = 'noopener noreferrer nofollow';
    a.target = '_blank';
    for (const child of node.children) a.appendChild(inline(child));
    return a;
  }
  let out: Node = document.createTextNode(node.text);
  if (node.italic) {
    const em = document.createElement('em');
    em.appendChild(out);
    out = em;
  }
  if (node.bold) {
    const strong = document.createElement('strong');
    strong.appendChild(out);
    out = strong;
  }
  return out;
}

function appendInlines(parent: HTMLElement, nodes: RichInline[]): HTMLElement {
  for (const node of nodes) parent.appendChild(inline(node));
  return parent;
}

/** The allowed subset of `input` as DOM: paragraphs, one level of bullets, links, lazy images. */
export function richTextToDom(input: unknown): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const blocks: RichText = sanitizeRichText(input);
  for (const block of blocks) {
    if (block.type === 'paragraph') {
      fragment.appendChild(appendInlines(document.createElement('p'), block.children));
    } else if (block.type === 'list') {
      const ul = document.createElement('ul');
      for (const item of block.children) ul.appendChild(appendInlines(document.createElement('li'), item.children));
      fragment.appendChild(ul);
    } else {
      const img = document.createElement('img');
      img.loading = 'lazy';
      img.decoding = 'async';
      img.alt = block.image.alternativeText ?? '';
      if (block.image.width) img.width = block.image.width;
      if (block.image.height) img.height = block.image.height;
      img.src = block.image.url;
      fragment.appendChild(img);
    }
  }
  return fragment;
}

/**
 * A chat message's body as DOM: its markup (the inbox composer's bold, italic, links, bullets) read
 * the same way the inbox reads it, narrowed by the allow-list; images belong to playbook messages,
 * not chat messages, so none is shown here.
 */
export function messageBodyToDom(body: string): DocumentFragment {
  return richTextToDom(chatMessageBlocks(body));
}
