/** Shared builders for the domain unit tests: agents and conversation states in each status. */
import type { Agent, ConversationState } from '../../../plugins/live-chat/shared/domain';

export const T0 = new Date('2026-03-02T09:00:00.000Z');
/** `seconds` after T0. */
export const at = (seconds: number): Date => new Date(T0.getTime() + seconds * 1000);

export const alice: Agent = { id: 1, displayName: 'Alice', canUseInbox: true, canSeeAll: false };
export const bob: Agent = { id: 2, displayName: 'Bob', canUseInbox: true, canSeeAll: false };
export const admin: Agent = { id: 3, displayName: 'Ada Admin', canUseInbox: true, canSeeAll: true };
export const outsider: Agent = { id: 4, displayName: 'Olle Outsider', canUseInbox: false, canSeeAll: false };
/** canSeeAll without inbox access still sees nothing: the inbox permission comes first. */
export const seeAllWithoutInbox: Agent = { id: 5, displayName: 'Sam', canUseInbox: false, canSeeAll: true };

export const unassigned = (overrides: Partial<ConversationState> = {}): ConversationState => ({
  status: 'unassigned',
  assigneeId: null,
  assignedAt: null,
  closedAt: null,
  waitDeadlineAt: at(120),
  missedAt: null,
  ...overrides,
});

export const assignedTo = (agent: Agent, overrides: Partial<ConversationState> = {}): ConversationState => ({
  status: 'assigned',
  assigneeId: agent.id,
  assignedAt: at(30),
  closedAt: null,
  waitDeadlineAt: null,
  missedAt: null,
  ...overrides,
});

export const closedBy = (agent: Agent | null, overrides: Partial<ConversationState> = {}): ConversationState => ({
  status: 'closed',
  assigneeId: agent ? agent.id : null,
  assignedAt: agent ? at(30) : null,
  closedAt: at(600),
  waitDeadlineAt: null,
  missedAt: null,
  ...overrides,
});
