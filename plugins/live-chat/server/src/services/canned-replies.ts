import type { Core } from '@strapi/strapi';
import type {
  CannedReply,
  CannedReplyListResponse,
  ComposerCannedReplyListResponse,
  CreateCannedReplyBody,
  UpdateCannedReplyBody,
} from '../../../shared/contracts/canned-replies';
import { copiesForLanguage } from '../../../shared/domain/canned-replies';
import { canSee, type Agent } from '../../../shared/domain';
import { conflict, invalidInput, notFound } from '../errors';
import { resolveLocale } from '../playbooks/locales';
import { createCannedReplyRepository, type CannedReplyRecord } from '../repositories/canned-replies';
import { createConversationRepository } from '../repositories/conversations';
import { isUniqueViolation } from '../repositories/sql';

const REQUIRED = ['shortcut', 'title', 'body'] as const;

/** 409 naming the field, so the settings form shows it at the shortcut. */
function shortcutTaken(shortcut: string, locale: string) {
  const message = `Another canned reply in ${locale} already uses the shortcut "${shortcut}"`;
  const error = conflict('shortcut_taken', message);
  Object.assign(error, { details: { code: 'shortcut_taken', errors: [{ path: ['shortcut'], message, name: 'ConflictError' }] } });
  return error;
}

/** G3: canned replies, managed in the plugin's settings and offered in the inbox composer. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const replies = createCannedReplyRepository(strapi);
  const conversations = createConversationRepository(strapi);

  const present = (record: CannedReplyRecord, locales: string[]): CannedReply => ({
    documentId: record.documentId,
    locale: record.locale,
    shortcut: record.shortcut,
    title: record.title,
    body: record.body,
    locales,
    updatedAt: record.updatedAt.toISOString(),
  });

  async function presentOne(documentId: string, locale: string): Promise<CannedReply> {
    const record = await replies.find(documentId, locale);
    if (!record) throw notFound('Canned reply');
    return present(record, (await replies.localesOf([documentId])).get(documentId) ?? [locale]);
  }

  /** Runs a write; a shortcut another save took a moment earlier (the unique index) is the same 409. */
  async function guardShortcut(locale: string, shortcut: string | undefined, exceptDocumentId: string | null, write: () => Promise<void>) {
    if (shortcut !== undefined && (await replies.shortcutTaken(locale, shortcut, exceptDocumentId))) throw shortcutTaken(shortcut, locale);
    try {
      await write();
    } catch (error) {
      if (shortcut !== undefined && isUniqueViolation(error)) throw shortcutTaken(shortcut, locale);
      throw error;
    }
  }

  return {
    /** Every reply with a copy in the locale (default: the default locale), and the locales to switch to. */
    async list(requestedLocale?: string): Promise<CannedReplyListResponse> {
      const scope = await resolveLocale(replies, requestedLocale);
      const records = await replies.listInLocale(scope.locale);
      const locales = await replies.localesOf(records.map((r) => r.documentId));
      return {
        data: records.map((record) => present(record, locales.get(record.documentId) ?? [record.locale])),
        meta: {
          locale: scope.locale,
          defaultLocale: scope.defaultLocale,
          locales: (await replies.listLocales()).map((l) => ({ ...l, isDefault: l.code === scope.defaultLocale })),
        },
      };
    },

    /** One reply's copy in a locale; 404 when it has none there. */
    async get(documentId: string, requestedLocale?: string): Promise<CannedReply> {
      const { locale } = await resolveLocale(replies, requestedLocale);
      return presentOne(documentId, locale);
    },

    /** A new reply, its first copy in the locale; 409 when the shortcut is taken there. */
    async create(input: Required<CreateCannedReplyBody>, requestedLocale?: string): Promise<CannedReply> {
      const { locale } = await resolveLocale(replies, requestedLocale);
      let documentId = '';
      await guardShortcut(locale, input.shortcut, null, async () => {
        documentId = await replies.create(locale, input);
      });
      return presentOne(documentId, locale);
    },

    /**
     * Changes the reply's copy in the locale, or adds that copy (all three fields needed, else 400).
     * 404 when the reply does not exist at all; 409 when the shortcut is taken in that locale.
     */
    async update(documentId: string, input: UpdateCannedReplyBody, requestedLocale?: string): Promise<{ reply: CannedReply; created: boolean }> {
      const { locale } = await resolveLocale(replies, requestedLocale);
      const existing = await replies.find(documentId, locale);
      if (!existing) {
        if (!(await replies.exists(documentId))) throw notFound('Canned reply');
        const missing = REQUIRED.filter((field) => input[field] === undefined);
        if (missing.length > 0) {
          throw invalidInput(
            `The reply has no ${locale} copy yet: give its shortcut, title and text`,
            missing.map((field) => ({ path: [field], message: `Required for a new ${locale} copy` })),
          );
        }
      }
      await guardShortcut(locale, input.shortcut, documentId, () => replies.update(documentId, locale, input));
      return { reply: await presentOne(documentId, locale), created: !existing };
    },

    /** Deletes the reply's copy in one locale, or the whole reply (every copy) when no locale is given. */
    async remove(documentId: string, requestedLocale?: string): Promise<{ documentId: string; locales: string[] }> {
      const locale = requestedLocale === undefined ? null : (await resolveLocale(replies, requestedLocale)).locale;
      const held = (await replies.localesOf([documentId])).get(documentId) ?? [];
      const removed = locale === null ? held : held.filter((l) => l === locale);
      if (removed.length === 0) throw notFound('Canned reply');
      await replies.remove(documentId, locale);
      return { documentId, locales: removed };
    },

    /**
     * The composer's picker: each reply once, in the visitor's language when it has a copy in it,
     * else in the default locale. Only for a conversation the agent may see (B6: 404 otherwise).
     */
    async forConversation(agent: Agent, conversationDocumentId: string): Promise<ComposerCannedReplyListResponse> {
      const conversation = await conversations.findByDocumentId(conversationDocumentId);
      if (!conversation || !canSee(agent, conversation)) throw notFound('Conversation');
      const language = conversation.visitorId === null ? null : await replies.visitorLanguage(conversation.visitorId);
      const defaultLocale = await replies.defaultLocale();
      const picked = copiesForLanguage(await replies.listAll(), language, defaultLocale)
        .sort((a, b) => a.shortcut.localeCompare(b.shortcut))
        .map(({ documentId, locale, shortcut, title, body }) => ({ documentId, locale, shortcut, title, body }));
      return { data: picked, meta: { language, defaultLocale } };
    },
  };
};
