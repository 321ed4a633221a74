import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { ConversationStatus } from '../../../shared/constants';
import type { ConversationFolder, SidePanelValues } from '../../../shared/contracts/conversations';
import type { VisibilityFilter } from '../../../shared/domain';
import { createBatcher } from '../batcher';
import { directSqlOf } from './direct-sql';
import { searchConversationIds } from './search';
import { TABLES, affectedRows, fromDbDatetime, table, toDbDatetime, type Transaction } from './sql';

/** A conversation as the services work with it: the row plus its visitor and assignee names. */
export interface ConversationRecord {
  id: number;
  documentId: string;
  status: ConversationStatus;
  assigneeId: number | null;
  assigneeName: string | null;
  visitorId: number | null;
  visitorName: string | null;
  visitorEmail: string | null;
  /** G2: the page the visitor is on now, as last reported. */
  visitorPage: string | null;
  visitorPageTitle: string | null;
  playbookDocumentId: string | null;
  createdAt: Date;
  assignedAt: Date | null;
  closedAt: Date | null;
  waitDeadlineAt: Date | null;
  missedAt: Date | null;
  lastActivityAt: Date | null;
  lastMessageSeq: number;
  lastMessagePreview: string | null;
  visitorReadSeq: number;
  agentReadSeq: number;
  /** Visitor messages after agentReadSeq; counted by folder lists only (null elsewhere). */
  unreadCount: number | null;
  sidePanel: SidePanelValues;
  personId: number | null;
  organizationId: number | null;
  /** Issue 16 (G6): the visitor's satisfaction rating, once given; or when they declined to give one. */
  rating: number | null;
  ratingComment: string | null;
  ratedAt: Date | null;
  ratingDismissedAt: Date | null;
}

/** The columns a state change may write. */
export interface ConversationChanges {
  status?: ConversationStatus;
  assigneeId?: number | null;
  assignedAt?: Date | null;
  closedAt?: Date | null;
  waitDeadlineAt?: Date | null;
  missedAt?: Date | null;
  lastActivityAt?: Date;
}

export interface FolderQuery {
  visibility: VisibilityFilter;
  folder: ConversationFolder;
  agentId: number;
  search?: string;
  /** Keyset cursor: the (lastActivityAt, id) of the last row of the previous page. */
  after?: { lastActivityAt: Date; id: number };
  limit: number;
}

const C = TABLES.conversations;
/** Marks a parameter's place in a query knex builds once (see builtOnce). */
const PARAMETER = -424242;
/**
 * SQL for the id of a visitor's current conversation (E4): their newest open one, else their
 * newest. `visitorId` is the SQL that gives the visitor's id (a placeholder or a column). The
 * subquery reads the visitor index alone.
 */
export const currentConversationIdSql = (visitorId: string) =>
  `(select id from ${C} where visitor_id = ${visitorId} order by case when status = 'closed' then 1 else 0 end, id desc limit 1)`;
/** Current-conversation lookups answered by one PostgreSQL statement at most. */
const LOOKUP_BATCH = 200;

/** A record's columns and joins, for a conversation row named `${C}` (the table, or a CTE named so). */
const RECORD_COLUMNS = [
  `${C}.*`,
  'v.name as visitor_name',
  'v.email as visitor_email',
  'v.page as visitor_page',
  'v.page_title as visitor_page_title',
  'u.firstname as assignee_firstname',
  'u.lastname as assignee_lastname',
  'u.email as assignee_email',
  'pb.document_id as playbook_document_id',
];
const RECORD_JOINS = `left join ${TABLES.visitors} as v on v.id = ${C}.visitor_id
  left join ${TABLES.adminUsers} as u on u.id = ${C}.assignee_id
  left join ${C}_playbook_lnk as pl on pl.conversation_id = ${C}.id
  left join ${TABLES.playbooks} as pb on pb.id = pl.playbook_id`;

/**
 * SQL answering the record of the conversation row a CTE named `source` holds (see toRecord),
 * with `extra` columns, for hand-written statements that change a row and answer its record.
 */
export const recordSelectSql = (source: string, extra: string[] = []) =>
  `select ${[...RECORD_COLUMNS, ...extra].join(', ')} from ${source} as ${C} ${RECORD_JOINS}`;

