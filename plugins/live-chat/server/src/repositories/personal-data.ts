import { randomBytes } from 'node:crypto';
import { EMAIL_OUTBOX_TABLE } from '../migrations/email-outbox';
import type { Core } from '@strapi/strapi';
import { uid } from '../../../shared/constants';
import { PERSONAL_COLUMNS, clearedColumns, identifiersOf, redactEventData, redactText } from '../../../shared/domain/personal-data';
import { toRecord as toConversationRecord, recordSelectSql, type ConversationRecord } from './conversations';
import { toStoredTimelineEntry, type StoredTimelineEntry } from './timeline';
import { TABLES, fromDbDatetime, table, toDbDatetime, type Transaction } from './sql';

type Row = Record<string, unknown>;

/** The records one erasure or export covers: a person, every visitor who chatted as them, all their chats. */
export interface SubjectScope {
  visitorIds: number[];
  personIds: number[];
  conversationIds: number[];
}

/** How many records of each kind an erasure changed (the audit log keeps only this). */
export interface ErasureCounts {
  conversations: number;
  messages: number;
  files: number;
  visitors: number;
  persons: number;
  leads: number;
  deals: number;
  activities: number;
}

export const emptyCounts = (): ErasureCounts => ({
  conversations: 0,
  messages: 0,
  files: 0,
  visitors: 0,
  persons: 0,
  leads: 0,
  deals: 0,
  activities: 0,
});

const CRM_KINDS = ['lead', 'deal', 'activity'] as const;
type CrmKind = (typeof CRM_KINDS)[number];
const CRM_TABLE = { lead: 'leads', deal: 'deals', activity: 'activities' } as const;

const ids = (rows: Row[], column: string) =>
  [...new Set(rows.map((row) => row[column]).filter((value) => value !== null && value !== undefined).map(Number))];
const chunks = <T>(values: T[], size = 500): T[][] =>
  Array.from({ length: Math.ceil(values.length / size) }, (_, index) => values.slice(index * size, index * size + size));

