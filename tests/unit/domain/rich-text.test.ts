import {
  RICH_TEXT_LIMITS,
  isRichTextEmpty,
  renderRichTextToHtml,
  richTextToPlainText,
  sanitizeRichText,
  type RichText,
} from '../../../plugins/live-chat/shared/domain/rich-text';
import { XSS_VECTORS } from '../../fixtures/xss-vectors';

// ---------------------------------------------------------------------------------------------
// A tiny strict tokenizer for the renderer's output. It accepts only the shape the renderer is
// meant to produce (lower-case tags, double-quoted attributes) so anything else is reported.
// ---------------------------------------------------------------------------------------------
interface Tag {
  name: string;
  closing: boolean;
  attrs: Array<[string, string]>;
  raw: string;
}
const TAG_AT = /^<(\/?)([a-z][a-z0-9]*)((?:\s[a-z-]+="[^"<>]*")*)>/;
const ATTR = /\s([a-z-]+)="([^"<>]*)"/g;

function tokenize(html: string): { tags: Tag[]; text: string[]; malformed: string[] } {
  const tags: Tag[] = [];
  const text: string[] = [];
  const malformed: string[] = [];
  let rest = html;
  while (rest.length > 0) {
    const lt = rest.indexOf('<');
    if (lt === -1) {
      text.push(rest);
      break;
    }
    text.push(rest.slice(0, lt));
    rest = rest.slice(lt);
    const m = TAG_AT.exec(rest);
    if (!m) {
      malformed.push(rest.slice(0, 40));
      rest = rest.slice(1);
      continue;
    }
    const attrs = [...(m[3] ?? '').matchAll(ATTR)].map((a): [string, string] => [a[1] ?? '', a[2] ?? '']);
    tags.push({ name: m[2] ?? '', closing: m[1] === '/', attrs, raw: m[0] });
    rest = rest.slice(m[0].length);
  }
  return { tags, text, malformed };
}

