import type { Core } from '@strapi/strapi';
import { CARD_KINDS, uid, type CardKind } from '../../../shared/constants';
import { fromDbDatetime } from './sql';

const PLAYBOOK = uid('playbook');
const CARD = uid('card');
const INSTALLATION = uid('installation');

/** Draft & publish: the admin edits the draft; the widget runs the published version (A8). */
export type Version = 'draft' | 'published';

/** A locale of Strapi's i18n plugin (Settings > Internationalization). */
export interface LocaleRecord {
  code: string;
  name: string;
}

/** Which locales hold a copy of a playbook, in which versions. */
export interface CopyRecord {
  locale: string;
  draft: boolean;
  published: boolean;
}

export interface PlaybookRecord {
  documentId: string;
  name: string;
  active: boolean;
  targetUrlPatterns: string[];
  updatedAt: Date;
}

/** A card as stored; rich text is whatever the column holds and is sanitized again by readers (A4). */
export interface CardRecord {
  documentId: string;
  playbookDocumentId: string | null;
  position: number;
  kind: CardKind;
  title: string | null;
  settings: Record<string, unknown>;
  onlineMessage: unknown;
  waitTimeSeconds: number | null;
  offlineMessage: unknown;
}

/** The columns a card write sets; rich text arrives here already sanitized and in stored form. */
export interface CardData {
  position?: number;
  kind?: CardKind;
  title?: string | null;
  settings?: Record<string, unknown>;
  onlineMessage?: unknown[] | null;
  waitTimeSeconds?: number | null;
  offlineMessage?: unknown[] | null;
}

export interface PlaybookData {
  name?: string;
  active?: boolean;
  targetUrlPatterns?: string[];
}

export interface InstallationRecord {
  playbookDocumentId: string;
  origin: string;
  path: string;
  lastSeenAt: Date;
}

type Row = Record<string, unknown>;

/**
 * The part of Strapi's document service used here. The plugin's schemas are not in Strapi's
 * generated types, so rows are typed as plain records and read through the mappers below.
 */
interface DocumentService {
  findMany(params: Row): Promise<unknown>;
  findOne(params: Row): Promise<unknown>;
  create(params: { data: Row; locale?: string }): Promise<{ documentId: string }>;
  update(params: Row): Promise<unknown>;
  delete(params: { documentId: string; locale?: string }): Promise<unknown>;
  publish(params: { documentId: string; locale?: string }): Promise<unknown>;
  unpublish(params: { documentId: string; locale?: string }): Promise<unknown>;
}
interface LocaleService {
  getDefaultLocale(): Promise<string>;
  find(params?: Row): Promise<unknown>;
}
/** Every locale of a document (Strapi's `locale: '*'`), for deletes and takedowns. */
const ALL_LOCALES = '*';
const isRecord = (v: unknown): v is Row => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);
const isCardKind = (v: unknown): v is CardKind => (CARD_KINDS as readonly unknown[]).includes(v);

function toPlaybook(row: Row): PlaybookRecord {
  return {
    documentId: String(row.documentId),
    name: String(row.name ?? ''),
    active: row.active === true || row.active === 1,
    targetUrlPatterns: strings(row.targetUrlPatterns),
    updatedAt: fromDbDatetime(row.updatedAt) ?? new Date(0),
  };
}

/** Cards of a kind this version does not know are skipped rather than guessed at. */
function toCard(row: Row): CardRecord | null {
  if (!isCardKind(row.kind)) return null;
  const playbook = isRecord(row.playbook) ? row.playbook : null;
  return {
    documentId: String(row.documentId),
    playbookDocumentId: playbook ? String(playbook.documentId) : null,
    position: Number(row.position ?? 0),
    kind: row.kind,
    title: typeof row.title === 'string' ? row.title : null,
    settings: isRecord(row.settings) ? row.settings : {},
    onlineMessage: row.onlineMessage ?? null,
    waitTimeSeconds: typeof row.waitTimeSeconds === 'number' ? row.waitTimeSeconds : null,
    offlineMessage: row.offlineMessage ?? null,
  };
}

