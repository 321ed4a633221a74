import type { Core } from '@strapi/strapi';
import type { TimelineEntry } from '../../../shared/contracts/conversations';
import type { MessageAudience } from '../../../shared/constants';
import {
  agentMayWriteNote,
  agentMaySend,
  agentMessageInputSchema,
  messageInputSchema,
  visitorMaySend,
  type Agent,
  type ConversationState,
  type Refusal,
} from '../../../shared/domain';
import { notFound } from '../errors';
import { toTimelineEntry } from '../presenters';
import { createBatcher } from '../batcher';
import { createConversationRepository, type ConversationRecord } from '../repositories/conversations';
import { directSqlOf } from '../repositories/direct-sql';
import { createMessageBatchWriter, createVisitorMessageWriter } from '../repositories/message-batch';
import { isDeadlock, isUniqueViolation, table, TABLES } from '../repositories/sql';
import {
  createTimelineRepository,
  type AppendedState,
  type AppendResult,
  type NewTimelineEntry,
  type StoredTimelineEntry,
} from '../repositories/timeline';
import { parseOrThrow } from '../validation';
import { refusalError, stateOf, type ConversationService } from './conversations';
import type { EventBus } from './event-bus';

/**
 * A batch that failed stored nothing (it is one statement or transaction); on a unique violation
 * (a retry of a stored message among them) or a deadlock its messages take the careful path, which
 * tells a retry from a new message. Other errors (the database is gone …) fail them as they would
 * fail alone.
 */
function batchWriteOrNothing<Message, Stored>(write: (messages: Message[]) => Promise<Array<Stored | null>>) {
  return async (messages: Message[]): Promise<Array<Stored | null>> => {
    try {
      return await write(messages);
    } catch (error) {
      if (isUniqueViolation(error) || isDeadlock(error)) return messages.map(() => null);
      throw error;
    }
  };
}

/** The author of a message: an agent (through the inbox or an integration) or the visitor. */
export type MessageAuthor = { kind: 'agent'; agent: Agent } | { kind: 'visitor'; visitorId: number; name: string | null };

type VisitorAuthor = Extract<MessageAuthor, { kind: 'visitor' }>;
/** A message as the sender's input gives it, validated; `audience: 'agents'` makes it an internal note (G3). */
type MessageInput = { clientId: string; body: string; audience?: MessageAudience };
export type Sent = { entry: TimelineEntry; created: boolean };
type Settled = { ok: true; value: Sent } | { ok: false; error: unknown };
const settle = (work: () => Promise<Sent>): Promise<Settled> =>
  work().then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );

/** Messages written by one group commit at most; more wait for the next. */
const MAX_BATCH = 200;
/**
 * Group commits in flight at once on PostgreSQL, each on its own connection (one backend can use
 * one core). A conversation always uses the same lane, so its messages keep their order and two
 * lanes never lock the same row. SQLite has one connection: one lane.
 */
const POSTGRES_LANES = 4;

