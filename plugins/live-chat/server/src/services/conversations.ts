import type { Core } from '@strapi/strapi';
import type { DomainEventName } from '../../../shared/constants';
import type {
  ConversationContextResponse,
  ConversationDetail,
  ConversationFolder,
  ConversationListResponse,
  TimelineResponse,
} from '../../../shared/contracts/conversations';
import { uid } from '../../../shared/constants';
import {
  allowedActions,
  assignToMe,
  canSee,
  close,
  mayReceive,
  newConversation,
  reassign,
  visibleConversationFilter,
  type Agent,
  type ConversationState,
  type Refusal,
  type TimelineEvent,
  type Transition,
} from '../../../shared/domain';
import { conflict, forbidden, invalidInput, notFound } from '../errors';
import { toConversationDetail, toConversationSummary, toEarlierConversation, toTimelineEntry } from '../presenters';
import { createConversationRepository, type ConversationRecord } from '../repositories/conversations';
import { createTimelineRepository, type NewTimelineEntry } from '../repositories/timeline';
import { decodeCursor, encodeCursor } from './cursor';
import type { EventBus } from './event-bus';

/** How many times a state change is retried after losing a race before the loser is refused. */
const MAX_ATTEMPTS = 3;

export const stateOf = (record: ConversationRecord): ConversationState => ({
  status: record.status,
  assigneeId: record.assigneeId,
  assignedAt: record.assignedAt,
  closedAt: record.closedAt,
  waitDeadlineAt: record.waitDeadlineAt,
  missedAt: record.missedAt,
});

/** A refused transition as an HTTP error in Strapi's shape. */
export function refusalError(refusal: Refusal) {
  switch (refusal.code) {
    case 'not_allowed':
      return forbidden(refusal.message);
    case 'unknown_agent':
      return invalidInput(refusal.message, [{ path: ['agentId'], message: refusal.message }]);
    case 'invalid_input':
      return invalidInput(refusal.message, [{ path: refusal.field ? [refusal.field] : [], message: refusal.message }]);
    default:
      return conflict(refusal.code, refusal.message);
  }
}

/** A domain timeline event as a stored timeline entry (B7). */
export const toTimelineEntryInput = (event: TimelineEvent, actorName: string | null): NewTimelineEntry => ({
  kind: 'event',
  authorKind: event.actorId === null ? 'system' : 'agent',
  authorId: event.actorId,
  authorName: actorName,
  event: { type: event.type, data: event.data },
  createdAt: event.at,
});

