import { chatMessageBlocks, markupToRichText, richTextToMarkup } from '../../../plugins/live-chat/shared/domain/rich-text-markup';
import { sanitizeRichText } from '../../../plugins/live-chat/shared/domain/rich-text';

/** A4 in the playbook editor: the admin's textarea markup ⇄ the allowed rich-text blocks. */
const text = (value: string, marks: { bold?: boolean; italic?: boolean } = {}) => ({ type: 'text', text: value, ...marks });

describe('markupToRichText', () => {
  it('turns lines into paragraphs and "- " lines into one bulleted list', () => {
    expect(markupToRichText('Hello\n- one\n- two\nBye')).toEqual([
      { type: 'paragraph', children: [text('Hello')] },
      {
        type: 'list',
        format: 'unordered',
        children: [
          { type: 'list-item', children: [text('one')] },
          { type: 'list-item', children: [text('two')] },
        ],
      },
      { type: 'paragraph', children: [text('Bye')] },
    ]);
  });

  it('reads **bold**, _italic_, links and images', () => {
    const blocks = markupToRichText('We are **open** _today_, see [prices](https://shop.example/p)\n![Team](https://cdn.example/team.png)');
    expect(blocks[0]).toEqual({
      type: 'paragraph',
      children: [
        text('We are '),
        text('open', { bold: true }),
        text(' '),
        text('today', { italic: true }),
        text(', see '),
        { type: 'link', url: 'https://shop.example/p', children: [text('prices')] },
      ],
    });
    expect(blocks[1]).toMatchObject({ type: 'image', image: { url: 'https://cdn.example/team.png', alternativeText: 'Team' } });
  });

  it('produces only what the server keeps: sanitizing its output changes nothing', () => {
    const blocks = markupToRichText('**Hi** _there_\n- [a](https://a.example)\n- b\n![x](https://i.example/x.png)');
    expect(sanitizeRichText(blocks)).toEqual(blocks);
  });

  it('leaves a javascript: link for the server to strip (the converter is no security boundary)', () => {
    const blocks = markupToRichText('[click](javascript:alert(1))');
    expect(JSON.stringify(sanitizeRichText(blocks))).not.toContain('javascript:');
  });
});

describe('richTextToMarkup', () => {
  it.each([
    'Hello',
    'We are **open** _today_',
    'See [prices](https://shop.example/p)',
    'Intro\n- one\n- two',
    '![Team](https://cdn.example/team.png)',
  ])('gives back the same blocks when %j is edited and saved again', (markup) => {
    const blocks = markupToRichText(markup);
    expect(markupToRichText(richTextToMarkup(blocks))).toEqual(blocks);
  });

  it('separates blocks with a blank line', () => {
    expect(richTextToMarkup(markupToRichText('Intro\n- one\n- two'))).toBe('Intro\n\n- one\n- two');
  });

  it('shows nothing for an empty message', () => {
    expect(richTextToMarkup(null)).toBe('');
    expect(richTextToMarkup([])).toBe('');
  });
});

describe('line breaks of every platform', () => {
  it('reads \\r\\n, a lone \\r and \\n alike as line breaks', () => {
    const expected = markupToRichText('one\ntwo');
    expect(markupToRichText('one\r\ntwo')).toEqual(expected);
    expect(markupToRichText('one\rtwo')).toEqual(expected);
    expect(expected).toHaveLength(2);
  });
});

describe('A4 a chat message as the inbox and the widget show it', () => {
  it('keeps bold, italic, links and bullets, drops images and unsafe links', () => {
    const blocks = chatMessageBlocks('**Hi** _there_ [docs](https://example.com)\n![x](https://example.com/a.png)\n- one\n[bad](javascript:alert(1))');
    expect(blocks.map((block) => block.type)).toEqual(['paragraph', 'list', 'paragraph']);
    expect(JSON.stringify(blocks)).not.toContain('javascript:');
    expect(JSON.stringify(blocks)).toContain('https://example.com');
  });
});
