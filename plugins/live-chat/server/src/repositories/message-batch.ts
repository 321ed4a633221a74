import type { Core } from '@strapi/strapi';
import type { ConversationStatus } from '../../../shared/constants';
import { VISITOR_SENDABLE_STATUSES } from '../../../shared/domain';
import { currentConversationIdSql, recordSelectSql, toRecord, type ConversationRecord } from './conversations';
import type { DirectSession, DirectSql } from './direct-sql';
import { TABLES, newDocumentId, toDbDatetime } from './sql';
import { previewOf, type AppendedState, type NewTimelineEntry, type StoredTimelineEntry } from './timeline';

/** The conversation state a message was accepted in; it is stored only if its row still has it. */
export interface ExpectedState {
  status: ConversationStatus;
  assigneeId: number | null;
}

/** One chat message to store; public only (a note changes no preview, it takes the one-by-one path). */
export interface BatchedMessage {
  conversationId: number;
  entry: NewTimelineEntry & { clientId: string; body: string };
  expected: ExpectedState;
}

export interface StoredInBatch {
  entry: StoredTimelineEntry;
  state: AppendedState;
}

/** A conversation of a batch: its messages in submission order and the values its row takes. */
interface ConversationGroup {
  id: number;
  expected: ExpectedState;
  messages: Array<{ index: number; message: BatchedMessage }>;
  lastAt: Date;
  preview: string;
}

const C = TABLES.conversations;
const M = TABLES.messages;
/**
 * A stored message's own values (see fieldsOf) with their PostgreSQL types and names; a row is the
 * conversation id and seq, these, then created_at again as updated_at and published_at.
 */
const FIELD_TYPES = ['varchar', 'varchar', 'varchar', 'varchar', 'int', 'varchar', 'text', 'timestamp'];
const FIELD_NAMES = 'document_id, client_id, kind, author_kind, author_id, author_name, body, created_at';
const MESSAGE_COLUMNS = `conversation_id, seq, ${FIELD_NAMES}, updated_at, published_at`;

/** In FIELD_TYPES order; `createdAt` as the database takes it. */
const fieldsOf = (entry: BatchedMessage['entry'], createdAt: unknown): unknown[] => [
  newDocumentId(),
  entry.clientId,
  entry.kind,
  entry.authorKind,
  entry.authorId ?? null,
  entry.authorName ?? null,
  entry.body,
  createdAt,
];

const sameState = (a: ExpectedState, b: ExpectedState) => a.status === b.status && a.assigneeId === b.assigneeId;

/**
 * Groups a batch by conversation, in id order (rows are locked in that order, so two processes'
 * batches cannot deadlock). A message that expects another state than the first of its
 * conversation is left out: it takes the one-by-one path.
 */
function groupByConversation(messages: BatchedMessage[]): ConversationGroup[] {
  const groups = new Map<number, ConversationGroup>();
  messages.forEach((message, index) => {
    const group = groups.get(message.conversationId);
    if (group && !sameState(group.expected, message.expected)) return;
    const preview = previewOf(message.entry.body);
    if (group) {
      group.messages.push({ index, message });
      Object.assign(group, { lastAt: message.entry.createdAt, preview });
    } else {
      groups.set(message.conversationId, {
        id: message.conversationId,
        expected: message.expected,
        messages: [{ index, message }],
        lastAt: message.entry.createdAt,
        preview,
      });
    }
  });
  return [...groups.values()].sort((a, b) => a.id - b.id);
}

/**
 * E2 for the messages of one moment: per conversation, one compare-and-set bumps the counter for
 * all of its messages (gap-free seqs in submission order) if the row is still in the state the
 * messages were accepted in, then the messages are inserted. Answers, per message, what was stored,
 * or null when its conversation changed meanwhile: that message then takes the one-by-one path,
 * which checks the sending rule again against the locked row. A unique violation (a retry's
 * clientId already stored) fails the whole batch, which then stored nothing.
 */