/** F5, G9: reads and erases a subject's personal data (the only code touching those rows for it). */
export const createPersonalDataRepository = (strapi: Core.Strapi) => {
  const query = (name: 'person' | 'lead' | 'deal' | 'activity' | 'organization') => strapi.db.query(uid(name));

  /** Conversations of these visitors or persons. */
  async function conversationsOf(visitorIds: number[], personIds: number[]): Promise<Row[]> {
    if (visitorIds.length === 0 && personIds.length === 0) return [];
    return table(strapi, TABLES.conversations)
      .where((where) => {
        if (visitorIds.length) where.orWhereIn('visitor_id', visitorIds);
        if (personIds.length) where.orWhereIn('person_id', personIds);
      })
      .select('id', 'visitor_id', 'person_id');
  }

  /** The CRM records (leads, deals, activities) of these persons or conversations, by query engine. */
  async function crmRowsOf(kind: CrmKind, scope: SubjectScope): Promise<Row[]> {
    const or: Row[] = [];
    if (scope.personIds.length) or.push({ person: { id: { $in: scope.personIds } } });
    if (scope.conversationIds.length) or.push({ conversation: { id: { $in: scope.conversationIds } } });
    if (or.length === 0) return [];
    const populate = kind === 'activity' ? ['person', 'conversation', 'lead', 'deal'] : ['person', 'organization', 'conversation'];
    return (await query(kind).findMany({ where: { $or: or }, populate, orderBy: { id: 'asc' } })) as Row[];
  }

  return {
    /** The id of a visitor, person or conversation by documentId, with its seeds (null: unknown). */
    async findSeed(kind: 'visitor' | 'person' | 'conversation', documentId: string): Promise<{ visitorIds: number[]; personIds: number[] } | null> {
      const name = kind === 'visitor' ? TABLES.visitors : kind === 'person' ? TABLES.persons : TABLES.conversations;
      const columns = kind === 'conversation' ? ['id', 'visitor_id', 'person_id'] : ['id'];
      const row: Row | undefined = await table(strapi, name).where({ document_id: documentId }).first(columns);
      if (!row) return null;
      if (kind === 'visitor') return { visitorIds: [Number(row.id)], personIds: [] };
      if (kind === 'person') return { visitorIds: [], personIds: [Number(row.id)] };
      return { visitorIds: ids([row], 'visitor_id'), personIds: ids([row], 'person_id') };
    },

    /**
     * Everything that belongs to the same human as the seeds: the conversations of the visitors and
     * persons, the visitors and persons of those conversations, again, until nothing new is found.
     */
    async scopeOf(seeds: { visitorIds: number[]; personIds: number[] }): Promise<SubjectScope> {
      const visitors = new Set(seeds.visitorIds);
      const persons = new Set(seeds.personIds);
      let conversations: Row[] = [];
      for (let round = 0; round < 5; round++) {
        conversations = await conversationsOf([...visitors], [...persons]);
        const before = visitors.size + persons.size;
        for (const id of ids(conversations, 'visitor_id')) visitors.add(id);
        for (const id of ids(conversations, 'person_id')) persons.add(id);
        if (visitors.size + persons.size === before) break;
      }
      return { visitorIds: [...visitors], personIds: [...persons], conversationIds: ids(conversations, 'id').sort((a, b) => a - b) };
    },

    /** The conversations of a scope as the services know them (for B6 checks and events). */
    async conversationRecords(conversationIds: number[]): Promise<ConversationRecord[]> {
      const records: ConversationRecord[] = [];
      for (const part of chunks(conversationIds)) {
        const rows: Row[] = (await strapi.db.connection.raw(`${recordSelectSql(TABLES.conversations)} where ${TABLES.conversations}.id in (${part.map(() => '?').join(', ')})`, part)) as Row[];
        // SQLite answers rows, PostgreSQL a result with `rows`.
        const list = Array.isArray(rows) ? rows : ((rows as { rows: Row[] }).rows ?? []);
        records.push(...list.map(toConversationRecord));
      }
      return records.sort((a, b) => a.id - b.id);
    },

    /** The visitor rows of a scope, every attribute but the token subject and the flow's engine state. */
    async visitorRows(visitorIds: number[]): Promise<Row[]> {
      if (!visitorIds.length) return [];
      const rows = (await strapi.db.query(uid('visitor')).findMany({ where: { id: { $in: visitorIds } }, orderBy: { id: 'asc' } })) as Row[];
      return rows.map(({ subject: _subject, flow: _flow, flowVersion: _version, ...rest }) => rest);
    },

    /** The person rows of a scope with their organization. */
    async personRows(personIds: number[]): Promise<Row[]> {
      if (!personIds.length) return [];
      return (await query('person').findMany({ where: { id: { $in: personIds } }, populate: ['organization'], orderBy: { id: 'asc' } })) as Row[];
    },

    /** A conversation's whole timeline in seq order, each entry with its stored file's upload id (or null). */
    async timelineOf(conversationId: number): Promise<Array<{ entry: StoredTimelineEntry; fileId: number | null }>> {
      const rows: Row[] = await table(strapi, TABLES.messages).where({ conversation_id: conversationId }).orderBy('seq', 'asc');
      return rows.map((row) => ({ entry: toStoredTimelineEntry(row), fileId: row.file_id === null || row.file_id === undefined ? null : Number(row.file_id) }));
    },

    /** The satisfaction rating a visitor gave a conversation (CSAT), or null. */
    async ratingOf(conversationId: number): Promise<{ rating: number; comment: string | null; ratedAt: string | null } | null> {
      const row: Row | undefined = await table(strapi, TABLES.conversations).where({ id: conversationId }).first('rating', 'rating_comment', 'rated_at');
      if (!row || row.rating === null || row.rating === undefined) return null;
      const ratedAt = fromDbDatetime(row.rated_at);
      return { rating: Number(row.rating), comment: (row.rating_comment as string | null) ?? null, ratedAt: ratedAt?.toISOString() ?? null };
    },

    /** Leads, deals and activities of the scope's persons and conversations. */
    async crmRows(scope: SubjectScope): Promise<Record<'leads' | 'deals' | 'activities', Row[]>> {
      const [leads, deals, activities] = await Promise.all(CRM_KINDS.map((kind) => crmRowsOf(kind, scope)));
      return { leads, deals, activities };
    },

    /** The identifiers free text may hold: names, emails and phones of the scope's records. */
    async identifiersOf(scope: SubjectScope): Promise<string[]> {
      const values: Array<string | null> = [];
      for (const part of chunks(scope.conversationIds)) {
        const rows: Row[] = await table(strapi, TABLES.conversations).whereIn('id', part).select('person_name', 'person_email', 'person_phone');
        for (const row of rows) values.push(row.person_name as string | null, row.person_email as string | null, row.person_phone as string | null);
      }
      if (scope.visitorIds.length) {
        const rows: Row[] = await table(strapi, TABLES.visitors).whereIn('id', scope.visitorIds).select('name', 'email');
        for (const row of rows) values.push(row.name as string | null, row.email as string | null);
      }
      if (scope.personIds.length) {
        const rows: Row[] = await table(strapi, TABLES.persons).whereIn('id', scope.personIds).select('name', 'email', 'phone');
        for (const row of rows) values.push(row.name as string | null, row.email as string | null, row.phone as string | null);
      }
      return identifiersOf(values);
    },

    /**
     * G9: closed conversations not erased yet and closed before `cutoff`, oldest first (the
     * retention index answers it).
     */
    async findDueForRetention(cutoff: Date, limit: number): Promise<number[]> {
      const rows: Row[] = await table(strapi, TABLES.conversations)
        .where({ status: 'closed' })
        .whereNull('erased_at')
        .where('closed_at', '<', toDbDatetime(strapi, cutoff))
        .orderBy('closed_at', 'asc')
        .limit(limit)
        .select('id');
      return ids(rows, 'id');
    },

    /** G9: how many conversations the retention rule would erase now (the settings page's dry run). */
    async countDueForRetention(cutoff: Date): Promise<number> {
      const row: Row | undefined = await table(strapi, TABLES.conversations)
        .where({ status: 'closed' })
        .whereNull('erased_at')
        .where('closed_at', '<', toDbDatetime(strapi, cutoff))
        .count({ count: '*' })
        .first();
      return Number(row?.count ?? 0);
    },

    /** Erased conversations whose files are still stored (an erasure stopped between its two stores). */
    async erasedWithFiles(limit: number): Promise<number[]> {
      const rows: Row[] = await table(strapi, TABLES.messages)
        .join(TABLES.conversations, `${TABLES.conversations}.id`, `${TABLES.messages}.conversation_id`)
        .whereNotNull(`${TABLES.conversations}.erased_at`)
        .whereNotNull(`${TABLES.messages}.file_id`)
        .distinct(`${TABLES.messages}.conversation_id`)
        .limit(limit);
      return ids(rows, 'conversation_id');
    },

    /**
     * Claims a conversation for erasure: stamps `erased_at` unless another process did (G9, F3).
     * Only the winner erases its content.
     */
    async claim(trx: Transaction, conversationId: number, now: Date): Promise<boolean> {
      const changed = await table(strapi, TABLES.conversations, trx)
        .where({ id: conversationId })
        .whereNull('erased_at')
        .update({ erased_at: toDbDatetime(strapi, now) });
      return Number(changed) > 0;
    },

    /**
     * Erases a conversation's personal content inside `trx`: the side panel, the preview and the
     * rating's comment, every message's text, bot transcript and file name (the file itself is the
     * upload store's, erased after), visitor author names, and the identifiers in event texts. The
     * row keeps its timestamps, status, assignee, rating and counts for analytics (G6).
     */
    async eraseConversation(trx: Transaction, conversationId: number, identifiers: string[], now: Date): Promise<number> {
      const at = toDbDatetime(strapi, now);
      const cleared = Object.fromEntries(clearedColumns('conversations').map((column) => [column, null]));
      await table(strapi, TABLES.conversations, trx).where({ id: conversationId }).update({ ...cleared, erased_at: at, updated_at: at });

      const messages = table(strapi, TABLES.messages, trx).where({ conversation_id: conversationId });
      const count = Number(await messages.clone().update({ ...Object.fromEntries(clearedColumns('messages').map((column) => [column, null])), file_key: null }));
      await table(strapi, TABLES.messages, trx).where({ conversation_id: conversationId, author_kind: 'visitor' }).update({ author_name: null });
      // A file message keeps its kind, mime and size; its name and URL go now, its file right after.
      const files: Row[] = await table(strapi, TABLES.messages, trx).where({ conversation_id: conversationId }).whereNotNull('attachment').select('id', 'attachment');
      for (const row of files) {
        const attachment = typeof row.attachment === 'string' ? JSON.parse(row.attachment) : row.attachment;
        const removed = { ...attachment, name: null, url: null, thumbnailUrl: null, removedAt: attachment?.removedAt ?? now.toISOString() };
        await table(strapi, TABLES.messages, trx).where({ id: row.id }).update({ attachment: JSON.stringify(removed) });
      }
      // G8: emails about the chat not sent yet are not sent at all, and sent ones keep no copy.
      await table(strapi, EMAIL_OUTBOX_TABLE, trx).where({ conversation_id: conversationId }).delete();
      if ('event' in PERSONAL_COLUMNS.messages) {
        const events: Row[] = await table(strapi, TABLES.messages, trx).where({ conversation_id: conversationId }).whereNotNull('event').select('id', 'event');
        for (const row of events) {
          const event = toStoredTimelineEntry({ ...row, conversation_id: conversationId }).event;
          const redacted = redactEventData(event, identifiers);
          if (JSON.stringify(redacted) !== JSON.stringify(event)) {
            await table(strapi, TABLES.messages, trx).where({ id: row.id }).update({ event: JSON.stringify(redacted) });
          }
        }
      }
      return count;
    },

    /**
     * A visitor becomes an anonymous row: every context column cleared and the token subject
     * replaced, so the widget's stored token no longer finds it and the next visit starts fresh (E4).
     */
    async anonymizeVisitors(trx: Transaction, visitorIds: number[], now: Date): Promise<number> {
      const cleared = Object.fromEntries(clearedColumns('visitors').map((column) => [column, null]));
      for (const id of visitorIds) {
        await table(strapi, TABLES.visitors, trx)
          .where({ id })
          .update({ ...cleared, subject: `erased-${randomBytes(18).toString('base64url')}`, consent: false, consent_at: null, updated_at: toDbDatetime(strapi, now) });
      }
      return visitorIds.length;
    },

    /** Leads, deals and activities keep the business record; the subject's identifiers leave their texts. */
    async redactCrm(trx: Transaction, scope: SubjectScope, identifiers: string[]): Promise<Pick<ErasureCounts, 'leads' | 'deals' | 'activities'>> {
      const counts = { leads: 0, deals: 0, activities: 0 };
      for (const kind of CRM_KINDS) {
        const name = CRM_TABLE[kind];
        const columns = Object.keys(PERSONAL_COLUMNS[name]);
        for (const row of await crmRowsOf(kind, scope)) {
          const changes = Object.fromEntries(columns.map((column) => [column, redactText((row[column] as string | null) ?? null, identifiers)]));
          await table(strapi, `live_chat_${name}`, trx).where({ id: row.id }).update(changes);
          counts[name] += 1;
        }
      }
      return counts;
    },

    /** Deletes the persons whole (Strapi's query engine also removes their relation links). */
    async deletePersons(trx: Transaction, personIds: number[]): Promise<number> {
      if (!personIds.length) return 0;
      await table(strapi, TABLES.conversations, trx).whereIn('person_id', personIds).update({ person_id: null });
      for (const id of personIds) await query('person').delete({ where: { id } });
      return personIds.length;
    },

    /** Appends an entry to the erasure audit log. */
    async recordErasure(entry: { actorKind: string; actorId: number | null; actorName: string | null; subjectKind: string; counts: ErasureCounts }) {
      await strapi.db.query(uid('erasure')).create({ data: entry });
    },

    /** The audit log, newest first, a page at a time. */
    async listErasures(page: number, pageSize: number): Promise<{ rows: Row[]; total: number }> {
      const [rows, total] = await Promise.all([
        strapi.db.query(uid('erasure')).findMany({ orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], offset: (page - 1) * pageSize, limit: pageSize }),
        strapi.db.query(uid('erasure')).count({}),
      ]);
      return { rows: rows as Row[], total: Number(total) };
    },
  };
};

export type PersonalDataRepository = ReturnType<typeof createPersonalDataRepository>;
