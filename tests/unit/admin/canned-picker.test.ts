import { insertReply, matchCannedReplies, slashTokenAt } from '../../../plugins/live-chat/admin/src/inbox/state/canned-picker';

/** G3: the composer's `/` picker as text rules, without a browser. */
describe('slashTokenAt', () => {
  it('finds a / word at the start of the text or after whitespace', () => {
    expect(slashTokenAt('/hel', 4)).toEqual({ start: 0, end: 4, query: 'hel' });
    expect(slashTokenAt('Thanks! /', 9)).toEqual({ start: 8, end: 9, query: '' });
    expect(slashTokenAt('line one\n/pr', 12)).toEqual({ start: 9, end: 12, query: 'pr' });
  });

  it('runs to the end of the word when the caret is inside it', () => {
    expect(slashTokenAt('/hello there', 3)).toEqual({ start: 0, end: 6, query: 'he' });
  });

  it('does not open inside words, URLs or after a space typed past the word', () => {
    expect(slashTokenAt('and/or', 6)).toBeNull();
    expect(slashTokenAt('see https://example.com/x', 25)).toBeNull();
    expect(slashTokenAt('/hello ', 7)).toBeNull();
    expect(slashTokenAt('//', 2)).toBeNull();
    expect(slashTokenAt('', 0)).toBeNull();
  });
});

describe('matchCannedReplies', () => {
  const replies = [
    { shortcut: 'thanks', title: 'Thank you' },
    { shortcut: 'hello', title: 'Greeting' },
    { shortcut: 'say-hello', title: 'Another greeting' },
    { shortcut: 'hälsning', title: 'Hälsning på svenska' },
    { shortcut: 'hours', title: 'Opening hours' },
  ];
  const shortcuts = (query: string) => matchCannedReplies(replies, query).map((r) => r.shortcut);

  it('offers everything for an empty query, in the given order', () => {
    expect(shortcuts('')).toEqual(['thanks', 'hello', 'say-hello', 'hälsning', 'hours']);
  });

  it('ranks shortcut prefixes first, then shortcuts containing it, then titles', () => {
    expect(shortcuts('h')).toEqual(['hello', 'hälsning', 'hours', 'thanks', 'say-hello']);
    expect(shortcuts('hello')).toEqual(['hello', 'say-hello']);
    expect(shortcuts('greet')).toEqual(['hello', 'say-hello']);
  });

  it('ignores case and accents', () => {
    expect(shortcuts('HALS')).toEqual(['hälsning']);
    expect(shortcuts('OPENING')).toEqual(['hours']);
    expect(shortcuts('zzz')).toEqual([]);
  });
});

describe('insertReply', () => {
  it('replaces the / word with the reply and puts the caret after it', () => {
    const text = 'Hi! /hel and more';
    expect(insertReply(text, { start: 4, end: 8, query: 'hel' }, 'Hello Jane')).toEqual({ text: 'Hi! Hello Jane and more', caret: 14 });
  });
});
