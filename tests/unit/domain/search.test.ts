import { MAX_SEARCH_WORDS, MAX_SEARCH_WORD_LENGTH, fts5Query, searchWords, tsQuery } from '../../../plugins/live-chat/shared/domain/search';

describe('G5: the words of an inbox search', () => {
  it('cuts the text into lower-cased runs of letters and digits, once each', () => {
    expect(searchWords('  Jane   ROE jane ')).toEqual(['jane', 'roe']);
    expect(searchWords('jane.roe@example.com')).toEqual(['jane', 'roe', 'example', 'com']);
    expect(searchWords('Order #48213, please')).toEqual(['order', '48213', 'please']);
  });

  it('keeps letters of every script and their accents', () => {
    expect(searchWords('Björn Öztürk Yıldız 東京')).toEqual(['björn', 'öztürk', 'yıldız', '東京']);
  });

  it('has no words for punctuation, operators or nothing', () => {
    expect(searchWords('')).toEqual([]);
    expect(searchWords(' "*" AND -() :* & | ! <-> ')).toEqual(['and']);
  });

  it(`reads at most ${MAX_SEARCH_WORDS} words of at most ${MAX_SEARCH_WORD_LENGTH} characters`, () => {
    const many = Array.from({ length: 20 }, (_, index) => `w${index}`).join(' ');
    expect(searchWords(many)).toHaveLength(MAX_SEARCH_WORDS);
    expect(searchWords('x'.repeat(500))[0]).toHaveLength(MAX_SEARCH_WORD_LENGTH);
  });

  it('writes the words as prefix terms that must all match, on both databases', () => {
    expect(fts5Query(['jane', 'roe'])).toBe('"jane"* AND "roe"*');
    expect(tsQuery(['jane', 'roe'])).toBe('jane:* & roe:*');
  });
});
