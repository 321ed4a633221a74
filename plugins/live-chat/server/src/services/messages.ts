import type { Core } from '@strapi/strapi';
import type { TimelineEntry } from '../../../shared/contracts/conversations';
import { agentMaySend, messageInputSchema, visitorMaySend, type Agent, type Refusal } from '../../../shared/domain';
import { toTimelineEntry } from '../presenters';
import { createConversationRepository, type ConversationRecord } from '../repositories/conversations';
import { isUniqueViolation, table, TABLES } from '../repositories/sql';
import { createTimelineRepository, type StoredTimelineEntry } from '../repositories/timeline';
import { parseOrThrow } from '../validation';
import { refusalError, stateOf, type ConversationService } from './conversations';
import type { EventBus } from './event-bus';

/** The author of a message: an agent (through the inbox or an integration) or the visitor. */
export type MessageAuthor = { kind: 'agent'; agent: Agent } | { kind: 'visitor'; visitorId: number; name: string | null };

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const conversations = createConversationRepository(strapi);
  const timeline = createTimelineRepository(strapi);
  const bus = () => strapi.plugin('live-chat').service('event-bus') as EventBus;
  const conversationService = () => strapi.plugin('live-chat').service('conversations') as ConversationService;

  async function findByClientId(conversationId: number, clientId: string): Promise<StoredTimelineEntry | null> {
    const row = await table(strapi, TABLES.messages).where({ conversation_id: conversationId, client_id: clientId }).first('seq');
    if (!row) return null;
    const page = await timeline.list(conversationId, { afterSeq: Number(row.seq) - 1, limit: 1 });
    return page.entries[0] ?? null;
  }

  /**
   * E2: stores a message with the next seq before answering; a retry with the same clientId
   * returns the stored message instead of a second copy (also when two retries race).
   */
  async function store(record: ConversationRecord, author: MessageAuthor, input: unknown): Promise<{ entry: TimelineEntry; created: boolean }> {
    const { clientId, body } = parseOrThrow(messageInputSchema, input, 'Invalid message');
    const existing = await findByClientId(record.id, clientId);
    if (existing) return { entry: toTimelineEntry(existing), created: false };

    const refusal: Refusal | null =
      author.kind === 'agent' ? agentMaySend(stateOf(record), author.agent.id) : visitorMaySend(stateOf(record));
    if (refusal) throw refusalError(refusal);

    let stored: StoredTimelineEntry[];
    try {
      stored = await strapi.db.transaction(({ trx }) =>
        timeline.append(trx, record.id, [
          {
            kind: 'text',
            authorKind: author.kind,
            authorId: author.kind === 'agent' ? author.agent.id : null,
            authorName: author.kind === 'agent' ? author.agent.displayName : author.name,
            body,
            clientId,
            createdAt: new Date(),
          },
        ]),
      );
    } catch (error) {
      // A concurrent retry stored it first: answer with that one.
      const raced = isUniqueViolation(error) ? await findByClientId(record.id, clientId) : null;
      if (raced) return { entry: toTimelineEntry(raced), created: false };
      throw error;
    }
    const updated = (await conversations.findById(record.id)) as ConversationRecord;
    await bus().publish({ type: 'message:created', conversation: updated, entries: stored, actorId: author.kind === 'agent' ? author.agent.id : null });
    return { entry: toTimelineEntry(stored[0]), created: true };
  }

  return {
    /** An agent's reply in a conversation assigned to them. */
    async sendAsAgent(agent: Agent, documentId: string, input: unknown) {
      const record = await conversationService().loadVisible(agent, documentId);
      return store(record, { kind: 'agent', agent }, input);
    },

    /** A visitor's message in their own conversation (the caller has checked ownership, E4). */
    async sendAsVisitor(record: ConversationRecord, visitor: { id: number; name: string | null }, input: unknown) {
      return store(record, { kind: 'visitor', visitorId: visitor.id, name: visitor.name }, input);
    },
  };
};