const messagesService = ({ strapi }: { strapi: Core.Strapi }) => {
  const conversations = createConversationRepository(strapi);
  const timeline = createTimelineRepository(strapi);
  const direct = directSqlOf(strapi);
  const writeBatch = batchWriteOrNothing(createMessageBatchWriter(strapi, direct));
  const lanes = Array.from({ length: direct.dialect === 'postgres' ? POSTGRES_LANES : 1 }, () => createBatcher(writeBatch, MAX_BATCH));
  const laneOf = (conversationId: number) => lanes[conversationId % lanes.length];
  const writeVisitorMessages = batchWriteOrNothing(createVisitorMessageWriter(direct));
  // PostgreSQL: a visitor's messages go through a lane of their own, one batch at a time, so
  // the one-statement path and the lookup-first path never reorder them. SQLite looks up
  // in-process: no round trip to save.
  const visitorLanes =
    direct.dialect === 'postgres' ? Array.from({ length: POSTGRES_LANES }, () => createBatcher(sendVisitorBatch, MAX_BATCH)) : null;
  const bus = () => strapi.plugin('live-chat').service('event-bus') as EventBus;
  const conversationService = () => strapi.plugin('live-chat').service('conversations') as ConversationService;

  async function findByClientId(conversationId: number, clientId: string): Promise<StoredTimelineEntry | null> {
    const row = await table(strapi, TABLES.messages).where({ conversation_id: conversationId, client_id: clientId }).first('seq');
    if (!row) return null;
    const page = await timeline.list(conversationId, { afterSeq: Number(row.seq) - 1, limit: 1 });
    return page.entries[0] ?? null;
  }

  const isNote = (message: { audience?: MessageAudience }) => message.audience === 'agents';

  const refusalFor = (author: MessageAuthor, state: ConversationState, message: { audience?: MessageAudience } = {}): Refusal | null => {
    if (author.kind === 'visitor') return visitorMaySend(state);
    return isNote(message) ? agentMayWriteNote(author.agent, state) : agentMaySend(state, author.agent.id);
  };

  /** A refusal as the answer: a note in a chat the agent may no longer see is "not found", as everywhere (B6). */
  const refusalAnswer = (refusal: Refusal, message: { audience?: MessageAudience }) =>
    isNote(message) && refusal.code === 'not_allowed' ? notFound('Conversation') : refusalError(refusal);

  const newEntry = (author: MessageAuthor, { clientId, body, audience }: MessageInput) => ({
    kind: 'text' as const,
    audience: audience ?? ('everyone' as const),
    authorKind: author.kind,
    authorId: author.kind === 'agent' ? author.agent.id : null,
    authorName: author.kind === 'agent' ? author.agent.displayName : author.name,
    body,
    clientId,
    createdAt: new Date(),
  });

  /** Thrown inside the transaction to roll it back when the locked row refuses the message. */
  class Refused extends Error {
    constructor(readonly refusal: Refusal) {
      super(refusal.message);
    }
  }

  /**
   * E2: stores a message with the next seq before answering; a retry with the same clientId
   * returns the stored message instead of a second copy (also when two retries race). Usually the
   * message goes into a group commit with the others of its moment, which stores it only if its
   * conversation is still in the state the rule accepted. Otherwise it is stored alone, the careful
   * way: the unique (conversation, clientId) index detects a retry, and the sending rule is checked
   * again against the row the append locked, so a reassignment or a close that lands between the
   * read and the write refuses the message instead of slipping it in.
   */
  async function store(record: ConversationRecord, author: MessageAuthor, message: MessageInput): Promise<Sent> {
    const { clientId } = message;
    const refusedEarly = refusalFor(author, stateOf(record), message);
    if (refusedEarly) {
      // A retry of a message stored before the conversation closed still gets its ack.
      const existing = await findByClientId(record.id, clientId);
      if (existing) return { entry: toTimelineEntry(existing), created: false };
      throw refusalAnswer(refusedEarly, message);
    }

    const entry = newEntry(author, message);
    // The fast path: stored with the other messages of this moment, if the conversation is still
    // in the state the rule accepted (else, inside a caller's transaction, or for a note, which
    // must leave the list's preview alone, the careful path).
    const expected = { status: record.status, assigneeId: record.assigneeId };
    const batchable = !strapi.db.inTransaction() && !isNote(message);
    const batched = batchable ? await laneOf(record.id).submit({ conversationId: record.id, entry, expected }) : null;
    if (batched) return published(record, author, { entries: [batched.entry], state: batched.state });
    return storeAlone(record, author, entry);
  }

  /**
   * The careful path of store(): one entry in its own transaction, the sending rule checked again
   * against the row the append locked; a retry (the unique clientId index) answers the stored entry
   * with `created: false`.
   */
  async function storeAlone(record: ConversationRecord, author: MessageAuthor, entry: NewTimelineEntry & { clientId: string }): Promise<Sent> {
    const { clientId } = entry;
    // A note's rule differs from a reply's (G3): the entry's audience says which applies.
    const message = { audience: entry.audience };
    let appended: AppendResult;
    try {
      appended = await strapi.db.transaction(async ({ trx }) => {
        const result = await timeline.append(trx, record.id, [entry]);
        const locked = result.state as AppendedState;
        const refusal = refusalFor(author, { ...stateOf(record), status: locked.status, assigneeId: locked.assigneeId }, message);
        if (refusal) throw new Refused(refusal);
        return result;
      });
    } catch (error) {
      if (error instanceof Refused) throw refusalAnswer(error.refusal, message);
      // A retry (or a concurrent copy) of a stored message: answer with the stored one.
      const existing = isUniqueViolation(error) ? await findByClientId(record.id, clientId) : null;
      if (existing) return { entry: toTimelineEntry(existing), created: false };
      throw error;
    }

    return published(record, author, appended);
  }

  async function published(record: ConversationRecord, author: MessageAuthor, appended: AppendResult) {
    return announced(await conversationAfter(record, appended.state as AppendedState), author, appended.entries[0]);
  }

  async function announced(conversation: ConversationRecord, author: MessageAuthor, entry: StoredTimelineEntry): Promise<Sent> {
    await bus().publish({
      type: 'message:created',
      conversation,
      entries: [entry],
      actorId: author.kind === 'agent' ? author.agent.id : null,
    });
    return { entry: toTimelineEntry(entry), created: true };
  }

  /** The visitor's current conversation first (E4), then store(): the path that explains refusals. */
  async function sendAfterLookup(author: VisitorAuthor, message: MessageInput): Promise<Sent> {
    const record = await conversations.findCurrentOfVisitor(author.visitorId);
    if (!record) throw notFound('Conversation');
    return store(record, author, message);
  }

  /**
   * A visitor lane's batch (PostgreSQL): stored by one statement that also finds each visitor's
   * conversation. What it did not store (no open conversation, a retry's clientId in the batch …)
   * takes the lookup-first path, and the lane stays busy until that is done too, so a visitor's
   * later messages cannot overtake it.
   */
  async function sendVisitorBatch(items: Array<{ author: VisitorAuthor; message: MessageInput }>): Promise<Settled[]> {
    const messages = items.map(({ author, message }) => ({ visitorId: author.visitorId, entry: newEntry(author, message) }));
    const stored = strapi.db.inTransaction() ? messages.map(() => null) : await writeVisitorMessages(messages);
    // What takes the lookup-first path goes one message at a time per visitor, in order.
    const visitorQueues = new Map<number, Promise<Settled>>();
    return Promise.all(
      items.map(({ author, message }, index) => {
        const done = stored[index];
        if (done) return settle(() => announced(done.conversation, author, done.entry));
        const queued = (visitorQueues.get(author.visitorId) ?? Promise.resolve(null)).then(() => settle(() => sendAfterLookup(author, message)));
        visitorQueues.set(author.visitorId, queued);
        return queued;
      }),
    );
  }

  /**
   * The conversation as the append left it, for the listeners to route by. Built from the row the
   * append locked; read again only when the assignee changed meanwhile (their name is needed).
   */
  async function conversationAfter(record: ConversationRecord, state: AppendedState): Promise<ConversationRecord> {
    if (state.status !== record.status || state.assigneeId !== record.assigneeId) {
      return (await conversations.findById(record.id)) as ConversationRecord;
    }
    return {
      ...record,
      lastMessageSeq: state.lastMessageSeq,
      lastActivityAt: state.lastActivityAt,
      lastMessagePreview: state.lastMessagePreview ?? record.lastMessagePreview,
    };
  }

  return {
    /**
     * G4: an entry that is more than text (a file), for the attachments service: the sending rule
     * of the author, the stored entry of a clientId (a retry), and the careful store with E2's
     * guarantees and the same broadcasts as any message.
     */
    refusalFor,
    async findStored(record: ConversationRecord, clientId: string): Promise<TimelineEntry | null> {
      const existing = await findByClientId(record.id, clientId);
      return existing ? toTimelineEntry(existing) : null;
    },
    storeAlone,

    /**
     * An agent's reply in a conversation assigned to them, or (`audience: 'agents'`) an internal
     * note in any conversation the agent may see (G3).
     */
    async sendAsAgent(agent: Agent, documentId: string, input: unknown) {
      const message = parseOrThrow(agentMessageInputSchema, input, 'Invalid message');
      const record = await conversationService().loadVisible(agent, documentId);
      return store(record, { kind: 'agent', agent }, message);
    },

    /** A visitor's message in their current conversation (E4: never another visitor's). */
    async sendAsVisitor(visitor: { id: number; name: string | null }, input: unknown): Promise<Sent> {
      const message = parseOrThrow(messageInputSchema, input, 'Invalid message');
      const author: VisitorAuthor = { kind: 'visitor', visitorId: visitor.id, name: visitor.name };
      if (!visitorLanes) return sendAfterLookup(author, message);
      const settled = await visitorLanes[visitor.id % visitorLanes.length].submit({ author, message });
      if (!settled.ok) throw settled.error;
      return settled.value;
    },
  };
};

export default messagesService;
export type MessageService = ReturnType<typeof messagesService>;