/** Decodes attribute entities the way a browser would before it looks at a URL. */
function decodeAttr(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(parseInt(dec, 10)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The scheme a browser would see: it ignores whitespace and control characters inside it. */
const schemeOf = (url: string): string => url.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();

const ALLOWED_TAGS = new Set(['p', 'strong', 'em', 'ul', 'li', 'a', 'img']);
const VOID_TAGS = new Set(['img']);
const ALLOWED_ATTRS: Record<string, string[]> = { a: ['href', 'rel', 'target'], img: ['src', 'alt', 'loading'] };

/** Every safety property A4 promises about rendered HTML, checked on one output. */
function expectSafeHtml(html: string): void {
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/<style/i);
  const { tags, text, malformed } = tokenize(html);
  expect(malformed).toEqual([]);
  for (const segment of text) expect(segment).not.toMatch(/[<>]/);
  const open: string[] = [];
  for (const tag of tags) {
    expect(ALLOWED_TAGS.has(tag.name)).toBe(true);
    expect(tag.raw).not.toMatch(/\son\w+\s*=/i);
    if (tag.closing) {
      expect(tag.attrs).toEqual([]);
      expect(open.pop()).toBe(tag.name);
      continue;
    }
    if (!VOID_TAGS.has(tag.name)) open.push(tag.name);
    const names = tag.attrs.map(([n]) => n);
    expect(names).toEqual(ALLOWED_ATTRS[tag.name] ?? []);
    for (const [name, value] of tag.attrs) {
      expect(name).not.toMatch(/^on|^style$/i);
      const decoded = schemeOf(decodeAttr(value));
      if (name === 'href') expect(decoded).toMatch(/^(https?|mailto):/);
      if (name === 'src') expect(decoded).toMatch(/^https:/);
      if (name === 'href' || name === 'src') expect(decoded).not.toMatch(/javascript:|data:|vbscript:/);
      if (name === 'rel') expect(value).toBe('noopener noreferrer nofollow');
      if (name === 'target') expect(value).toBe('_blank');
      if (name === 'loading') expect(value).toBe('lazy');
    }
  }
  expect(open).toEqual([]);
}

function expectIdempotent(input: unknown): RichText {
  const once = sanitizeRichText(input);
  expect(sanitizeRichText(once)).toEqual(once);
  // A JSON round trip is what storage does between save and render.
  expect(sanitizeRichText(JSON.parse(JSON.stringify(once)))).toEqual(once);
  return once;
}

function countNodes(doc: RichText): number {
  let count = 0;
  const stack: unknown[] = [...doc];
  while (stack.length > 0) {
    const node = stack.pop() as { type?: string; children?: unknown[] };
    count += 1;
    // An image's empty text child is part of the image itself.
    if (node.type !== 'image' && Array.isArray(node.children)) stack.push(...node.children);
  }
  return count;
}

const para = (...children: unknown[]): unknown => ({ type: 'paragraph', children });
const text = (t: string, marks: Record<string, unknown> = {}): unknown => ({ type: 'text', text: t, ...marks });
const TEXT_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

describe('A4 rich text: allowed content survives exactly', () => {
  const allowed: RichText = [
    {
      type: 'paragraph',
      children: [
        { type: 'text', text: 'Hi', bold: true },
        { type: 'text', text: ' there ', italic: true },
        { type: 'text', text: 'both', bold: true, italic: true },
        { type: 'link', url: 'https://x.io', children: [{ type: 'text', text: 'x' }] },
        { type: 'link', url: 'http://plain.example/a?b=1#c', children: [{ type: 'text', text: 'http', bold: true }] },
        { type: 'link', url: 'mailto:sales@example.com', children: [{ type: 'text', text: 'mail us' }] },
      ],
    },
    {
      type: 'list',
      format: 'unordered',
      children: [
        { type: 'list-item', children: [{ type: 'text', text: 'a' }] },
        { type: 'list-item', children: [{ type: 'text', text: 'b', italic: true }] },
      ],
    },
    {
      type: 'image',
      image: { url: 'https://cdn.example/a.png', alternativeText: 'A', width: 10, height: 10 },
      children: [{ type: 'text', text: '' }],
    },
  ];

  it('keeps bold, italic, http/https/mailto links, bulleted lists and https images unchanged', () => {
    expect(sanitizeRichText(allowed)).toEqual(allowed);
    expect(expectIdempotent(allowed)).toEqual(allowed);
  });

  it('renders them with only the allowed tags and attributes', () => {
    const html = renderRichTextToHtml(allowed);
    expect(html).toBe(
      '<p><strong>Hi</strong><em> there </em><strong><em>both</em></strong>' +
        '<a href="https://x.io" rel="noopener noreferrer nofollow" target="_blank">x</a>' +
        '<a href="http://plain.example/a?b=1#c" rel="noopener noreferrer nofollow" target="_blank"><strong>http</strong></a>' +
        '<a href="mailto:sales@example.com" rel="noopener noreferrer nofollow" target="_blank">mail us</a></p>' +
        '<ul><li>a</li><li><em>b</em></li></ul>' +
        '<img src="https://cdn.example/a.png" alt="A" loading="lazy">',
    );
    expectSafeHtml(html);
  });

  it('escapes & < > " \' in text and attribute values', () => {
    const doc = [
      para(text(`<b>Tom & "Jerry"</b> it's`), { type: 'link', url: "https://x.io/?q=a&b='c'", children: [text('q')] }),
      { type: 'image', image: { url: 'https://x.io/i.png', alternativeText: '"><b>' } },
    ];
    expect(renderRichTextToHtml(doc)).toBe(
      '<p>&lt;b&gt;Tom &amp; &quot;Jerry&quot;&lt;/b&gt; it&#39;s' +
        '<a href="https://x.io/?q=a&amp;b=&#39;c&#39;" rel="noopener noreferrer nofollow" target="_blank">q</a></p>' +
        '<img src="https://x.io/i.png" alt="&quot;&gt;&lt;b&gt;" loading="lazy">',
    );
  });
});

describe('A4 rich text: content outside the allow-list is converted, keeping its text', () => {
  it('turns headings, quotes and code blocks into paragraphs', () => {
    const doc = [
      { type: 'heading', level: 1, children: [text('Title', { bold: true })] },
      { type: 'quote', children: [text('Quoted')] },
      { type: 'code', language: 'js', children: [text('let a = 1;', { code: true })] },
    ];
    expect(expectIdempotent(doc)).toEqual([
      { type: 'paragraph', children: [{ type: 'text', text: 'Title', bold: true }] },
      { type: 'paragraph', children: [{ type: 'text', text: 'Quoted' }] },
      { type: 'paragraph', children: [{ type: 'text', text: 'let a = 1;' }] },
    ]);
  });

  it('turns ordered and nested lists into one bulleted list', () => {
    const doc = [
      {
        type: 'list',
        format: 'ordered',
        indentLevel: 0,
        children: [
          { type: 'list-item', children: [text('one')] },
          { type: 'list', format: 'ordered', children: [{ type: 'list-item', children: [text('one.a')] }] },
          { type: 'list-item', children: [text('two')] },
        ],
      },
    ];
    expect(expectIdempotent(doc)).toEqual([
      {
        type: 'list',
        format: 'unordered',
        children: [
          { type: 'list-item', children: [{ type: 'text', text: 'one' }] },
          { type: 'list-item', children: [{ type: 'text', text: 'one.a' }] },
          { type: 'list-item', children: [{ type: 'text', text: 'two' }] },
        ],
      },
    ]);
  });

  it('removes underline, strikethrough and code modifiers and non-boolean marks', () => {
    const doc = [para(text('u', { underline: true, strikethrough: true, code: true, bold: 'false', italic: 1 }))];
    expect(sanitizeRichText(doc)).toEqual([{ type: 'paragraph', children: [{ type: 'text', text: 'u' }] }]);
  });

  it('keeps the text of unknown wrappers and gathers loose inline nodes into a paragraph', () => {
    const doc = [
      text('loose'),
      { type: 'link', url: 'https://x.io', children: [text('loose link')] },
      { type: 'div', children: [para(text('inside div')), text('bare')] },
      para({ type: 'span', children: [text('in span')] }, { type: 'link', url: 'https://a.io', children: [{ type: 'link', url: 'https://b.io', children: [text('nested')] }] }),
    ];
    expect(expectIdempotent(doc)).toEqual([
      { type: 'paragraph', children: [{ type: 'text', text: 'loose' }, { type: 'link', url: 'https://x.io', children: [{ type: 'text', text: 'loose link' }] }] },
      { type: 'paragraph', children: [{ type: 'text', text: 'inside div' }] },
      { type: 'paragraph', children: [{ type: 'text', text: 'bare' }] },
      {
        type: 'paragraph',
        children: [{ type: 'text', text: 'in span' }, { type: 'link', url: 'https://a.io', children: [{ type: 'text', text: 'nested' }] }],
      },
    ]);
  });

  it.each([
    ['ftp://x.io/file'],
    ['tel:+4912345678'],
    ['/relative/path'],
    ['#anchor'],
    ['x.io'],
    ['//x.io/protocol-relative'],
    ['https://user:pw@x.io/'],
    [''],
    // Whitespace, control and invisible characters are refused outright, even where a URL parser
    // would quietly strip them and see an https URL.
    ['ht\ttps://x.io/'],
    ['https://x.io/a b'],
    ['https://x.io/\u200b'],
    ['https://x.io/\u0000'],
    ['https://x.io/"><script>alert(1)</script>'],
    ['https:\\\\x.io\\a'],
  ])('turns a link to %j into its plain text', (url) => {
    const doc = [para({ type: 'link', url, children: [text('label', { bold: true })] })];
    expect(sanitizeRichText(doc)).toEqual([{ type: 'paragraph', children: [{ type: 'text', text: 'label', bold: true }] }]);
  });

  it.each([['http://cdn.example/a.png'], ['/uploads/a.png'], ['data:image/png;base64,AAAA'], ['ftp://x/a.png']])(
    'drops an image whose URL is %j (only https images are allowed)',
    (url) => {
      expect(sanitizeRichText([{ type: 'image', image: { url, alternativeText: 'a' } }, para(text('after'))])).toEqual([
        { type: 'paragraph', children: [{ type: 'text', text: 'after' }] },
      ]);
    },
  );

  it('removes unknown properties and bad image dimensions', () => {
    const doc = [
      { type: 'image', id: 7, image: { url: 'https://x.io/a.png', name: 'a.png', width: -1, height: 1.5, formats: {} }, children: [] },
    ];
    expect(sanitizeRichText(doc)).toEqual([
      { type: 'image', image: { url: 'https://x.io/a.png', alternativeText: null }, children: [{ type: 'text', text: '' }] },
    ]);
  });
});

describe('A4 rich text: garbage and oversized input', () => {
  const throwing = Object.defineProperty({ type: 'paragraph' }, 'children', {
    enumerable: true,
    get() {
      throw new Error('boom');
    },
  });
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a number', 42],
    ['a string', '<script>alert(1)</script>'],
    ['an object', { type: 'paragraph', children: [text('x')] }],
    ['an array of junk', [null, 1, 'x', [], true, { type: 'paragraph' }, { children: 'x' }]],
    ['a throwing getter', [throwing]],
    ['a revoked proxy', [revoked.proxy]],
  ])('never throws on %s and gives [] or valid content', (_name, input) => {
    expect(() => sanitizeRichText(input)).not.toThrow();
    expect(sanitizeRichText(input)).toEqual([]);
    expect(renderRichTextToHtml(input)).toBe('');
  });

  it('survives a cyclic structure', () => {
    const cyclic: { type: string; children: unknown[] } = { type: 'paragraph', children: [text('c')] };
    cyclic.children.push(cyclic);
    const out = expectIdempotent([cyclic]);
    expect(richTextToPlainText(out)).toMatch(/^c+$/);
  });

  it('caps nesting depth: 10,000 levels do not throw and deep content is dropped', () => {
    let node: unknown = text('deep');
    let list: unknown = { type: 'list-item', children: [text('deep item')] };
    for (let i = 0; i < 10_000; i += 1) {
      node = { type: i % 2 ? 'paragraph' : 'span', children: [node] };
      list = { type: 'list', format: 'unordered', children: [list] };
    }
    expect(() => sanitizeRichText([node, list, para(text('shallow'))])).not.toThrow();
    expect(sanitizeRichText([node, list, para(text('shallow'))])).toEqual([
      { type: 'paragraph', children: [{ type: 'text', text: 'shallow' }] },
    ]);
    expect(() => renderRichTextToHtml([node, list])).not.toThrow();
  });

  it('caps the total number of nodes: 100,000 nodes give at most the limit', () => {
    const many = [para(...Array.from({ length: 100_000 }, (_, i) => text(`t${i}`)))];
    const manyBlocks = Array.from({ length: 100_000 }, () => para(text('p')));
    for (const input of [many, manyBlocks]) {
      const out = expectIdempotent(input);
      expect(countNodes(out)).toBe(RICH_TEXT_LIMITS.maxNodes);
    }
  });

  it('caps the length of a text node without splitting a surrogate pair', () => {
    const long = 'a'.repeat(RICH_TEXT_LIMITS.maxTextLength - 1) + '😀' + 'b'.repeat(10);
    const out = expectIdempotent([para(text(long))]);
    const leaf = out[0]?.type === 'paragraph' ? out[0].children[0] : undefined;
    expect(leaf).toEqual({ type: 'text', text: 'a'.repeat(RICH_TEXT_LIMITS.maxTextLength - 1) });
    const exact = expectIdempotent([para(text('c'.repeat(RICH_TEXT_LIMITS.maxTextLength + 500)))]);
    expect(richTextToPlainText(exact)).toHaveLength(RICH_TEXT_LIMITS.maxTextLength);
  });
});