export function createMessageBatchWriter(strapi: Core.Strapi, direct: DirectSql) {
  const at = (date: Date) => toDbDatetime(strapi, date);
  const SQLITE_ROW = MESSAGE_COLUMNS.split(',').map(() => '?').join(', ');

  /** SQLite runs in-process: a prepared statement per row costs microseconds, not round trips. */
  async function writeSqlite(session: DirectSession, groups: ConversationGroup[]) {
    const stored = new Map<number, { id: number; seq: number }>();
    for (const group of groups) {
      const [row] = await session.all(
        `update ${C} set last_message_seq = last_message_seq + ?, last_activity_at = ?, last_message_preview = ?
         where id = ? and status = ? and assignee_id is ? returning last_message_seq`,
        [group.messages.length, at(group.lastAt), group.preview, group.id, group.expected.status, group.expected.assigneeId],
      );
      if (!row) continue;
      let seq = Number(row.last_message_seq) - group.messages.length;
      for (const { index, message } of group.messages) {
        seq += 1;
        const time = at(message.entry.createdAt);
        const [inserted] = await session.all(`insert into ${M} (${MESSAGE_COLUMNS}) values (${SQLITE_ROW}) returning id`, [
          group.id,
          seq,
          ...fieldsOf(message.entry, time),
          time,
          time,
        ]);
        stored.set(index, { id: Number(inserted.id), seq });
      }
    }
    return stored;
  }

  /**
   * PostgreSQL: each statement is a round trip, so the whole batch is one statement (atomic by
   * itself): lock the rows still in their expected state in id order, bump them, insert the
   * messages of the bumped ones with seqs counted back from the new counter.
   */
  async function writePostgres(session: DirectSession, groups: ConversationGroup[]) {
    if (groups.length === 1 && groups[0].messages.length === 1) return writeOnePostgres(session, groups[0]);
    const members = groups.flatMap((group) => group.messages.map(({ index, message }, position) => ({ group, index, message, position: position + 1 })));
    const fields = members.map(({ message }) => fieldsOf(message.entry, message.entry.createdAt));
    const rows = await session.all(
      `with batch as (
         select * from unnest(?::int[], ?::int[], ?::timestamp[], ?::text[], ?::varchar[], ?::int[])
           as b(id, count, at, preview, expected_status, expected_assignee)
       ), locked as (
         select c.id from ${C} c join batch b on b.id = c.id
         where c.status = b.expected_status and c.assignee_id is not distinct from b.expected_assignee
         order by c.id for update of c
       ), bumped as (
         update ${C} c set last_message_seq = c.last_message_seq + b.count, last_activity_at = b.at, last_message_preview = b.preview
         from batch b
         where c.id = b.id and c.id in (select id from locked)
           and c.status = b.expected_status and c.assignee_id is not distinct from b.expected_assignee
         returning c.id, c.last_message_seq, b.count
       ), inserted as (
         insert into ${M} (${MESSAGE_COLUMNS})
         select m.conversation_id, bumped.last_message_seq - bumped.count + m.position, m.document_id, m.client_id, m.kind,
                m.author_kind, m.author_id, m.author_name, m.body, m.created_at, m.created_at, m.created_at
         from unnest(?::int[], ?::int[], ${FIELD_TYPES.map((type) => `?::${type}[]`).join(', ')})
           as m(conversation_id, position, ${FIELD_NAMES})
         join bumped on bumped.id = m.conversation_id
         returning id, conversation_id, seq, client_id
       )
       select id, seq, client_id, conversation_id from inserted`,
      [
        groups.map((group) => group.id),
        groups.map((group) => group.messages.length),
        groups.map((group) => group.lastAt),
        groups.map((group) => group.preview),
        groups.map((group) => group.expected.status),
        groups.map((group) => group.expected.assigneeId),
        members.map(({ group }) => group.id),
        members.map(({ position }) => position),
        ...FIELD_TYPES.map((_, field) => fields.map((values) => values[field])),
      ],
    );
    const byKey = new Map(rows.map((row) => [`${row.conversation_id}:${row.client_id}`, { id: Number(row.id), seq: Number(row.seq) }]));
    const stored = new Map<number, { id: number; seq: number }>();
    for (const { group, index, message } of members) {
      const row = byKey.get(`${group.id}:${message.entry.clientId}`);
      if (row) stored.set(index, row);
    }
    return stored;
  }

  /**
   * One message (the usual case below saturation): the same compare-and-set with scalar
   * parameters, so PostgreSQL keeps one generic plan for it instead of planning each batch anew.
   */
  async function writeOnePostgres(session: DirectSession, group: ConversationGroup) {
    const [{ index, message }] = group.messages;
    const [row] = await session.all(
      `with bumped as (
         update ${C} set last_message_seq = last_message_seq + 1, last_activity_at = ?::timestamp, last_message_preview = ?::text
         where id = ?::int and status = ?::varchar and assignee_id is not distinct from ?::int
         returning id, last_message_seq
       )
       insert into ${M} (${MESSAGE_COLUMNS})
       select id, last_message_seq, ${FIELD_TYPES.map((type) => `?::${type}`).join(', ')}, ?::timestamp, ?::timestamp
       from bumped
       returning id, seq`,
      [
        ...[group.lastAt, group.preview, group.id, group.expected.status, group.expected.assigneeId],
        ...fieldsOf(message.entry, message.entry.createdAt),
        message.entry.createdAt,
        message.entry.createdAt,
      ],
    );
    return new Map(row ? [[index, { id: Number(row.id), seq: Number(row.seq) }]] : []);
  }

  return async function writeBatch(messages: BatchedMessage[]): Promise<Array<StoredInBatch | null>> {
    const groups = groupByConversation(messages);
    const stored =
      direct.dialect === 'sqlite'
        ? await direct.transaction((session) => writeSqlite(session, groups))
        : await writePostgres(direct, groups);

    return messages.map(({ entry, expected }, index) => {
      const row = stored.get(index);
      if (!row) return null;
      return {
        entry: { ...entry, id: row.id, seq: row.seq, authorId: entry.authorId ?? null, authorName: entry.authorName ?? null, event: null, audience: 'everyone', transcript: null, attachment: null },
        state: {
          ...expected,
          lastMessageSeq: row.seq,
          lastActivityAt: entry.createdAt,
          lastMessagePreview: previewOf(entry.body),
        },
      };
    });
  };
}

