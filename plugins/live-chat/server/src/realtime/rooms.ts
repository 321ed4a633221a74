/**
 * B6 as Socket.IO rooms. Sockets join rooms by who they are (never by conversation), and every
 * event is routed from the conversation's current state, so a reassignment or a close takes
 * effect on the very next event: there is no per-conversation membership to forget to leave.
 */
import type { ConversationStatus } from '../../../shared/constants';
import { isSentMessage } from '../../../shared/domain/attachments';

export const ROOMS = {
  /** Every agent with inbox access: sees unassigned and closed conversations. */
  inboxAgents: 'agents:inbox',
  /** Agents whose role (or super-admin setting) lets them see everything. */
  seeAll: 'agents:see-all',
  agent: (agentId: number) => `agent:${agentId}`,
  visitor: (visitorId: number) => `visitor:${visitorId}`,
} as const;

/** The rooms an agent's socket joins on connect. */
export function roomsOfAgent(agent: { id: number; canUseInbox: boolean; canSeeAll: boolean }): string[] {
  if (!agent.canUseInbox) return [];
  return [ROOMS.agent(agent.id), ROOMS.inboxAgents, ...(agent.canSeeAll ? [ROOMS.seeAll] : [])];
}

/** The agent rooms that may receive events of a conversation in this state (the canSee rule). */
export function agentRoomsFor(conversation: { status: ConversationStatus; assigneeId: number | null }): string[] {
  if (conversation.status === 'assigned' && conversation.assigneeId !== null) {
    return [ROOMS.seeAll, ROOMS.agent(conversation.assigneeId)];
  }
  return [ROOMS.seeAll, ROOMS.inboxAgents];
}

/** Timeline events a visitor is shown; CRM and inbox bookkeeping (leads, deals, missed…) stay internal. */
export const VISITOR_VISIBLE_EVENTS: ReadonlySet<string> = new Set(['agent_joined', 'reassigned', 'closed']);

export const isVisibleToVisitor = (entry: { kind: string; event: { type: string } | null }) =>
  isSentMessage(entry) || (entry.event !== null && VISITOR_VISIBLE_EVENTS.has(entry.event.type));
