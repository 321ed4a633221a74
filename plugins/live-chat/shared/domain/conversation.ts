/**
 * The conversation state machine (B1, B3, B5, B8, B9). Every transition is a pure function of the
 * current state, the acting agent and the time, and returns either the next state plus the timeline
 * events to record (B7) or a typed refusal the transports turn into a clear 4xx / ack error.
 */
import type { ConversationStatus } from '../constants';
import { canSee } from './visibility';
import { waitDeadline } from './wait-time';

/** The persisted fields the state machine owns. */
export interface ConversationState {
  status: ConversationStatus;
  assigneeId: number | null;
  assignedAt: Date | null;
  closedAt: Date | null;
  waitDeadlineAt: Date | null;
  missedAt: Date | null;
}

/** An admin user as the inbox sees them; permissions are resolved by the caller. */
export interface Agent {
  id: number;
  displayName: string;
  canUseInbox: boolean;
  canSeeAll: boolean;
}

/** Kinds of timeline entries the chat window shows with their time (B7). */
export type TimelineEventType =
  | 'conversation_created'
  | 'agent_joined'
  | 'reassigned'
  | 'unassigned'
  | 'closed'
  | 'missed'
  | 'lead_created'
  | 'deal_created';

/** One timeline entry; `actorId` is null when nobody acted (the visitor's flow, the wait-time sweep). */
export interface TimelineEvent {
  type: TimelineEventType;
  at: Date;
  actorId: number | null;
  data: Record<string, string | number | null>;
}

/** Why a transition was refused. */
export type RefusalCode =
  | 'already_assigned'
  | 'conversation_closed'
  | 'not_allowed'
  | 'not_assigned'
  | 'unknown_agent'
  | 'invalid_input'
  | 'no_change';

/** A refusal with a message fit to show to the agent. */
export interface Refusal {
  code: RefusalCode;
  message: string;
  /** For `invalid_input`: the field at fault, so the client can point at it. */
  field?: string;
}

/** The outcome of a transition. */
export type Transition =
  | { ok: true; state: ConversationState; events: TimelineEvent[] }
  | { ok: false; refusal: Refusal };

const refuse = (code: RefusalCode, message: string): Transition => ({ ok: false, refusal: { code, message } });

const CLOSED: Transition = refuse('conversation_closed', 'This conversation is closed and cannot be changed.');
const NO_ACCESS: Transition = refuse('not_allowed', 'You are not allowed to act on this conversation.');

// Copies keep callers from mutating a returned state or event through a shared Date.
const copy = (date: Date): Date => new Date(date.getTime());

const event = (type: TimelineEventType, now: Date, actorId: number | null, data: TimelineEvent['data']): TimelineEvent => ({
  type,
  at: copy(now),
  actorId,
  data,
});

/** A new conversation in Unassigned, with its wait-time deadline (B1, B9). */
export function newConversation(now: Date, waitTimeSeconds: number): { state: ConversationState; events: TimelineEvent[] } {
  const deadline = waitDeadline(now, waitTimeSeconds);
  return {
    state: {
      status: 'unassigned',
      assigneeId: null,
      assignedAt: null,
      closedAt: null,
      waitDeadlineAt: deadline,
      missedAt: null,
    },
    events: [event('conversation_created', now, null, { waitDeadlineAt: deadline.toISOString() })],
  };
}

/** B3: the agent takes an unassigned conversation. */
export function assignToMe(state: ConversationState, agent: Agent, now: Date): Transition {
  // Permission first, so an agent without inbox access learns nothing about the conversation.
  if (!agent.canUseInbox) return NO_ACCESS;
  if (state.status === 'closed') return CLOSED;
  if (state.status === 'assigned') {
    return state.assigneeId === agent.id
      ? refuse('no_change', 'This conversation is already assigned to you.')
      : refuse('already_assigned', 'Another agent has already taken this conversation.');
  }
  return {
    ok: true,
    state: {
      ...state,
      status: 'assigned',
      assigneeId: agent.id,
      assignedAt: copy(now),
      // Someone answered: nobody is waiting, so the sweep must not mark it missed.
      waitDeadlineAt: null,
    },
    events: [event('agent_joined', now, agent.id, { agentId: agent.id, agentName: agent.displayName })],
  };
}

