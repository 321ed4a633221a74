import type { Core } from '@strapi/strapi';
import { CARD_KINDS, uid, type CardKind } from '../../../shared/constants';
import { fromDbDatetime } from './sql';

const PLAYBOOK = uid('playbook');
const CARD = uid('card');
const INSTALLATION = uid('installation');

/** Draft & publish: the admin edits the draft; the widget runs the published version (A8). */
export type Version = 'draft' | 'published';

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
  create(params: { data: Row }): Promise<{ documentId: string }>;
  update(params: Row): Promise<unknown>;
  delete(params: { documentId: string }): Promise<unknown>;
  publish(params: { documentId: string }): Promise<unknown>;
  unpublish(params: { documentId: string }): Promise<unknown>;
}
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

  return {
    /** Runs `work` in one database transaction: a failed step leaves nothing half-written (F4). */
    async transaction<T>(work: () => Promise<T>): Promise<T> {
      // Strapi types the result as the callback's return type, i.e. a promise inside the promise.
      return (await strapi.db.transaction(() => work())) as T;
    },

    async listPlaybooks(version: Version, filters: Row = {}): Promise<PlaybookRecord[]> {
      const found = await playbooks().findMany({ status: version, filters, fields: PLAYBOOK_FIELDS, sort: 'updatedAt:desc' });
      return rows(found).map(toPlaybook);
    },

    async findPlaybook(documentId: string, version: Version): Promise<PlaybookRecord | null> {
      const found = await playbooks().findOne({ documentId, status: version, fields: PLAYBOOK_FIELDS });
      return isRecord(found) ? toPlaybook(found) : null;
    },

    /** Cards of the given playbooks in this version, ordered by position. */
    async listCards(version: Version, playbookDocumentIds: string[]): Promise<CardRecord[]> {
      if (playbookDocumentIds.length === 0) return [];
      const filters = { playbook: { documentId: { $in: playbookDocumentIds } } };
      return cardRows(await cards().findMany({ ...CARD_QUERY, status: version, filters }));
    },

    async findCard(documentId: string, version: Version): Promise<CardRecord | null> {
      const found = await cards().findOne({ ...CARD_QUERY, documentId, status: version });
      return isRecord(found) ? toCard(found) : null;
    },

    async createPlaybook(data: Required<PlaybookData>): Promise<string> {
      const created = await playbooks().create({ data: { ...data } });
      return String(created.documentId);
    },

    async updatePlaybook(documentId: string, data: PlaybookData): Promise<void> {
      await playbooks().update({ documentId, status: 'draft', data: { ...data } });
    },

    async publishPlaybook(documentId: string): Promise<void> {
      await playbooks().publish({ documentId });
    },

    async unpublishPlaybook(documentId: string): Promise<void> {
      await playbooks().unpublish({ documentId });
    },

    /** Deletes every version of the playbook. */
    async deletePlaybook(documentId: string): Promise<void> {
      await playbooks().delete({ documentId });
    },

    async createCard(playbookDocumentId: string, data: CardData): Promise<string> {
      const created = await cards().create({ data: { ...data, playbook: playbookDocumentId } });
      return String(created.documentId);
    },

    async updateCard(documentId: string, data: CardData): Promise<void> {
      await cards().update({ documentId, status: 'draft', data: { ...data } });
    },

    async publishCard(documentId: string): Promise<void> {
      await cards().publish({ documentId });
    },

    async unpublishCard(documentId: string): Promise<void> {
      await cards().unpublish({ documentId });
    },

    /** Deletes every version of the card. */
    async deleteCard(documentId: string): Promise<void> {
      await cards().delete({ documentId });
    },

    /**
     * Deletes only the draft of a card, so a published playbook keeps running unchanged until the
     * admin saves (publishes) again. The documents API refuses to delete a draft alone, hence the
     * query engine, which also removes the draft's relation rows.
     */
    async deleteCardDraft(documentId: string): Promise<void> {
      await strapi.db.query(CARD).delete({ where: { documentId, publishedAt: null } });
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
