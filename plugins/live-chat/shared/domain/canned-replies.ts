/**
 * G3: canned replies, the agent's saved answers. Pure rules: what a shortcut may look like, which
 * placeholders a reply may hold and how they are filled on insert, and which language's copy of
 * each reply an agent is offered in a chat.
 */
import { MESSAGE_MAX_LENGTH } from './messaging';
import { matchLocale } from './playbook-locales';

export const CANNED_REPLY_LIMITS = { shortcutMax: 32, titleMax: 120, bodyMax: MESSAGE_MAX_LENGTH } as const;

/**
 * A shortcut is a lowercase slug: lowercase letters (any alphabet, so `hälsning` works), digits, and
 * single hyphens between them. It is what the agent types after `/`, so no spaces.
 */
export const SHORTCUT_PATTERN = /^[\p{Ll}\p{Lo}\p{Nd}]+(?:-[\p{Ll}\p{Lo}\p{Nd}]+)*$/u;

/** The placeholders a reply may contain, filled when the agent inserts it. */
export const CANNED_REPLY_PLACEHOLDERS = ['visitor.name', 'agent.name'] as const;
export type CannedReplyPlaceholder = (typeof CANNED_REPLY_PLACEHOLDERS)[number];
export type PlaceholderValues = Partial<Record<CannedReplyPlaceholder, string | null>>;

/** `{visitor.name}`, also with spaces inside the braces; a dotted name, so ordinary `{x}` text is left alone. */
const PLACEHOLDER = /\{\s*([A-Za-z_]+(?:\.[A-Za-z_]+)+)\s*\}/g;
const isKnown = (name: string): name is CannedReplyPlaceholder => (CANNED_REPLY_PLACEHOLDERS as readonly string[]).includes(name);

/**
 * The reply with its placeholders filled. A placeholder this version does not know, or one whose
 * value is missing or blank, is left exactly as typed: the reply lands in the composer editable, so
 * the agent sees `{visitor.email}` and fixes it before sending, rather than a sentence with a hole.
 */
export function fillPlaceholders(text: string, values: PlaceholderValues): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    if (!isKnown(name)) return whole;
    const value = values[name];
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : whole;
  });
}

/** Placeholders in a text that are not one of CANNED_REPLY_PLACEHOLDERS (a save refuses them: typos). */
export function unknownPlaceholders(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(PLACEHOLDER)) if (!isKnown(match[1])) found.add(match[0]);
  return [...found];
}

/** One language's copy of a canned reply. */
export interface CannedReplyCopy {
  documentId: string;
  locale: string;
}

/**
 * The copies an agent is offered in a chat: for each reply, its copy in the visitor's language
 * (exact tag, then the primary subtag, then another locale of the same language, as playbooks pick
 * theirs, E5), else its copy in the default locale; a reply with neither is not offered (a reply
 * written only in Swedish is offered in Swedish chats only).
 */
export function copiesForLanguage<C extends CannedReplyCopy>(copies: readonly C[], language: string | null, defaultLocale: string): C[] {
  const byDocument = new Map<string, C[]>();
  for (const copy of copies) byDocument.set(copy.documentId, [...(byDocument.get(copy.documentId) ?? []), copy]);
  const picked: C[] = [];
  for (const ofDocument of byDocument.values()) {
    const locale = matchLocale(language, ofDocument.map((c) => c.locale), defaultLocale);
    const copy = ofDocument.find((c) => c.locale === locale);
    if (copy) picked.push(copy);
  }
  return picked;
}