const PLAYBOOK_FIELDS = ['name', 'active', 'targetUrlPatterns', 'updatedAt'];
const CARD_FIELDS = ['position', 'kind', 'title', 'settings', 'onlineMessage', 'waitTimeSeconds', 'offlineMessage'];
const CARD_QUERY = {
  fields: CARD_FIELDS,
  populate: { playbook: { fields: ['documentId'] } },
  // The id breaks ties so two cards with the same position never swap between reads.
  sort: ['position:asc', 'id:asc'],
};

/** The only code that reads and writes playbooks, their cards and installations. */
export const createPlaybookRepository = (strapi: Core.Strapi) => {
  const playbooks = () => strapi.documents(PLAYBOOK) as unknown as DocumentService;
  const cards = () => strapi.documents(CARD) as unknown as DocumentService;
  const rows = (value: unknown): Row[] => (Array.isArray(value) ? value.filter(isRecord) : []);
  const cardRows = (value: unknown): CardRecord[] => rows(value).map(toCard).filter((c): c is CardRecord => c !== null);

  const locales = () => strapi.plugin('i18n').service('locales') as unknown as LocaleService;
  const defaultLocale = async (): Promise<string> => String(await locales().getDefaultLocale());

  return {
    /** Runs `work` in one database transaction: a failed step leaves nothing half-written (F4). */
    async transaction<T>(work: () => Promise<T>): Promise<T> {
      // Strapi types the result as the callback's return type, i.e. a promise inside the promise.
      return (await strapi.db.transaction(() => work())) as T;
    },

    /** The i18n plugin's default locale: the one whose cards give every copy its structure. */
    defaultLocale,

    /** The locales admins configured in the i18n plugin, by code. */
    async listLocales(): Promise<LocaleRecord[]> {
      const found = await locales().find();
      return rows(found)
        .map((row) => ({ code: String(row.code), name: String(row.name ?? row.code) }))
        .sort((a, b) => a.code.localeCompare(b.code));
    },

    /** The locales holding a copy of each of the playbooks, from one query over every row. */
    async listCopies(documentIds: string[]): Promise<Map<string, CopyRecord[]>> {
      const byPlaybook = new Map<string, CopyRecord[]>();
      if (documentIds.length === 0) return byPlaybook;
      const found = await strapi.db.query(PLAYBOOK).findMany({
        where: { documentId: { $in: documentIds } },
        select: ['documentId', 'locale', 'publishedAt'],
      });
      for (const row of rows(found)) {
        const documentId = String(row.documentId);
        const copies = byPlaybook.get(documentId) ?? [];
        const locale = String(row.locale);
        const copy = copies.find((c) => c.locale === locale) ?? { locale, draft: false, published: false };
        if (row.publishedAt === null || row.publishedAt === undefined) copy.draft = true;
        else copy.published = true;
        if (!copies.includes(copy)) copies.push(copy);
        byPlaybook.set(documentId, copies);
      }
      return byPlaybook;
    },

    async listPlaybooks(version: Version, filters: Row, locale: string): Promise<PlaybookRecord[]> {
      const found = await playbooks().findMany({ status: version, locale, filters, fields: PLAYBOOK_FIELDS, sort: 'updatedAt:desc' });
      return rows(found).map(toPlaybook);
    },

    async findPlaybook(documentId: string, version: Version, locale: string): Promise<PlaybookRecord | null> {
      const found = await playbooks().findOne({ documentId, status: version, locale, fields: PLAYBOOK_FIELDS });
      return isRecord(found) ? toPlaybook(found) : null;
    },

    /**
     * The row id of the playbook's published default-locale version (conversations and installations
     * link to it: one row per document, whatever the number of copies), or null.
     */
    async publishedRowId(documentId: string): Promise<number | null> {
      const locale = await defaultLocale();
      const row = await strapi.db
        .query(PLAYBOOK)
        .findOne({ where: { documentId, locale, publishedAt: { $notNull: true } }, select: ['id'] });
      return isRecord(row) && typeof row.id === 'number' ? row.id : null;
    },

    /** Cards of the given playbooks in this version and locale, ordered by position. */
    async listCards(version: Version, playbookDocumentIds: string[], locale: string): Promise<CardRecord[]> {
      if (playbookDocumentIds.length === 0) return [];
      const filters = { playbook: { documentId: { $in: playbookDocumentIds } } };
      return cardRows(await cards().findMany({ ...CARD_QUERY, status: version, locale, filters }));
    },

    async findCard(documentId: string, version: Version, locale: string): Promise<CardRecord | null> {
      const found = await cards().findOne({ ...CARD_QUERY, documentId, status: version, locale });
      return isRecord(found) ? toCard(found) : null;
    },

    /** A new playbook document, in the default locale. */
    async createPlaybook(data: Required<PlaybookData>): Promise<string> {
      const created = await playbooks().create({ data: { ...data } });
      return String(created.documentId);
    },

    /** Updates the draft in `locale`; Strapi creates the locale's copy when the document has none there yet. */
    async updatePlaybook(documentId: string, data: PlaybookData, locale: string): Promise<void> {
      await playbooks().update({ documentId, status: 'draft', locale, data: { ...data } });
    },

    async publishPlaybook(documentId: string, locale: string): Promise<void> {
      await playbooks().publish({ documentId, locale });
    },

    /** Takes every locale's published version down. */
    async unpublishPlaybook(documentId: string): Promise<void> {
      await playbooks().unpublish({ documentId, locale: ALL_LOCALES });
    },

    /** Deletes every version of the playbook in every locale. */
    async deletePlaybook(documentId: string): Promise<void> {
      await playbooks().delete({ documentId, locale: ALL_LOCALES });
    },

    /** A new card document, in the default locale. */
    async createCard(playbookDocumentId: string, data: CardData): Promise<string> {
      const created = await cards().create({ data: { ...data, playbook: playbookDocumentId } });
      return String(created.documentId);
    },

    /**
     * Updates the card's draft in `locale`; Strapi creates the locale's copy when there is none yet,
     * then `playbookDocumentId` links it to the playbook's copy in the same locale.
     */
    async updateCard(documentId: string, data: CardData, locale: string, playbookDocumentId?: string): Promise<void> {
      const link = playbookDocumentId === undefined ? {} : { playbook: playbookDocumentId };
      await cards().update({ documentId, status: 'draft', locale, data: { ...data, ...link } });
    },

    async publishCard(documentId: string, locale: string): Promise<void> {
      await cards().publish({ documentId, locale });
    },

    /** Takes every locale's published version of the card down. */
    async unpublishCard(documentId: string): Promise<void> {
      await cards().unpublish({ documentId, locale: ALL_LOCALES });
    },

    /** Deletes every version of the card in every locale. */
    async deleteCard(documentId: string): Promise<void> {
      await cards().delete({ documentId, locale: ALL_LOCALES });
    },

    /**
     * Deletes only the drafts of a card (in every locale), so a published playbook keeps running
     * unchanged until the admin saves (publishes) again. The documents API refuses to delete a
     * draft alone, hence the query engine, whose single-row delete also removes the relation rows.
     */
    async deleteCardDrafts(documentId: string): Promise<void> {
      const drafts = await strapi.db.query(CARD).findMany({ where: { documentId, publishedAt: null }, select: ['id'] });
      for (const draft of rows(drafts)) await strapi.db.query(CARD).delete({ where: { id: draft.id } });
    },

    /** Pages the widget reported from, newest first (A5). */
    async listInstallations(playbookDocumentIds: string[]): Promise<InstallationRecord[]> {
      if (playbookDocumentIds.length === 0) return [];
      const found = await strapi.db.query(INSTALLATION).findMany({
        where: { playbookDocumentId: { $in: playbookDocumentIds } },
        select: ['playbookDocumentId', 'origin', 'path', 'lastSeenAt'],
        orderBy: { lastSeenAt: 'desc' },
      });
      return rows(found).map((row) => ({
        playbookDocumentId: String(row.playbookDocumentId),
        origin: String(row.origin),
        path: String(row.path),
        lastSeenAt: fromDbDatetime(row.lastSeenAt) ?? new Date(0),
      }));
    },

    async deleteInstallations(playbookDocumentId: string): Promise<void> {
      await strapi.db.query(INSTALLATION).deleteMany({ where: { playbookDocumentId } });
    },
  };
};

export type PlaybookRepository = ReturnType<typeof createPlaybookRepository>;
