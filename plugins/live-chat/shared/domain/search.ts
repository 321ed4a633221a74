/**
 * G5, B5: what an inbox search looks for. The text an agent types is cut into words the way the
 * databases' full-text indexes cut stored text (runs of letters and digits), and a conversation
 * matches when every word starts a word of its names, emails or messages ("lindqv" finds
 * "Lindqvist", "jane roe" finds "Roe, Jane"). Both databases get the same words, so they agree.
 */

/** Words beyond this many are ignored: each one is another index lookup, and 8 already pin a chat. */
export const MAX_SEARCH_WORDS = 8;
/** A longer word cannot start any indexed word worth finding (the databases cap theirs too). */
export const MAX_SEARCH_WORD_LENGTH = 64;

const WORD = /[\p{L}\p{N}]+/gu;

/** The distinct words of a search, lower-cased, in the order typed; empty when it has none. */
export function searchWords(text: string): string[] {
  const words: string[] = [];
  for (const [match] of text.normalize('NFC').toLowerCase().matchAll(WORD)) {
    const word = match.slice(0, MAX_SEARCH_WORD_LENGTH);
    if (!words.includes(word)) words.push(word);
    if (words.length === MAX_SEARCH_WORDS) break;
  }
  return words;
}

/**
 * The words as an SQLite FTS5 query: each a quoted prefix term, all required. Quoting makes every
 * word a plain string to FTS5, so nothing typed can be read as its query syntax (AND, NEAR, *, ").
 */
export const fts5Query = (words: readonly string[]): string => words.map((word) => `"${word}"*`).join(' AND ');

/**
 * The words as a PostgreSQL tsquery: each a prefix term (`word:*`), all required (`&`). The words
 * hold letters and digits only, so none of tsquery's operators can appear in them.
 */
export const tsQuery = (words: readonly string[]): string => words.map((word) => `${word}:*`).join(' & ');
