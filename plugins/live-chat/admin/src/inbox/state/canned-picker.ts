/**
 * G3: the composer's `/` picker as pure text rules: where a `/shortcut` being typed starts, which
 * replies match what was typed so far, and the text once a reply replaced it.
 */
import type { ComposerCannedReply } from '../../../../shared/contracts/canned-replies';

/** The `/…` word the caret is in: from the slash to the end of the word. */
export interface SlashToken {
  /** Index of the `/`. */
  start: number;
  /** Index just after the word (the next whitespace, or the end of the text). */
  end: number;
  /** What was typed between the slash and the caret. */
  query: string;
}

/**
 * The `/` word at the caret, if the slash starts the text or follows whitespace (so `and/or` or a
 * URL does not open the picker) and nothing but word characters lie between it and the caret.
 */
export function slashTokenAt(text: string, caret: number): SlashToken | null {
  const before = text.slice(0, caret);
  const match = /(^|\s)\/([^\s/]*)$/u.exec(before);
  if (!match) return null;
  const start = caret - match[2].length - 1;
  const rest = /^[^\s]*/u.exec(text.slice(caret))?.[0] ?? '';
  return { start, end: caret + rest.length, query: match[2] };
}

const fold = (value: string) => value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * The replies that match the query, best first: shortcut starts with it, then shortcut contains it,
 * then the title contains it (case- and accent-insensitive, so `halsning` finds `hälsning`).
 */
export function matchCannedReplies<R extends Pick<ComposerCannedReply, 'shortcut' | 'title'>>(replies: readonly R[], query: string): R[] {
  const wanted = fold(query.trim());
  if (wanted === '') return [...replies];
  const rank = (reply: R): number => {
    const shortcut = fold(reply.shortcut);
    if (shortcut.startsWith(wanted)) return 0;
    if (shortcut.includes(wanted)) return 1;
    return fold(reply.title).includes(wanted) ? 2 : -1;
  };
  return replies
    .map((reply, index) => ({ reply, index, rank: rank(reply) }))
    .filter((entry) => entry.rank >= 0)
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((entry) => entry.reply);
}

/** The text with the `/…` word replaced by the reply, and where the caret goes (after it). */
export function insertReply(text: string, token: SlashToken, reply: string): { text: string; caret: number } {
  const next = `${text.slice(0, token.start)}${reply}${text.slice(token.end)}`;
  return { text: next, caret: token.start + reply.length };
}
