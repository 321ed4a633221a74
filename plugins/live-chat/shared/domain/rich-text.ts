/**
 * A4: the rich-text allow-list. Messages are stored as Strapi 5 "blocks" JSON; only bold, italic,
 * links, bulleted lists and images may survive. Everything here is pure and total: hostile input
 * is narrowed, never trusted and never allowed to throw.
 */

/** Bounds that keep a hostile payload from costing more than a long, honest message (A4, F4). */
export const RICH_TEXT_LIMITS = {
  maxTextLength: 10_000,
  maxNodes: 2_000,
  /** Deep enough for any real editor output (list > item > link > text), far from the stack limit. */
  maxDepth: 16,
  maxUrlLength: 2_048,
  /** Bounds the work spent on input that produces nothing (e.g. 10^6 numbers in an array). */
  maxVisits: 50_000,
} as const;

export interface RichTextLeaf { type: 'text'; text: string; bold?: boolean; italic?: boolean }
export interface RichLink { type: 'link'; url: string; children: RichTextLeaf[] }
export type RichInline = RichTextLeaf | RichLink;
export interface RichParagraph { type: 'paragraph'; children: RichInline[] }
export interface RichListItem { type: 'list-item'; children: RichInline[] }
export interface RichList { type: 'list'; format: 'unordered'; children: RichListItem[] }
export interface RichImageAsset { url: string; alternativeText: string | null; width?: number; height?: number }
/** Strapi's editor requires an (empty) text child under an image, so it is kept. */
export interface RichImage { type: 'image'; image: RichImageAsset; children: RichTextLeaf[] }
export type RichBlock = RichParagraph | RichList | RichImage;
export type RichText = RichBlock[];

type Json = Record<string, unknown>;
/** Output budget shared by one sanitize call; `full` stops all work once the node cap is hit. */
interface Ctx { nodes: number; visits: number; full: boolean }

const LINK_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:', 'mailto:']);
const IMAGE_PROTOCOLS: ReadonlySet<string> = new Set(['https:']);
/**
 * Whitespace, control and invisible format characters are how `java\tscript:` style tricks hide
 * a scheme; quotes/angle brackets/backticks/backslashes have no business in a stored URL either.
 */