type Row = Record<string, unknown>;

const numberOrNull = (value: unknown) => (value === null || value === undefined ? null : Number(value));
const stringOrNull = (value: unknown) => (value === null || value === undefined ? null : String(value));

export function toRecord(row: Row): ConversationRecord {
  const assigneeName =
    row.assignee_id === null || row.assignee_id === undefined
      ? null
      : [row.assignee_firstname, row.assignee_lastname].filter(Boolean).join(' ') || stringOrNull(row.assignee_email);
  return {
    id: Number(row.id),
    documentId: String(row.document_id),
    status: row.status as ConversationStatus,
    assigneeId: numberOrNull(row.assignee_id),
    assigneeName,
    visitorId: numberOrNull(row.visitor_id),
    visitorName: stringOrNull(row.visitor_name),
    visitorEmail: stringOrNull(row.visitor_email),
    visitorPage: stringOrNull(row.visitor_page),
    visitorPageTitle: stringOrNull(row.visitor_page_title),
    playbookDocumentId: stringOrNull(row.playbook_document_id),
    createdAt: fromDbDatetime(row.created_at) as Date,
    assignedAt: fromDbDatetime(row.assigned_at),
    closedAt: fromDbDatetime(row.closed_at),
    waitDeadlineAt: fromDbDatetime(row.wait_deadline_at),
    missedAt: fromDbDatetime(row.missed_at),
    lastActivityAt: fromDbDatetime(row.last_activity_at),
    lastMessageSeq: Number(row.last_message_seq ?? 0),
    lastMessagePreview: stringOrNull(row.last_message_preview),
    visitorReadSeq: Number(row.visitor_read_seq ?? 0),
    agentReadSeq: Number(row.agent_read_seq ?? 0),
    unreadCount: numberOrNull(row.unread_count),
    sidePanel: {
      dealValue: numberOrNull(row.deal_value),
      dealCurrency: stringOrNull(row.deal_currency),
      expectedCloseDate: row.expected_close_date ? String(row.expected_close_date).slice(0, 10) : null,
      personName: stringOrNull(row.person_name),
      personEmail: stringOrNull(row.person_email),
      personPhone: stringOrNull(row.person_phone),
      organizationName: stringOrNull(row.organization_name),
      organizationAddress: stringOrNull(row.organization_address),
      notes: stringOrNull(row.notes),
    },
    personId: numberOrNull(row.person_id),
    organizationId: numberOrNull(row.organization_id),
    rating: numberOrNull(row.rating),
    ratingComment: stringOrNull(row.rating_comment),
    ratedAt: fromDbDatetime(row.rated_at),
    ratingDismissedAt: fromDbDatetime(row.rating_dismissed_at),
  };
}

/**
 * A query knex builds once, with its parameter's place marked by PARAMETER; each call answers the
 * SQL with the value in that place, for the driver's prepared statements (direct-sql.ts).
 */
function builtOnce(build: () => Knex.QueryBuilder) {
  let built: Knex.Sql | undefined;
  return (value: unknown) => {
    built ??= build().toSQL();
    return { sql: built.sql, bindings: built.bindings.map((binding) => (binding === PARAMETER ? value : binding)) };
  };
}

/** Applies B6 as a WHERE clause: the same rule as the domain's canSee, expressed in SQL. */
function whereVisible(query: Knex.QueryBuilder, visibility: VisibilityFilter) {
  if (visibility.kind === 'none') return query.whereRaw('1 = 0');
  if (visibility.kind === 'all') return query;
  return query.where((visible) =>
    visible.whereIn(`${C}.status`, ['unassigned', 'closed']).orWhere(`${C}.assignee_id`, visibility.agentId),
  );
}

function whereFolder(query: Knex.QueryBuilder, folder: ConversationFolder, agentId: number) {
  switch (folder) {
    case 'unassigned':
      return query.where(`${C}.status`, 'unassigned');
    case 'mine':
      return query.where(`${C}.status`, 'assigned').where(`${C}.assignee_id`, agentId);
    case 'assigned':
      return query.where(`${C}.status`, 'assigned');
    case 'closed':
      return query.where(`${C}.status`, 'closed');
  }
}

