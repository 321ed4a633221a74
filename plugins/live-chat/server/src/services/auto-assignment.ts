import type { Core } from '@strapi/strapi';
import type { AgentCapacity } from '../../../shared/contracts/assignment';
import { AGENT_CAPACITY, autoAssign, nextTurn, pickNextAgent, type Agent } from '../../../shared/domain';
import { notFound } from '../errors';
import { createAutoAssignmentRepository, type AgentLoad } from '../repositories/auto-assignment';
import { createConversationRepository, type ConversationRecord } from '../repositories/conversations';
import { updateOrCreate } from '../repositories/sql';
import { createTimelineRepository } from '../repositories/timeline';
import { uid } from '../../../shared/constants';
import { stateOf, toTimelineEntryInput } from './conversations';
import type { EventBus } from './event-bus';

const toCapacity = (agent: Agent, load: AgentLoad | undefined): AgentCapacity => ({
  id: agent.id,
  name: agent.displayName,
  maxOpenChats: load?.maxOpenChats ?? null,
  capacity: load?.maxOpenChats ?? AGENT_CAPACITY.default,
  openChats: load?.openChats ?? 0,
});

/**
 * G7: round-robin auto-assignment of new chats (per Live Chat card) and the agents' capacities.
 * The pick happens inside one transaction holding the candidates' status rows, so two processes
 * never both fill an agent's last slot and the rotation pointer is the database's, not a process's.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const repository = createAutoAssignmentRepository(strapi);
  const conversations = createConversationRepository(strapi);
  const timeline = createTimelineRepository(strapi);
  const service = (name: string) => strapi.plugin('live-chat').service(name);

  /** Every agent who may take chats, with their capacity and open chats (the settings page). */
  async function listCapacities(): Promise<AgentCapacity[]> {
    const agents: Agent[] = await service('agents').listInboxAgents();
    const loads = new Map((await repository.loadsOf(agents.map((agent) => agent.id))).map((load) => [load.agentId, load]));
    return agents.map((agent) => toCapacity(agent, loads.get(agent.id)));
  }

  return {
    /**
     * Hands a new, waiting chat to the online agent next in the rotation with room for it, as a
     * join the visitor sees (B4); answers null when nobody has capacity (it waits in Unassigned).
     */
    async assignNew(conversationId: number): Promise<ConversationRecord | null> {
      // Who may take chats is read first: on SQLite the transaction holds the only connection.
      const agents: Agent[] = await service('agents').listInboxAgents();
      const byId = new Map(agents.map((agent) => [agent.id, agent]));
      const assigned = await strapi.db.transaction(async ({ trx }) => {
        const record = await conversations.findById(conversationId, trx);
        if (!record || record.status !== 'unassigned') return null;
        const chosen = pickNextAgent(await repository.lockCandidates(trx, [...byId.keys()]));
        const agent = chosen && byId.get(chosen.agentId);
        if (!agent) return null;
        const now = new Date();
        const result = autoAssign(stateOf(record), agent, now);
        if (!result.ok) return null;
        const expected = { status: record.status, assigneeId: record.assigneeId, notMissed: true };
        if (!(await conversations.compareAndSet(trx, record.id, expected, { ...result.state, lastActivityAt: now }, now))) return null;
        await repository.recordTurn(trx, agent.id, nextTurn([await repository.highestTurn(trx)]));
        const stored = await timeline.append(trx, record.id, result.events.map((event) => toTimelineEntryInput(event, null)));
        return { record, entries: stored.entries };
      });
      if (!assigned) return null;
      const updated = (await conversations.findById(conversationId)) as ConversationRecord;
      await (service('event-bus') as EventBus).publish({
        type: 'conversation:assigned',
        conversation: updated,
        entries: assigned.entries,
        actorId: null,
        previous: { status: assigned.record.status, assigneeId: assigned.record.assigneeId },
      });
      return updated;
    },

    listCapacities,

    /** Sets one agent's capacity (null: the default); 404 for someone who cannot take chats. */
    async setCapacity(agentId: number, maxOpenChats: number | null): Promise<AgentCapacity> {
      const agent: Agent | null = await service('agents').findAgent(agentId);
      if (!agent || !agent.canUseInbox) throw notFound('Agent');
      const statuses = strapi.db.query(uid('agent-status'));
      await updateOrCreate(statuses, { agent: agentId }, { maxOpenChats }, () => ({ agent: agentId, availability: 'offline', maxOpenChats }));
      return (await listCapacities()).find((entry) => entry.id === agentId) as AgentCapacity;
    },
  };
};

export type AutoAssignmentService = ReturnType<typeof import('./auto-assignment').default>;