const URL_FORBIDDEN = /[\s\p{Cc}\p{Cf}<>"`\\]/u;
/** C0 controls other than tab/newline/carriage return, and DEL: never meaningful in a message. */
const TEXT_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function take(ctx: Ctx): boolean {
  if (ctx.full || ctx.nodes >= RICH_TEXT_LIMITS.maxNodes) {
    ctx.full = true;
    return false;
  }
  ctx.nodes += 1;
  return true;
}

function give(ctx: Ctx): void {
  ctx.nodes -= 1;
}

/** Iterates an array child list, counting every slot so sparse or huge arrays stay cheap. */
function eachChild(children: unknown, ctx: Ctx, visit: (child: unknown) => void): void {
  if (!Array.isArray(children)) return;
  for (let i = 0; i < children.length; i += 1) {
    if (ctx.full || ctx.visits >= RICH_TEXT_LIMITS.maxVisits) {
      ctx.full = true;
      return;
    }
    ctx.visits += 1;
    visit(children[i]);
  }
}

/** Removes control characters and caps the length without splitting a surrogate pair. */
function cleanText(value: string): string {
  const text = value.replace(TEXT_CONTROLS, '');
  if (text.length <= RICH_TEXT_LIMITS.maxTextLength) return text;
  let end = RICH_TEXT_LIMITS.maxTextLength;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return text.slice(0, end);
}

/** Returns the URL unchanged when it is absolute and uses an allowed scheme, else null. */
function safeUrl(value: unknown, protocols: ReadonlySet<string>): string | null {
  if (typeof value !== 'string') return null;
  const raw = value.trim();
  if (raw.length === 0 || raw.length > RICH_TEXT_LIMITS.maxUrlLength || URL_FORBIDDEN.test(raw)) return null;
  let parsed: URL;
  try {
    parsed = new URL(raw); // no base: relative and protocol-relative (`//x`) URLs throw
  } catch {
    return null;
  }
  if (!protocols.has(parsed.protocol)) return null;
  // The browser parses the stored string, not our URL object: it must literally start with the scheme.
  if (!raw.toLowerCase().startsWith(parsed.protocol)) return null;
  if (parsed.protocol !== 'mailto:' && parsed.hostname === '') return null;
  // `https://trusted.com@evil.com` is a phishing trick; real links never carry credentials.
  if (parsed.username !== '' || parsed.password !== '') return null;
  return raw;
}

function textLeaf(node: Json, ctx: Ctx): RichTextLeaf | null {
  if (typeof node.text !== 'string' || !take(ctx)) return null;
  const leaf: RichTextLeaf = { type: 'text', text: cleanText(node.text) };
  // Only literal `true` counts: a truthy string like "false" must not turn text bold.
  if (node.bold === true) leaf.bold = true;
  if (node.italic === true) leaf.italic = true;
  return leaf;
}

/** Inline content of a node; unknown wrappers and misplaced blocks give up their text. */
function inlineNodes(children: unknown, depth: number, ctx: Ctx): RichInline[] {
  const out: RichInline[] = [];
  eachChild(children, ctx, (child) => {
    if (!isRecord(child)) return;
    if (child.type === 'text') {
      const leaf = textLeaf(child, ctx);
      if (leaf) out.push(leaf);
      return;
    }
    if (depth >= RICH_TEXT_LIMITS.maxDepth || child.type === 'image') return;
    if (child.type === 'link') out.push(...linkNodes(child, depth + 1, ctx));
    else out.push(...inlineNodes(child.children, depth + 1, ctx));
  });
  return out;
}

/** Text leaves only: a link inside a link is flattened to its text. */
function textLeaves(children: unknown, depth: number, ctx: Ctx): RichTextLeaf[] {
  const out: RichTextLeaf[] = [];
  for (const node of inlineNodes(children, depth, ctx)) {
    if (node.type === 'text') {
      out.push(node);
    } else {
      give(ctx); // the nested link itself is dropped, its slot with it
      out.push(...node.children);
    }
  }
  return out;
}

/** A link with an allowed URL, or (when the URL is refused) its text so no content is lost. */
function linkNodes(node: Json, depth: number, ctx: Ctx): RichInline[] {
  const url = safeUrl(node.url, LINK_PROTOCOLS);
  if (url === null) return textLeaves(node.children, depth, ctx);
  if (!take(ctx)) return [];
  const children = textLeaves(node.children, depth, ctx);
  if (children.length === 0) {
    give(ctx);
    return [];
  }
  return [{ type: 'link', url, children }];
}

function paragraph(children: unknown, depth: number, ctx: Ctx): RichParagraph | null {
  if (!take(ctx)) return null;
  const inlines = inlineNodes(children, depth + 1, ctx);
  if (inlines.length > 0) return { type: 'paragraph', children: inlines };
  give(ctx);
  return null;
}

/** Items of a list; nested lists are flattened into it, since only one bulleted level is allowed. */
function listItems(children: unknown, depth: number, ctx: Ctx, items: RichListItem[]): void {
  eachChild(children, ctx, (child) => {
    if (!isRecord(child)) return;
    if (child.type === 'list') {
      if (depth < RICH_TEXT_LIMITS.maxDepth) listItems(child.children, depth + 1, ctx, items);
      return;
    }
    if (!take(ctx)) return;
    const loose = child.type === 'text' || child.type === 'link';
    const inlines = loose ? inlineNodes([child], depth, ctx) : inlineNodes(child.children, depth + 1, ctx);
    if (inlines.length > 0) items.push({ type: 'list-item', children: inlines });
    else give(ctx);
  });
}

function list(node: Json, depth: number, ctx: Ctx): RichList | null {
  if (!take(ctx)) return null;
  const items: RichListItem[] = [];
  listItems(node.children, depth + 1, ctx, items);
  if (items.length > 0) return { type: 'list', format: 'unordered', children: items };
  give(ctx);
  return null;
}

const dimension = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isInteger(v) && v > 0 && v <= 100_000 ? v : undefined;

function image(node: Json, ctx: Ctx): RichImage | null {
  if (!isRecord(node.image)) return null;
  const url = safeUrl(node.image.url, IMAGE_PROTOCOLS);
  if (url === null || !take(ctx)) return null;
  const alt = node.image.alternativeText;
  const asset: RichImageAsset = { url, alternativeText: typeof alt === 'string' ? cleanText(alt) : null };
  const width = dimension(node.image.width);
  const height = dimension(node.image.height);
  if (width !== undefined) asset.width = width;
  if (height !== undefined) asset.height = height;
  return { type: 'image', image: asset, children: [{ type: 'text', text: '' }] };
}

/** Block content; headings, quotes and code become paragraphs, unknown wrappers give up their blocks. */
function blockNodes(nodes: unknown, depth: number, ctx: Ctx, out: RichBlock[]): void {
  // Inline nodes found where blocks belong are gathered into one paragraph rather than lost.
  let loose: unknown[] = [];
  const flush = (): void => {
    if (loose.length === 0) return;
    const p = paragraph(loose, depth, ctx);
    if (p) out.push(p);
    loose = [];
  };
  eachChild(nodes, ctx, (child) => {
    if (!isRecord(child)) return;
    if (child.type === 'text' || child.type === 'link') {
      loose.push(child);
      return;
    }
    flush();
    let block: RichBlock | null = null;
    switch (child.type) {
      case 'paragraph':
      case 'heading':
      case 'quote':
      case 'code':
      case 'list-item':
        block = paragraph(child.children, depth, ctx);
        break;
      case 'list':
        block = list(child, depth, ctx);
        break;
      case 'image':
        block = image(child, ctx);
        break;
      default:
        if (depth < RICH_TEXT_LIMITS.maxDepth) blockNodes(child.children, depth + 1, ctx, out);
    }
    if (block) out.push(block);
  });
  flush();
}

/** Narrows any value to the allowed rich-text subset (A4); never throws, garbage gives `[]`. */
export function sanitizeRichText(input: unknown): RichText {
  const out: RichBlock[] = [];
  try {
    blockNodes(input, 0, { nodes: 0, visits: 0, full: false }, out);
  } catch {
    // Only exotic objects (throwing getters, revoked proxies) get here; JSON input never does.
    return [];
  }
  return out;
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text made safe to place in HTML content or a quoted attribute. */
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

function leafHtml(leaf: RichTextLeaf): string {
  let html = escapeHtml(leaf.text);
  if (leaf.italic) html = `<em>${html}</em>`;
  if (leaf.bold) html = `<strong>${html}</strong>`;
  return html;
}

/** Links always open outside the widget and pass no referrer or page handle to the target (A4). */
const linkHtml = (link: RichLink): string =>
  `<a href="${escapeHtml(link.url)}" rel="noopener noreferrer nofollow" target="_blank">${link.children.map(leafHtml).join('')}</a>`;

const inlineHtml = (nodes: RichInline[]): string => nodes.map((n) => (n.type === 'text' ? leafHtml(n) : linkHtml(n))).join('');

function blockHtml(block: RichBlock): string {
  switch (block.type) {
    case 'paragraph':
      return `<p>${inlineHtml(block.children)}</p>`;
    case 'list':
      return `<ul>${block.children.map((li) => `<li>${inlineHtml(li.children)}</li>`).join('')}</ul>`;
    case 'image':
      return `<img src="${escapeHtml(block.image.url)}" alt="${escapeHtml(block.image.alternativeText ?? '')}" loading="lazy">`;
  }
}

/** Renders rich text to HTML, sanitizing again first so stored data is never trusted (A4). */
export function renderRichTextToHtml(input: unknown): string {
  return sanitizeRichText(input).map(blockHtml).join('');
}

const inlineText = (nodes: RichInline[]): string =>
  nodes.map((n) => (n.type === 'text' ? n.text : n.children.map((c) => c.text).join(''))).join('');

function blockText(block: RichBlock): string {
  switch (block.type) {
    case 'paragraph':
      return inlineText(block.children);
    case 'list':
      return block.children.map((li) => `• ${inlineText(li.children)}`).join('\n');
    case 'image':
      return block.image.alternativeText ?? '';
  }
}

/** Plain text of a message, one line per block, for notifications and previews. */
export function richTextToPlainText(input: unknown): string {
  return sanitizeRichText(input)
    .map(blockText)
    .filter((line) => line.trim() !== '')
    .join('\n');
}

/** True when nothing visible would be rendered: no image and no non-blank text. */
export function isRichTextEmpty(input: unknown): boolean {
  return sanitizeRichText(input).every((b) => {
    if (b.type === 'image') return false;
    const inlines = b.type === 'paragraph' ? [b.children] : b.children.map((li) => li.children);
    return inlines.every((nodes) => inlineText(nodes).trim() === '');
  });
}