/**
 * G7: auto-assignment hands a waiting chat to `agent`: the same join the visitor sees (B4), marked
 * automatic for the inbox ("Assigned to you automatically"); nobody acted, so the actor is null.
 */
export function autoAssign(state: ConversationState, agent: Agent, now: Date): Transition {
  if (state.status === 'unassigned' && state.missedAt !== null) return refuse('no_change', 'This chat was missed; it waits for an agent to take it.');
  const joined = assignToMe(state, agent, now);
  if (!joined.ok) return joined;
  return { ...joined, events: joined.events.map((e) => ({ ...e, actorId: null, data: { ...e.data, automatic: 1 } })) };
}

/** B5: hands the conversation to `target`, or back to Unassigned when `target` is null. */
export function reassign(state: ConversationState, actor: Agent, target: Agent | null, now: Date): Transition {
  if (!actor.canUseInbox || !canSee(actor, state)) return NO_ACCESS;
  if (state.status === 'closed') return CLOSED;
  if (target !== null && !target.canUseInbox) {
    return refuse('unknown_agent', 'That person is not an agent who can use the inbox.');
  }
  const fromAgentId = state.assigneeId;
  if (target === null) {
    if (state.status === 'unassigned') return refuse('no_change', 'This conversation is already unassigned.');
    return {
      ok: true,
      // A dropped chat is not re-timed: the visitor was already answered, so it can no longer be "missed".
      state: { ...state, status: 'unassigned', assigneeId: null, assignedAt: null, waitDeadlineAt: null },
      events: [event('unassigned', now, actor.id, { fromAgentId })],
    };
  }
  if (state.status === 'assigned' && state.assigneeId === target.id) {
    return refuse('no_change', 'This conversation is already assigned to that agent.');
  }
  return {
    ok: true,
    state: { ...state, status: 'assigned', assigneeId: target.id, assignedAt: copy(now), waitDeadlineAt: null },
    events: [event('reassigned', now, actor.id, { fromAgentId, toAgentId: target.id, toAgentName: target.displayName })],
  };
}

/** B8: ends the chat for good; the assignee is kept so the transcript shows who handled it. */
export function close(state: ConversationState, actor: Agent, now: Date): Transition {
  if (!actor.canUseInbox || !canSee(actor, state)) return NO_ACCESS;
  if (state.status === 'closed') return CLOSED;
  return {
    ok: true,
    state: { ...state, status: 'closed', closedAt: copy(now), waitDeadlineAt: null },
    events: [event('closed', now, actor.id, { assigneeId: state.assigneeId })],
  };
}

/** B9: the wait time ran out with nobody on the chat; it stays in Unassigned, flagged as missed. */
export function markMissed(state: ConversationState, now: Date): Transition {
  if (state.status === 'closed') return CLOSED;
  const deadline = state.waitDeadlineAt;
  if (state.status !== 'unassigned' || state.missedAt !== null || deadline === null || deadline.getTime() > now.getTime()) {
    return refuse('no_change', 'This conversation is not waiting past its deadline.');
  }
  return {
    ok: true,
    state: { ...state, missedAt: copy(now) },
    events: [event('missed', now, null, { waitDeadlineAt: deadline.toISOString() })],
  };
}

/** Which actions the inbox shows as live for `agent` on this conversation. */
export function allowedActions(
  state: ConversationState,
  agent: Agent,
): { assignToMe: boolean; reassign: boolean; close: boolean; editSidePanel: boolean; createLead: boolean; createDeal: boolean } {
  const visible = canSee(agent, state);
  // Asking the transitions themselves keeps the buttons and the API from ever disagreeing;
  // the time is irrelevant to these two, so any fixed instant will do.
  const probe = new Date(0);
  return {
    assignToMe: visible && assignToMe(state, agent, probe).ok,
    // The dropdown is live whenever some target could be valid: another agent, or Unassigned.
    reassign: visible && state.status !== 'closed',
    close: close(state, agent, probe).ok,
    // B8 / C2: the side panel and CRM records outlive the chat.
    editSidePanel: visible,
    createLead: visible,
    createDeal: visible,
  };
}