const EVENT_BY_STATUS: Record<ConversationState['status'], DomainEventName> = {
  unassigned: 'conversation:unassigned',
  assigned: 'conversation:assigned',
  closed: 'conversation:closed',
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const conversations = createConversationRepository(strapi);
  const timeline = createTimelineRepository(strapi);
  const bus = () => strapi.plugin('live-chat').service('event-bus') as EventBus;

  /** The conversation if the agent may see it; otherwise 404, so ids cannot be probed (B6). */
  async function loadVisible(agent: Agent, documentId: string): Promise<ConversationRecord> {
    const record = await conversations.findByDocumentId(documentId);
    if (!record || !canSee(agent, record)) throw notFound('Conversation');
    return record;
  }

  /**
   * Runs a transition of the state machine and stores it only if nobody changed the conversation
   * in between (compare-and-set); a loser re-reads and lets the domain refuse it (B3: one winner).
   */
  /**
   * For "assign to me" only: a chat someone else just took answers 409 already_assigned rather
   * than 404, so the agent who clicked a moment too late gets the clear conflict B3 asks for. Its
   * content stays hidden (B6); document ids are random, so this reveals nothing guessable.
   */
  async function loadForAssign(agent: Agent, documentId: string): Promise<ConversationRecord> {
    const record = await conversations.findByDocumentId(documentId);
    if (record && agent.canUseInbox && record.status === 'assigned' && record.assigneeId !== agent.id && !canSee(agent, record)) {
      throw conflict('already_assigned', 'Another agent took this conversation first.');
    }
    if (!record || !canSee(agent, record)) throw notFound('Conversation');
    return record;
  }

  async function applyTransition(
    agent: Agent,
    documentId: string,
    decide: (state: ConversationState) => Transition | Promise<Transition>,
    load: (agent: Agent, documentId: string) => Promise<ConversationRecord> = loadVisible,
  ): Promise<ConversationDetail> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      const record = await load(agent, documentId);
      const result = await decide(stateOf(record));
      if (!result.ok) throw refusalError(result.refusal);
      const now = result.events[0]?.at ?? new Date();

      const entries = await strapi.db.transaction(async ({ trx }) => {
        const won = await conversations.compareAndSet(
          trx,
          record.id,
          { status: record.status, assigneeId: record.assigneeId },
          { ...result.state, lastActivityAt: now },
          now,
        );
        if (!won) return null;
        return (await timeline.append(trx, record.id, result.events.map((event) => toTimelineEntryInput(event, agent.displayName)))).entries;
      });
      if (!entries) continue;

      const updated = (await conversations.findById(record.id)) as ConversationRecord;
      await bus().publish({
        type: EVENT_BY_STATUS[updated.status],
        conversation: updated,
        entries,
        actorId: agent.id,
        previous: { status: record.status, assigneeId: record.assigneeId },
      });
      return toConversationDetail(updated, allowedActions(stateOf(updated), agent));
    }
    throw conflict('already_assigned', 'Someone else changed this conversation first.');
  }

  return {
    /**
     * B1: opens a conversation in Unassigned for a visitor whose flow reached a Live Chat card, with
     * the card's wait time as a stored deadline (B9). G2: the bot transcript so far comes first, each
     * line with its own time and seq, then the "started" event, all in one transaction.
     */
    async start(input: { visitorId: number | null; playbookId?: number | null; waitTimeSeconds: number; transcript?: NewTimelineEntry[] }) {
      const now = new Date();
      const { state, events } = newConversation(now, input.waitTimeSeconds);
      const { id, entries } = await strapi.db.transaction(async ({ trx }) => {
        const created = await strapi.db.query(uid('conversation')).create({
          data: {
            status: state.status,
            waitDeadlineAt: state.waitDeadlineAt,
            lastActivityAt: now,
            lastMessageSeq: 0,
            visitor: input.visitorId,
            ...(input.playbookId ? { playbook: input.playbookId } : {}),
          },
        });
        const started = events.map((event) => toTimelineEntryInput(event, null));
        const stored = await timeline.append(trx, created.id, [...(input.transcript ?? []), ...started]);
        return { id: created.id as number, entries: stored.entries };
      });
      const record = (await conversations.findById(id)) as ConversationRecord;
      await bus().publish({ type: 'conversation:created', conversation: record, entries, actorId: null });
      return record;
    },

    /** A folder page for the agent, with folder counts (B3, B5, B8; B6 applied in SQL). */
    async list(
      agent: Agent,
      query: { folder: ConversationFolder; search?: string; cursor?: string; limit: number },
    ): Promise<ConversationListResponse> {
      const visibility = visibleConversationFilter(agent);
      const after = query.cursor ? decodeCursor(query.cursor) : undefined;
      // Counts come with the first page only; a client paging on already has them.
      const [page, counts] = await Promise.all([
        conversations.listFolder({ visibility, folder: query.folder, agentId: agent.id, search: query.search, after, limit: query.limit }),
        after ? Promise.resolve(null) : conversations.countFolders(visibility, agent.id),
      ]);
      const last = page.records[page.records.length - 1];
      return {
        data: page.records.map(toConversationSummary),
        meta: { nextCursor: page.hasMore && last ? encodeCursor(last) : null, counts },
      };
    },

    /** One conversation with what the agent may do with it. */
    async get(agent: Agent, documentId: string): Promise<ConversationDetail> {
      const record = await loadVisible(agent, documentId);
      return toConversationDetail(record, allowedActions(stateOf(record), agent));
    },

    /** G2: the visitor's context, and their (or their person's) other conversations the agent may see (B6). */
    async context(agent: Agent, documentId: string): Promise<ConversationContextResponse['data']> {
      const record = await loadVisible(agent, documentId);
      const [visitor, earlier] = await Promise.all([
        strapi.plugin('live-chat').service('visitors').contextOf(record.visitorId),
        conversations.listEarlier(visibleConversationFilter(agent), record),
      ]);
      return { visitor, earlierConversations: earlier.map((other) => toEarlierConversation(other, agent.id)) };
    },

    /** Messages and timeline events in seq order, paged by seq. */
    async timeline(
      agent: Agent,
      documentId: string,
      page: { afterSeq?: number; beforeSeq?: number; limit: number },
    ): Promise<TimelineResponse> {
      const record = await loadVisible(agent, documentId);
      const result = await timeline.list(record.id, page);
      // B6 was decided by loadVisible; the audience rule (G3) lets an agent who may see the chat read every entry.
      const entries = result.entries.filter((entry) => mayReceive(entry, { kind: 'agent', maySeeConversation: true }));
      return { data: entries.map(toTimelineEntry), meta: { hasMore: result.hasMore } };
    },

    /** B3: take an unassigned conversation. */
    assignToMe(agent: Agent, documentId: string) {
      return applyTransition(agent, documentId, (state) => assignToMe(state, agent, new Date()), loadForAssign);
    },

    /** B5: hand the conversation to another agent, or back to Unassigned (targetId null). */
    reassign(agent: Agent, documentId: string, targetId: number | null) {
      return applyTransition(agent, documentId, async (state) => {
        if (targetId === null) return reassign(state, agent, null, new Date());
        const target = await strapi.plugin('live-chat').service('agents').findAgent(targetId);
        if (!target) {
          return { ok: false, refusal: { code: 'unknown_agent', message: 'No agent with this id can take chats.' } };
        }
        return reassign(state, agent, target, new Date());
      });
    },

    /** B8: close for good. */
    close(agent: Agent, documentId: string) {
      return applyTransition(agent, documentId, (state) => close(state, agent, new Date()));
    },

    /** Exposed to sibling services (side panel, CRM) that act on a visible conversation. */
    loadVisible,
  };
};

export type ConversationService = ReturnType<typeof import('./conversations').default>;
