import type { Core } from '@strapi/strapi';
import type { ConversationStatus } from '../../../shared/constants';
import type { DirectSession, DirectSql } from './direct-sql';
import { TABLES, newDocumentId, toDbDatetime } from './sql';
import { PREVIEW_LENGTH, type AppendedState, type NewTimelineEntry, type StoredTimelineEntry } from './timeline';

/** One chat message to store, with the rule its conversation's locked row must still pass. */
export interface BatchedMessage {
  conversationId: number;
  entry: NewTimelineEntry & { clientId: string; body: string };
  /** Checked against the row as the batch locked it; false rolls the whole batch back. */
  mayStore: (state: Pick<AppendedState, 'status' | 'assigneeId'>) => boolean;
}

export interface StoredInBatch {
  entry: StoredTimelineEntry;
  state: AppendedState;
}

/** Why a batch wrote nothing; each of its messages is then stored on its own, the careful way. */
export class BatchRefused extends Error {}

interface LockedConversation {
  id: number;
  lastMessageSeq: number;
  status: ConversationStatus;
  assigneeId: number | null;
}

const C = TABLES.conversations;
const M = TABLES.messages;
const MESSAGE_COLUMNS =
  'document_id, conversation_id, seq, client_id, kind, author_kind, author_id, author_name, body, created_at, updated_at, published_at';

const locked = (row: Record<string, unknown>): LockedConversation => ({
  id: Number(row.id),
  lastMessageSeq: Number(row.last_message_seq),
  status: row.status as ConversationStatus,
  assigneeId: row.assignee_id === null || row.assignee_id === undefined ? null : Number(row.assignee_id),
});

/** Per conversation of a batch: how many messages it gets and the values its row takes. */
function bumpsOf(messages: BatchedMessage[]) {
  const bumps = new Map<number, { count: number; at: Date; preview: string }>();
  for (const { conversationId, entry } of messages) {
    const bump = bumps.get(conversationId);
    const preview = entry.body.slice(0, PREVIEW_LENGTH);
    if (bump) Object.assign(bump, { count: bump.count + 1, at: entry.createdAt, preview });
    else bumps.set(conversationId, { count: 1, at: entry.createdAt, preview });
  }
  // Rows are locked in id order, so two processes' batches cannot deadlock on each other.
  return [...bumps.entries()].sort(([a], [b]) => a - b);
}

/**
 * E2 for many messages in one transaction: each conversation's counter is bumped once for all of
 * its messages (gap-free seqs in submission order) and the messages are inserted. The same
 * statements as `timeline.append`, fewer of them, on prepared statements. Any surprise (a retry's
 * clientId already stored, a rule refused by the locked row) throws BatchRefused or the database's
 * error after rolling back, and the caller falls back to storing each message alone.
 */