describe('A4 rich text: the XSS corpus', () => {
  it('has at least 40 vectors', () => {
    expect(XSS_VECTORS.length).toBeGreaterThanOrEqual(40);
  });

  describe.each(XSS_VECTORS.map((x) => [x.name, x.payload] as const))('%s', (_name, payload) => {
    it('as text: kept as escaped text, never markup', () => {
      const doc = [para(text(payload, { bold: true })), { type: 'list', format: 'unordered', children: [{ type: 'list-item', children: [text(payload)] }] }];
      const out = expectIdempotent(doc);
      const html = renderRichTextToHtml(doc);
      expectSafeHtml(html);
      const visible = payload.replace(TEXT_CONTROLS, '');
      expect(richTextToPlainText(out)).toBe(`${visible}\n• ${visible}`);
    });

    it('as a link URL: refused (plain text) unless it is a harmless http(s)/mailto URL', () => {
      const doc = [para({ type: 'link', url: payload, children: [text('click')] })];
      const out = expectIdempotent(doc);
      const html = renderRichTextToHtml(doc);
      expectSafeHtml(html);
      expect(html).toContain('click');
      const first = out[0];
      if (first?.type !== 'paragraph') throw new Error('expected a paragraph');
      for (const node of first.children) if (node.type === 'link') expect(node.url).toMatch(/^(https?|mailto):/i);
    });

    it('as an image URL and alt text: dropped unless https, alt escaped', () => {
      const doc = [{ type: 'image', image: { url: payload, alternativeText: payload }, children: [text('')] }];
      const out = expectIdempotent(doc);
      expectSafeHtml(renderRichTextToHtml(doc));
      for (const block of out) if (block.type === 'image') expect(block.image.url).toMatch(/^https:\/\//i);
    });

    it('as extra node types and properties: removed, text kept', () => {
      const doc = [
        { type: 'html', value: payload },
        { type: 'raw', html: payload, children: [] },
        { type: payload, children: [text('typed')] },
        { type: 'paragraph', style: payload, onmouseover: payload, children: [text('x', { onclick: payload, style: payload, href: payload, bold: payload })] },
        { type: 'paragraph', children: [{ type: 'link', url: 'https://ok.example', onclick: payload, target: payload, rel: payload, children: [text('ok')] }] },
        { type: 'image', onerror: payload, image: { url: 'https://ok.example/a.png', alternativeText: 'a', onerror: payload, srcset: payload, style: payload } },
        { type: 'list', format: payload, style: payload, children: [{ type: 'list-item', onclick: payload, children: [text('li')] }] },
      ];
      const out = expectIdempotent(doc);
      expect(out).toEqual([
        { type: 'paragraph', children: [{ type: 'text', text: 'typed' }] },
        { type: 'paragraph', children: [{ type: 'text', text: 'x' }] },
        { type: 'paragraph', children: [{ type: 'link', url: 'https://ok.example', children: [{ type: 'text', text: 'ok' }] }] },
        { type: 'image', image: { url: 'https://ok.example/a.png', alternativeText: 'a' }, children: [{ type: 'text', text: '' }] },
        { type: 'list', format: 'unordered', children: [{ type: 'list-item', children: [{ type: 'text', text: 'li' }] }] },
      ]);
      expectSafeHtml(renderRichTextToHtml(doc));
    });
  });
});

describe('A4 rich text: plain text and emptiness', () => {
  it('gives one line per block for notifications', () => {
    const doc = [
      para(text('Hello '), { type: 'link', url: 'https://x.io', children: [text('there', { bold: true })] }),
      para(text('   ')),
      { type: 'list', format: 'unordered', children: [{ type: 'list-item', children: [text('a')] }, { type: 'list-item', children: [text('b')] }] },
      { type: 'image', image: { url: 'https://x.io/a.png', alternativeText: 'Logo' } },
    ];
    expect(richTextToPlainText(doc)).toBe('Hello there\n• a\n• b\nLogo');
    expect(richTextToPlainText('<p>garbage</p>')).toBe('');
  });

  it('tells an empty message from a real one', () => {
    expect(isRichTextEmpty(null)).toBe(true);
    expect(isRichTextEmpty([])).toBe(true);
    expect(isRichTextEmpty([para(text(''))])).toBe(true);
    expect(isRichTextEmpty([para(text(' \n ')), { type: 'list', children: [{ type: 'list-item', children: [text(' ')] }] }])).toBe(true);
    expect(isRichTextEmpty([{ type: 'image', image: { url: 'http://x.io/a.png' } }])).toBe(true);
    expect(isRichTextEmpty([para(text('hi'))])).toBe(false);
    expect(isRichTextEmpty([{ type: 'list', children: [{ type: 'list-item', children: [text('•')] }] }])).toBe(false);
    expect(isRichTextEmpty([{ type: 'image', image: { url: 'https://x.io/a.png' } }])).toBe(false);
  });
});