/** A visitor's message to store, in the conversation that is current for them when it is written. */
export interface VisitorMessage {
  visitorId: number;
  entry: BatchedMessage['entry'];
}

/** A visitor's message as stored, with its conversation as that message left it. */
export interface StoredVisitorMessage {
  conversation: ConversationRecord;
  entry: StoredTimelineEntry;
}

/**
 * PostgreSQL: visitors' messages stored by one statement that also finds each visitor's current
 * conversation (E4), so that lookup costs no round trip of its own. Per visitor it bumps the
 * counter if the conversation's status is one the visitor may send in, inserts the messages with
 * seqs in submission order, and answers the conversation's record. Null for a message that was not
 * stored (no conversation, or one that refuses the visitor): the caller then takes the
 * lookup-first path, which says why. A retry's clientId fails the statement on the unique index,
 * as a batch does. A lone message uses scalar parameters, for one cached generic plan.
 */
export function createVisitorMessageWriter(direct: DirectSql) {
  const recordWithMessage = recordSelectSql('bumped', ['inserted.message_id', 'inserted.message_seq', 'inserted.message_client_id']);
  const insertedFrom = (rows: string) => `inserted as (
      insert into ${M} (${MESSAGE_COLUMNS})
      select bumped.id, bumped.last_message_seq - bumped.batch_count + m.position, m.document_id, m.client_id, m.kind,
             m.author_kind, m.author_id, m.author_name, m.body, m.created_at, m.created_at, m.created_at
      from ${rows}
      join bumped on bumped.batch_visitor_id = m.visitor_id
      returning id as message_id, seq as message_seq, client_id as message_client_id, conversation_id
    )`;
  const one = `with bumped as (
      update ${C} set last_message_seq = last_message_seq + 1, last_activity_at = ?::timestamp, last_message_preview = ?::text
      where id = ${currentConversationIdSql('?::int')} and status = any(?::varchar[])
      returning *, 1 as batch_count, visitor_id as batch_visitor_id
    ), ${insertedFrom(`(select ?::int, 1, ${FIELD_TYPES.map((type) => `?::${type}`).join(', ')}) as m(visitor_id, position, ${FIELD_NAMES})`)}
    ${recordWithMessage} join inserted on inserted.conversation_id = ${C}.id`;

  const many = `with asked as (
      select a.*, ${currentConversationIdSql('a.visitor_id')} as id
      from unnest(?::int[], ?::int[], ?::timestamp[], ?::text[]) as a(visitor_id, count, at, preview)
    ), locked as (
      select c.id from ${C} c join asked on asked.id = c.id
      where c.status = any(?::varchar[])
      order by c.id for update of c
    ), bumped as (
      update ${C} c set last_message_seq = c.last_message_seq + asked.count, last_activity_at = asked.at, last_message_preview = asked.preview
      from asked
      where c.id = asked.id and c.id in (select id from locked) and c.status = any(?::varchar[])
      returning c.*, asked.count as batch_count, asked.visitor_id as batch_visitor_id
    ), ${insertedFrom(`unnest(?::int[], ?::int[], ${FIELD_TYPES.map((type) => `?::${type}[]`).join(', ')}) as m(visitor_id, position, ${FIELD_NAMES})`)}
    ${recordWithMessage} join inserted on inserted.conversation_id = ${C}.id`;

  /** Per visitor, in order of their first message: how many messages, and the last one's time and preview. */
  function byVisitor(messages: VisitorMessage[]) {
    const visitors = new Map<number, { count: number; at: Date; preview: string }>();
    const positions = messages.map(({ visitorId, entry }) => {
      const visitor = visitors.get(visitorId) ?? { count: 0, at: entry.createdAt, preview: '' };
      Object.assign(visitor, { count: visitor.count + 1, at: entry.createdAt, preview: previewOf(entry.body) });
      visitors.set(visitorId, visitor);
      return visitor.count;
    });
    return { visitors: [...visitors], positions };
  }

  const statuses = VISITOR_SENDABLE_STATUSES;
  function parameters(messages: VisitorMessage[]): unknown[] {
    if (messages.length === 1) {
      const [{ visitorId, entry }] = messages;
      return [entry.createdAt, previewOf(entry.body), visitorId, statuses, visitorId, ...fieldsOf(entry, entry.createdAt)];
    }
    const { visitors, positions } = byVisitor(messages);
    const fields = messages.map(({ entry }) => fieldsOf(entry, entry.createdAt));
    return [
      visitors.map(([visitorId]) => visitorId),
      visitors.map(([, visitor]) => visitor.count),
      visitors.map(([, visitor]) => visitor.at),
      visitors.map(([, visitor]) => visitor.preview),
      statuses,
      statuses,
      messages.map(({ visitorId }) => visitorId),
      positions,
      ...FIELD_TYPES.map((_, field) => fields.map((values) => values[field])),
    ];
  }

  return async function writeVisitorMessages(messages: VisitorMessage[]): Promise<Array<StoredVisitorMessage | null>> {
    const rows = await direct.all(messages.length === 1 ? one : many, parameters(messages));
    const stored = new Map(rows.map((row) => [`${row.batch_visitor_id}:${row.message_client_id}`, row]));
    return messages.map(({ visitorId, entry }) => {
      const row = stored.get(`${visitorId}:${entry.clientId}`);
      if (!row) return null;
      const seq = Number(row.message_seq);
      return {
        // The conversation as this message left it (a later one of the batch moves it on).
        conversation: { ...toRecord(row), lastMessageSeq: seq, lastActivityAt: entry.createdAt, lastMessagePreview: previewOf(entry.body) },
        entry: { ...entry, id: Number(row.message_id), seq, authorId: entry.authorId ?? null, authorName: entry.authorName ?? null, event: null, audience: 'everyone', transcript: null, attachment: null },
      };
    });
  };
}