/**
 * Issue 14: a list row's unread count — the visitor's messages after the agents' read marker — as
 * a correlated subquery of the list's own statement (no extra query), read from the messages'
 * (conversation_id, seq) index for the few rows of a page.
 */
const UNREAD_COLUMN = `(select count(*) from ${TABLES.messages} as um
  where um.conversation_id = ${C}.id and um.seq > ${C}.agent_read_seq and um.author_kind = 'visitor' and um.kind = 'text') as unread_count`;

/** How many earlier conversations the side panel lists. */
const EARLIER_LIMIT = 20;

const lookupBatchers = new WeakMap<Core.Strapi, { submit: (visitorId: number) => Promise<ConversationRecord | null> }>();

export const createConversationRepository = (strapi: Core.Strapi) => {
  const base = (trx?: Transaction) =>
    table(strapi, C, trx)
      .select(RECORD_COLUMNS.map((column) => strapi.db.connection.raw(column)))
      .joinRaw(RECORD_JOINS);

  /**
   * A visitor's current conversation: the id picked by a subquery on the visitor index alone, and
   * no LIMIT on the outer, joined query (the id matches one row): SQLite ran the sorted, limited
   * join 5× slower. With one scalar parameter PostgreSQL keeps one generic plan for it.
   */
  const currentOfVisitorQuery = builtOnce(() => base().whereRaw(`${C}.id = ${currentConversationIdSql('?')}`, [PARAMETER]));
  /** The same for several visitors in one PostgreSQL statement (an array parameter). */
  const currentOfVisitorsQuery = builtOnce(() =>
    base().whereRaw(`${C}.id in (select ${currentConversationIdSql('v.visitor_id')} from unnest(?::int[]) as v(visitor_id))`, [PARAMETER]),
  );

  async function currentOfVisitor(visitorId: number): Promise<ConversationRecord | null> {
    const { sql, bindings } = currentOfVisitorQuery(visitorId);
    const [row] = await directSqlOf(strapi).all(sql, bindings);
    return row ? toRecord(row) : null;
  }

  /** In the order asked. The array form is planned anew each time, so a lone visitor takes the scalar one. */
  async function currentOfVisitors(visitorIds: number[]): Promise<Array<ConversationRecord | null>> {
    if (visitorIds.length === 1) return [await currentOfVisitor(visitorIds[0])];
    const { sql, bindings } = currentOfVisitorsQuery(visitorIds);
    const rows = await directSqlOf(strapi).all(sql, bindings);
    const byVisitor = new Map(rows.map((row) => [Number(row.visitor_id), toRecord(row)]));
    return visitorIds.map((visitorId) => byVisitor.get(visitorId) ?? null);
  }
  // One batcher for the app, whichever service asks: the lookups of one moment share a statement.
  let currentLookups = lookupBatchers.get(strapi);
  if (!currentLookups) {
    currentLookups = createBatcher(currentOfVisitors, LOOKUP_BATCH);
    lookupBatchers.set(strapi, currentLookups);
  }

  return {
    /** One conversation by its documentId, or null. */
    async findByDocumentId(documentId: string, trx?: Transaction): Promise<ConversationRecord | null> {
      const row = await base(trx).where(`${C}.document_id`, documentId).first();
      return row ? toRecord(row) : null;
    },

    /**
     * A visitor's current conversation: their newest open one, else their newest (E4). Asked
     * before every visitor message, so it is built by knex once and then run prepared. On
     * PostgreSQL, where each statement is a round trip, the lookups of one moment share one
     * statement (see `currentOfVisitors`); SQLite answers in-process, one lookup at a time.
     */
    findCurrentOfVisitor(visitorId: number): Promise<ConversationRecord | null> {
      return directSqlOf(strapi).dialect === 'sqlite' ? currentOfVisitor(visitorId) : currentLookups!.submit(visitorId);
    },

    /** One conversation by its row id, or null. */
    async findById(id: number, trx?: Transaction): Promise<ConversationRecord | null> {
      const row = await base(trx).where(`${C}.id`, id).first();
      return row ? toRecord(row) : null;
    },

    /**
     * A page of a folder, newest activity first, in one query (limit + 1 rows tell if more exist);
     * a search first asks the full-text indexes which conversations match (search.ts).
     */
    async listFolder(query: FolderQuery): Promise<{ records: ConversationRecord[]; hasMore: boolean }> {
      const builder = base().select(strapi.db.connection.raw(UNREAD_COLUMN));
      whereVisible(builder, query.visibility);
      whereFolder(builder, query.folder, query.agentId);
      if (query.search) {
        // A search of nothing but punctuation names no word, and finds nothing.
        const found = await searchConversationIds(strapi, query.search);
        if (!found?.length) return { records: [], hasMore: false };
        if (directSqlOf(strapi).dialect === 'sqlite') builder.whereIn(`${C}.id`, found);
        else builder.whereRaw(`${C}.id = any(?::int[])`, [found]);
      }
      if (query.after) {
        const at = toDbDatetime(strapi, query.after.lastActivityAt);
        const id = query.after.id;
        builder.where((page) =>
          page
            .where(`${C}.last_activity_at`, '<', at)
            .orWhere((same) => same.where(`${C}.last_activity_at`, at).andWhere(`${C}.id`, '<', id)),
        );
      }
      const rows: Row[] = await builder
        .orderBy([
          { column: `${C}.last_activity_at`, order: 'desc' },
          { column: `${C}.id`, order: 'desc' },
        ])
        .limit(query.limit + 1);
      return { records: rows.slice(0, query.limit).map(toRecord), hasMore: rows.length > query.limit };
    },

    /**
     * G2: the other conversations of the same visitor or the same CRM person, newest first, only
     * those the viewer may see (B6, the same WHERE as the lists), in one query.
     */
    async listEarlier(visibility: VisibilityFilter, record: ConversationRecord): Promise<ConversationRecord[]> {
      if (record.visitorId === null && record.personId === null) return [];
      const builder = base().whereNot(`${C}.id`, record.id);
      builder.where((same) => {
        if (record.visitorId !== null) same.orWhere(`${C}.visitor_id`, record.visitorId);
        if (record.personId !== null) same.orWhere(`${C}.person_id`, record.personId);
      });
      whereVisible(builder, visibility);
      const rows: Row[] = await builder.orderBy(`${C}.id`, 'desc').limit(EARLIER_LIMIT);
      return rows.map(toRecord);
    },

    /**
     * Folder counts for the inbox sidebar, in one statement of per-folder sub-counts: each uses an
     * index, where a single scan filtered by the visibility OR read every visible row (see
     * docs/benchmarks.md). The visibility rule decides which sub-count stands for "assigned".
     */
    async countFolders(visibility: VisibilityFilter, agentId: number) {
      if (visibility.kind === 'none') return { unassigned: 0, mine: 0, assigned: 0, closed: 0 };
      const count = (where: string) => `(select count(*) from ${C} where ${where})`;
      const mine = count("status = 'assigned' and assignee_id = ?");
      const assigned = visibility.kind === 'all' ? count("status = 'assigned'") : mine;
      const bindings = visibility.kind === 'all' ? [agentId] : [agentId, agentId];
      const result = await strapi.db.connection.raw(
        `select ${count("status = 'unassigned'")} as unassigned, ${mine} as mine, ${assigned} as assigned,
                ${count("status = 'closed'")} as closed`,
        bindings,
      );
      // knex returns rows directly on SQLite and a { rows } result on PostgreSQL.
      const row: Row = (Array.isArray(result) ? result[0] : result.rows[0]) ?? {};
      return {
        unassigned: Number(row.unassigned ?? 0),
        mine: Number(row.mine ?? 0),
        assigned: Number(row.assigned ?? 0),
        closed: Number(row.closed ?? 0),
      };
    },

    /**
     * Writes a state change only if the conversation is still in the state it was read in, so of
     * concurrent changes exactly one wins (B3). Returns whether this one did.
     */
    async compareAndSet(
      trx: Transaction,
      id: number,
      expected: { status: ConversationStatus; assigneeId: number | null; notMissed?: boolean },
      changes: ConversationChanges,
      now: Date,
    ): Promise<boolean> {
      const columns: Record<string, unknown> = { updated_at: toDbDatetime(strapi, now) };
      const datetime = (value: Date | null | undefined) => (value ? toDbDatetime(strapi, value) : null);
      if (changes.status !== undefined) columns.status = changes.status;
      if (changes.assigneeId !== undefined) columns.assignee_id = changes.assigneeId;
      if (changes.assignedAt !== undefined) columns.assigned_at = datetime(changes.assignedAt);
      // Issue 16: the first assignment is kept for analytics (the wait to it); later ones leave it.
      if (changes.assignedAt) columns.first_assigned_at = strapi.db.connection.raw('coalesce(first_assigned_at, ?)', [datetime(changes.assignedAt)]);
      if (changes.closedAt !== undefined) columns.closed_at = datetime(changes.closedAt);
      if (changes.waitDeadlineAt !== undefined) columns.wait_deadline_at = datetime(changes.waitDeadlineAt);
      if (changes.missedAt !== undefined) columns.missed_at = datetime(changes.missedAt);
      if (changes.lastActivityAt !== undefined) columns.last_activity_at = datetime(changes.lastActivityAt);
      const query = table(strapi, C, trx).where({ id, status: expected.status });
      if (expected.assigneeId === null) query.whereNull('assignee_id');
      else query.where('assignee_id', expected.assigneeId);
      if (expected.notMissed) query.whereNull('missed_at');
      return affectedRows(await query.update(columns)) === 1;
    },

    /** B9: ids of unassigned, not yet missed conversations whose wait deadline has passed. */
    async findExpiredWaits(now: Date, limit: number): Promise<number[]> {
      const rows: Row[] = await table(strapi, C)
        .select('id')
        .where('status', 'unassigned')
        .whereNull('missed_at')
        .where('wait_deadline_at', '<=', toDbDatetime(strapi, now))
        .orderBy('wait_deadline_at', 'asc')
        .limit(limit);
      return rows.map((row) => Number(row.id));
    },

    /** E3: moves a read marker forward (never back), capped at the last message. */
    async markRead(id: number, reader: 'visitor' | 'agent', seq: number): Promise<void> {
      const column = reader === 'visitor' ? 'visitor_read_seq' : 'agent_read_seq';
      await table(strapi, C)
        .where({ id })
        .where(column, '<', seq)
        .update({ [column]: strapi.db.connection.raw('case when last_message_seq < ? then last_message_seq else ? end', [seq, seq]) });
    },

    /** Writes side-panel fields (C1); only the keys given are changed. */
    async updateSidePanel(trx: Transaction, id: number, fields: Record<string, unknown>, now: Date) {
      const columns: Record<string, unknown> = { updated_at: toDbDatetime(strapi, now) };
      for (const [key, value] of Object.entries(fields)) {
        columns[key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)] = value;
      }
      await table(strapi, C, trx).where({ id }).update(columns);
    },

    /**
     * Issue 16: stores the visitor's rating (or their "no thanks", `rating` null) only while the
     * chat is closed and neither rated nor dismissed, so of two concurrent answers exactly one is
     * stored. Returns whether this one was.
     */
    async answerRating(
      trx: Transaction,
      id: number,
      answer: { rating: number; comment: string | null } | null,
      now: Date,
    ): Promise<boolean> {
      const at = toDbDatetime(strapi, now);
      const columns: Record<string, unknown> = answer
        ? { rating: answer.rating, rating_comment: answer.comment, rated_at: at, updated_at: at }
        : { rating_dismissed_at: at, updated_at: at };
      const query = table(strapi, C, trx).where({ id, status: 'closed' }).whereNull('rating').whereNull('rating_dismissed_at');
      return affectedRows(await query.update(columns)) === 1;
    },

    /** Links the CRM person / organization created from the side panel (C2). */
    async linkCrm(trx: Transaction, id: number, links: { personId?: number | null; organizationId?: number | null }) {
      const columns: Record<string, unknown> = {};
      if (links.personId !== undefined) columns.person_id = links.personId;
      if (links.organizationId !== undefined) columns.organization_id = links.organizationId;
      if (Object.keys(columns).length) await table(strapi, C, trx).where({ id }).update(columns);
    },
  };
};

export type ConversationRepository = ReturnType<typeof createConversationRepository>;