export function createMessageBatchWriter(strapi: Core.Strapi, direct: DirectSql) {
  const at = (date: Date) => toDbDatetime(strapi, date);

  /** SQLite runs in-process: one prepared statement per row costs microseconds, not round trips. */
  async function writeSqlite(session: DirectSession, messages: BatchedMessage[]) {
    const states = new Map<number, LockedConversation>();
    for (const [id, bump] of bumpsOf(messages)) {
      const [row] = await session.all(
        `update ${C} set last_message_seq = last_message_seq + ?, last_activity_at = ?, last_message_preview = ?
         where id = ? returning id, last_message_seq, status, assignee_id`,
        [bump.count, at(bump.at), bump.preview, id],
      );
      if (row) states.set(id, locked(row));
    }
    return { states, insert: (rows: unknown[][]) => insertSqlite(session, rows) };
  }

  async function insertSqlite(session: DirectSession, rows: unknown[][]) {
    const ids: number[] = [];
    for (const row of rows) {
      const [inserted] = await session.all(`insert into ${M} (${MESSAGE_COLUMNS}) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id`, row);
      ids.push(Number(inserted.id));
    }
    return ids;
  }

  /** PostgreSQL: each statement is a round trip, so one statement per step whatever the batch size. */
  async function writePostgres(session: DirectSession, messages: BatchedMessage[]) {
    const bumps = bumpsOf(messages);
    const ids = bumps.map(([id]) => id);
    await session.all(`select id from ${C} where id = any(?::int[]) order by id for update`, [ids]);
    const rows = await session.all(
      `update ${C} c set last_message_seq = c.last_message_seq + v.count, last_activity_at = v.at, last_message_preview = v.preview
       from unnest(?::int[], ?::int[], ?::timestamp[], ?::text[]) as v(id, count, at, preview)
       where c.id = v.id returning c.id, c.last_message_seq, c.status, c.assignee_id`,
      [ids, bumps.map(([, bump]) => bump.count), bumps.map(([, bump]) => bump.at), bumps.map(([, bump]) => bump.preview)],
    );
    const states = new Map(rows.map((row) => [Number(row.id), locked(row)]));
    return { states, insert: (values: unknown[][]) => insertPostgres(session, values) };
  }

  async function insertPostgres(session: DirectSession, rows: unknown[][]) {
    const column = (index: number) => rows.map((row) => row[index]);
    const inserted = await session.all(
      `insert into ${M} (${MESSAGE_COLUMNS})
       select * from unnest(?::varchar[], ?::int[], ?::int[], ?::varchar[], ?::varchar[], ?::varchar[], ?::int[], ?::varchar[], ?::text[],
                            ?::timestamp[], ?::timestamp[], ?::timestamp[])
       returning id, conversation_id, seq`,
      Array.from({ length: 12 }, (_, index) => column(index)),
    );
    const idOf = new Map(inserted.map((row) => [`${row.conversation_id}:${row.seq}`, Number(row.id)]));
    return rows.map((row) => idOf.get(`${row[1]}:${row[2]}`) as number);
  }

  return async function writeBatch(messages: BatchedMessage[]): Promise<StoredInBatch[]> {
    return direct.transaction(async (session) => {
      const { states, insert } = direct.dialect === 'sqlite' ? await writeSqlite(session, messages) : await writePostgres(session, messages);

      // Seqs per conversation: its new last seq minus the messages it got, in submission order.
      const nextSeq = new Map<number, number>();
      for (const [id, bump] of bumpsOf(messages)) {
        const state = states.get(id);
        if (!state) throw new BatchRefused(`Conversation ${id} does not exist`);
        nextSeq.set(id, state.lastMessageSeq - bump.count + 1);
      }
      const planned = messages.map((message) => {
        const state = states.get(message.conversationId) as LockedConversation;
        if (!message.mayStore(state)) throw new BatchRefused('A message was refused by its locked conversation');
        const seq = nextSeq.get(message.conversationId) as number;
        nextSeq.set(message.conversationId, seq + 1);
        return { message, seq, state };
      });

      const ids = await insert(
        planned.map(({ message: { conversationId, entry }, seq }) => {
          const time = at(entry.createdAt);
          return [
            newDocumentId(),
            conversationId,
            seq,
            entry.clientId,
            entry.kind,
            entry.authorKind,
            entry.authorId ?? null,
            entry.authorName ?? null,
            entry.body,
            time,
            time,
            time,
          ];
        }),
      );

      return planned.map(({ message: { entry }, seq, state }, index) => ({
        entry: {
          id: ids[index],
          seq,
          clientId: entry.clientId,
          kind: entry.kind,
          authorKind: entry.authorKind,
          authorId: entry.authorId ?? null,
          authorName: entry.authorName ?? null,
          body: entry.body,
          event: null,
          createdAt: entry.createdAt,
        },
        state: {
          status: state.status,
          assigneeId: state.assigneeId,
          lastMessageSeq: seq,
          lastActivityAt: entry.createdAt,
          lastMessagePreview: entry.body.slice(0, PREVIEW_LENGTH),
        },
      }));
    });
  };
}
