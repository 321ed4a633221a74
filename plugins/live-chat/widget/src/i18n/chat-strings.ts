/**
 * E5: the chat panel's strings in the visitor's language. The widget build replaces this module in
 * each language's chat bundle with one that holds that language only (widget/build.mjs), so a
 * visitor downloads one language, not six; type checks and tests read all of them from here.
 */
import type { Language } from './languages';
import { CHAT_STRINGS, type ChatStrings } from './strings';

export const chatStringsFor = (language: Language): ChatStrings => CHAT_STRINGS[language];
