/**
 * G3: the canned replies' admin API: request schemas (zod, checked by the server) and the answers
 * the settings page and the composer read. Routes: server/src/routes/canned-reply-admin.ts.
 */
import { z } from 'zod';
import { CANNED_REPLY_LIMITS, CANNED_REPLY_PLACEHOLDERS, SHORTCUT_PATTERN, unknownPlaceholders } from '../domain/canned-replies';
import { localeCodeSchema } from './playbooks';

const shortcut = z
  .string({ error: 'The shortcut is required' })
  .trim()
  .min(1, 'The shortcut is empty')
  .max(CANNED_REPLY_LIMITS.shortcutMax, `At most ${CANNED_REPLY_LIMITS.shortcutMax} characters`)
  .regex(SHORTCUT_PATTERN, 'Use lowercase letters and digits, with single hyphens between them (no spaces)');

const title = z
  .string({ error: 'The title is required' })
  .trim()
  .min(1, 'The title is empty')
  .max(CANNED_REPLY_LIMITS.titleMax, `At most ${CANNED_REPLY_LIMITS.titleMax} characters`);

const known = CANNED_REPLY_PLACEHOLDERS.map((name) => `{${name}}`).join(', ');
/** The reply as the composer writes messages: plain text with the chat's markup (`**bold**`, `_italic_`, links, `- ` lists). */
const body = z
  .string({ error: 'The text is required' })
  .trim()
  .min(1, 'The text is empty')
  .max(CANNED_REPLY_LIMITS.bodyMax, `At most ${CANNED_REPLY_LIMITS.bodyMax} characters`)
  .superRefine((text, ctx) => {
    const unknown = unknownPlaceholders(text);
    if (unknown.length > 0) ctx.addIssue({ code: 'custom', message: `Unknown placeholder ${unknown.join(', ')}; use ${known}` });
  });

/** POST /live-chat/canned-replies?locale= */
export const createCannedReplyBodySchema = z.strictObject({ shortcut, title, body });
export type CreateCannedReplyBody = z.input<typeof createCannedReplyBodySchema>;

/**
 * PUT /live-chat/canned-replies/:documentId?locale=: changes the copy in that locale (omitted fields
 * are kept), or creates it from all three fields when the reply has no copy in that locale yet.
 */
export const updateCannedReplyBodySchema = z
  .strictObject({ shortcut: shortcut.optional(), title: title.optional(), body: body.optional() })
  .refine((changes) => Object.keys(changes).length > 0, { message: 'Nothing to change' });
export type UpdateCannedReplyBody = z.input<typeof updateCannedReplyBodySchema>;

/** `?locale=` of the canned-reply routes; without it, the i18n plugin's default locale. */
export const cannedReplyLocaleQuerySchema = z.strictObject({ locale: localeCodeSchema.optional() });

/** One language's copy of a canned reply. */
export interface CannedReply {
  documentId: string;
  locale: string;
  shortcut: string;
  title: string;
  body: string;
  /** Every locale the reply has a copy in. */
  locales: string[];
  updatedAt: string;
}

/** A locale of Settings > Internationalization. */
export interface CannedReplyLocale {
  code: string;
  name: string;
  isDefault: boolean;
}

/** GET /live-chat/canned-replies?locale=: every reply with a copy in that locale, by shortcut. */
export interface CannedReplyListResponse {
  data: CannedReply[];
  meta: { locale: string; defaultLocale: string; locales: CannedReplyLocale[] };
}

/** GET, POST, PUT /live-chat/canned-replies/:documentId */
export interface CannedReplyResponse {
  data: CannedReply;
}

/** DELETE /live-chat/canned-replies/:documentId[?locale=] */
export interface CannedReplyDeletedResponse {
  data: { documentId: string; locales: string[] };
}

/** What the composer's picker offers: one copy per reply, in the chat's language. */
export type ComposerCannedReply = Pick<CannedReply, 'documentId' | 'locale' | 'shortcut' | 'title' | 'body'>;

/** GET /live-chat/conversations/:documentId/canned-replies */
export interface ComposerCannedReplyListResponse {
  data: ComposerCannedReply[];
  /** The visitor's language the copies were picked for (null: unknown, so the default locale's). */
  meta: { language: string | null; defaultLocale: string };
}
