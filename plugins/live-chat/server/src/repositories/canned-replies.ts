import type { Core } from '@strapi/strapi';
import { uid } from '../../../shared/constants';
import type { LocaleRecord } from './playbooks';
import { fromDbDatetime } from './sql';

const CANNED_REPLY = uid('canned-reply');

/** One locale's copy of a canned reply, as stored. */
export interface CannedReplyRecord {
  documentId: string;
  locale: string;
  shortcut: string;
  title: string;
  body: string;
  updatedAt: Date;
}

export interface CannedReplyData {
  shortcut?: string;
  title?: string;
  body?: string;
}

type Row = Record<string, unknown>;
interface DocumentService {
  create(params: { data: Row; locale: string }): Promise<unknown>;
  update(params: { documentId: string; locale: string; data: Row }): Promise<unknown>;
  delete(params: { documentId: string; locale: string }): Promise<unknown>;
}
interface LocaleService {
  getDefaultLocale(): Promise<string>;
  find(params?: Row): Promise<unknown>;
}

const FIELDS = ['documentId', 'locale', 'shortcut', 'title', 'body', 'updatedAt'];
const isRecord = (v: unknown): v is Row => typeof v === 'object' && v !== null && !Array.isArray(v);
const rows = (value: unknown): Row[] => (Array.isArray(value) ? value.filter(isRecord) : []);
const toRecord = (row: Row): CannedReplyRecord => ({
  documentId: String(row.documentId),
  locale: String(row.locale),
  shortcut: String(row.shortcut ?? ''),
  title: String(row.title ?? ''),
  body: String(row.body ?? ''),
  updatedAt: fromDbDatetime(row.updatedAt) ?? new Date(0),
});
/** Every locale of a document (Strapi's `locale: '*'`). */
const ALL_LOCALES = '*';

/** The only code that reads and writes canned replies (G3). */
export const createCannedReplyRepository = (strapi: Core.Strapi) => {
  const query = () => strapi.db.query(CANNED_REPLY);
  // Writes go through the document service: it keeps a document's copies together across locales.
  const documents = () => strapi.documents(CANNED_REPLY) as unknown as DocumentService;
  const locales = () => strapi.plugin('i18n').service('locales') as unknown as LocaleService;

  return {
    /** The i18n plugin's default locale. */
    defaultLocale: async (): Promise<string> => String(await locales().getDefaultLocale()),

    /** The locales of Settings > Internationalization, by code. */
    async listLocales(): Promise<LocaleRecord[]> {
      return rows(await locales().find())
        .map((row) => ({ code: String(row.code), name: String(row.name ?? row.code) }))
        .sort((a, b) => a.code.localeCompare(b.code));
    },

    /** Every copy of every reply (the composer picks one per reply; a team keeps dozens, not thousands). */
    async listAll(): Promise<CannedReplyRecord[]> {
      return rows(await query().findMany({ select: FIELDS, orderBy: [{ shortcut: 'asc' }, { id: 'asc' }] })).map(toRecord);
    },

    /** The copies in one locale, by shortcut. */
    async listInLocale(locale: string): Promise<CannedReplyRecord[]> {
      return rows(await query().findMany({ where: { locale }, select: FIELDS, orderBy: [{ shortcut: 'asc' }, { id: 'asc' }] })).map(toRecord);
    },

    /** The locales each of the replies has a copy in. */
    async localesOf(documentIds: string[]): Promise<Map<string, string[]>> {
      const found = new Map<string, string[]>();
      if (documentIds.length === 0) return found;
      for (const row of rows(await query().findMany({ where: { documentId: { $in: documentIds } }, select: ['documentId', 'locale'] }))) {
        const documentId = String(row.documentId);
        found.set(documentId, [...(found.get(documentId) ?? []), String(row.locale)].sort());
      }
      return found;
    },

    async find(documentId: string, locale: string): Promise<CannedReplyRecord | null> {
      const row = await query().findOne({ where: { documentId, locale }, select: FIELDS });
      return isRecord(row) ? toRecord(row) : null;
    },

    /** Whether the reply has a copy in any locale. */
    async exists(documentId: string): Promise<boolean> {
      return (await query().count({ where: { documentId } })) > 0;
    },

    /** Whether another reply already uses the shortcut in this locale. */
    async shortcutTaken(locale: string, shortcut: string, exceptDocumentId: string | null): Promise<boolean> {
      const where: Row = { locale, shortcut };
      if (exceptDocumentId) where.documentId = { $ne: exceptDocumentId };
      return (await query().count({ where })) > 0;
    },

    /** A new reply with its first copy; answers its document id. */
    async create(locale: string, data: Required<CannedReplyData>): Promise<string> {
      const created = await documents().create({ data, locale });
      return String((created as { documentId: string }).documentId);
    },

    /** Changes the copy in `locale`, or adds that copy when the reply has none in it yet. */
    async update(documentId: string, locale: string, data: CannedReplyData): Promise<void> {
      await documents().update({ documentId, locale, data: { ...data } });
    },

    /** Deletes one copy, or every copy (`locale` null). */
    async remove(documentId: string, locale: string | null): Promise<void> {
      await documents().delete({ documentId, locale: locale ?? ALL_LOCALES });
    },

    /** The language the visitor's page declared (the widget reports it with the session), or null. */
    async visitorLanguage(visitorId: number): Promise<string | null> {
      const row = await strapi.db.query(uid('visitor')).findOne({ where: { id: visitorId }, select: ['language'] });
      return isRecord(row) && typeof row.language === 'string' && row.language !== '' ? row.language : null;
    },
  };
};
export type CannedReplyRepository = ReturnType<typeof createCannedReplyRepository>;
