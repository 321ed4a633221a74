import * as domain from '../../../plugins/live-chat/shared/domain';
import {
  allowedActions,
  assignToMe,
  close,
  markMissed,
  newConversation,
  reassign,
  type Agent,
  type ConversationState,
  type Transition,
} from '../../../plugins/live-chat/shared/domain';
import { WAIT_TIME_SECONDS } from '../../../plugins/live-chat/shared/constants';
import { admin, alice, assignedTo, at, bob, closedBy, outsider, T0, unassigned } from './fixtures';

/** Narrows a transition to its success branch, failing the test with the refusal otherwise. */
function accepted(result: Transition): Extract<Transition, { ok: true }> {
  if (!result.ok) throw new Error(`expected the transition to succeed, got ${result.refusal.code}`);
  return result;
}

/** The refusal code of a transition, or 'ok' when it succeeded. */
const outcome = (result: Transition): string => (result.ok ? 'ok' : result.refusal.code);

describe('B1 A new conversation lands in Unassigned', () => {
  it('starts unassigned, with nobody assigned and nothing closed or missed', () => {
    const { state } = newConversation(T0, 120);
    expect(state).toEqual({
      status: 'unassigned',
      assigneeId: null,
      assignedAt: null,
      closedAt: null,
      waitDeadlineAt: at(120),
      missedAt: null,
    });
  });

  it('records exactly one conversation_created event at the given time (B7)', () => {
    const { events } = newConversation(T0, 120);
    expect(events).toEqual([
      { type: 'conversation_created', at: T0, actorId: null, data: { waitDeadlineAt: at(120).toISOString() } },
    ]);
  });

  it('clamps the wait time to the card bounds (A3, B9)', () => {
    expect(newConversation(T0, 1).state.waitDeadlineAt).toEqual(at(WAIT_TIME_SECONDS.min));
    expect(newConversation(T0, 999_999).state.waitDeadlineAt).toEqual(at(WAIT_TIME_SECONDS.max));
    expect(newConversation(T0, Number.NaN).state.waitDeadlineAt).toEqual(at(WAIT_TIME_SECONDS.default));
  });

  it('does not share the Date it was given, so mutating the input cannot move the event', () => {
    const now = new Date(T0);
    const { events } = newConversation(now, 120);
    now.setFullYear(1999);
    expect(events[0].at).toEqual(T0);
  });
});

describe('B3 Assign to me', () => {
  it('takes an unassigned conversation: assigned to the agent, stamped, nobody waits any more', () => {
    const result = accepted(assignToMe(unassigned(), alice, at(45)));
    expect(result.state).toEqual({
      status: 'assigned',
      assigneeId: alice.id,
      assignedAt: at(45),
      closedAt: null,
      waitDeadlineAt: null,
      missedAt: null,
    });
  });

  it('records agent_joined with the agent id and name, so the widget can show who joined (B4, B7)', () => {
    const result = accepted(assignToMe(unassigned(), alice, at(45)));
    expect(result.events).toEqual([
      { type: 'agent_joined', at: at(45), actorId: alice.id, data: { agentId: alice.id, agentName: 'Alice' } },
    ]);
  });

  it('can still take a missed conversation, which keeps its missed stamp (B9)', () => {
    const result = accepted(assignToMe(unassigned({ missedAt: at(120) }), bob, at(300)));
    expect(result.state.assigneeId).toBe(bob.id);
    expect(result.state.missedAt).toEqual(at(120));
  });

  it('refuses a conversation another agent already took: the second click loses with already_assigned', () => {
    expect(outcome(assignToMe(assignedTo(alice), bob, at(46)))).toBe('already_assigned');
  });

  it('answers no_change when the agent already owns the conversation', () => {
    expect(outcome(assignToMe(assignedTo(alice), alice, at(46)))).toBe('no_change');
  });

  it('refuses a closed conversation: closed is terminal (B8)', () => {
    expect(outcome(assignToMe(closedBy(null), alice, at(700)))).toBe('conversation_closed');
  });

  it('refuses a user without inbox access with not_allowed', () => {
    expect(outcome(assignToMe(unassigned(), outsider, at(45)))).toBe('not_allowed');
  });

  it('leaves the input state untouched', () => {
    const state = unassigned();
    const snapshot = structuredClone(state);
    assignToMe(state, alice, at(45));
    expect(state).toEqual(snapshot);
  });
});

describe('B5 Reassign', () => {
  it('hands an assigned conversation to another agent, stamped with the new assignment time', () => {
    const result = accepted(reassign(assignedTo(alice), alice, bob, at(90)));
    expect(result.state).toEqual({ ...assignedTo(bob), assignedAt: at(90) });
    expect(result.events).toEqual([
      { type: 'reassigned', at: at(90), actorId: alice.id, data: { fromAgentId: alice.id, toAgentId: bob.id, toAgentName: 'Bob' } },
    ]);
  });

  it('assigns an unassigned conversation to a chosen agent, and nobody waits any more', () => {
    const result = accepted(reassign(unassigned(), alice, bob, at(20)));
    expect(result.state).toMatchObject({ status: 'assigned', assigneeId: bob.id, assignedAt: at(20), waitDeadlineAt: null });
    expect(result.events[0].data).toEqual({ fromAgentId: null, toAgentId: bob.id, toAgentName: 'Bob' });
  });

  it('drops ownership back to Unassigned, without re-timing the chat (no new wait deadline)', () => {
    const result = accepted(reassign(assignedTo(alice), alice, null, at(90)));
    expect(result.state).toEqual({
      status: 'unassigned',
      assigneeId: null,
      assignedAt: null,
      closedAt: null,
      waitDeadlineAt: null,
      missedAt: null,
    });
    expect(result.events).toEqual([{ type: 'unassigned', at: at(90), actorId: alice.id, data: { fromAgentId: alice.id } }]);
  });

  it("lets a see-all admin reassign another agent's conversation", () => {
    expect(accepted(reassign(assignedTo(alice), admin, bob, at(90))).state.assigneeId).toBe(bob.id);
  });

  it("refuses an agent who cannot see the conversation (B6): Bob cannot take Alice's chat away", () => {
    expect(outcome(reassign(assignedTo(alice), bob, bob, at(90)))).toBe('not_allowed');
    expect(outcome(reassign(assignedTo(alice), bob, null, at(90)))).toBe('not_allowed');
  });

  it('refuses a user without inbox access', () => {
    expect(outcome(reassign(unassigned(), outsider, alice, at(90)))).toBe('not_allowed');
  });

  it('refuses a target who is not an inbox agent with unknown_agent', () => {
    expect(outcome(reassign(assignedTo(alice), alice, outsider, at(90)))).toBe('unknown_agent');
  });

  it('answers no_change when reassigning to the current assignee', () => {
    expect(outcome(reassign(assignedTo(alice), alice, alice, at(90)))).toBe('no_change');
  });

  it('answers no_change when dropping a conversation that is already unassigned', () => {
    expect(outcome(reassign(unassigned(), alice, null, at(90)))).toBe('no_change');
  });

  it('refuses a closed conversation: closed is terminal (B8)', () => {
    expect(outcome(reassign(closedBy(alice), alice, bob, at(700)))).toBe('conversation_closed');
    expect(outcome(reassign(closedBy(alice), admin, null, at(700)))).toBe('conversation_closed');
  });
});

describe('B8 Close', () => {
  it('closes an assigned conversation, stamped with when it closed, keeping who handled it', () => {
    const result = accepted(close(assignedTo(alice), alice, at(600)));
    expect(result.state).toEqual({ ...assignedTo(alice), status: 'closed', closedAt: at(600) });
    expect(result.events).toEqual([{ type: 'closed', at: at(600), actorId: alice.id, data: { assigneeId: alice.id } }]);
  });

  it('closes an unassigned conversation and clears its wait deadline, so it is never marked missed later', () => {
    const result = accepted(close(unassigned(), bob, at(60)));
    expect(result.state).toMatchObject({ status: 'closed', closedAt: at(60), waitDeadlineAt: null, assigneeId: null });
    expect(outcome(markMissed(result.state, at(10_000)))).not.toBe('ok');
  });

  it("refuses an agent who cannot see the conversation (B6), but lets a see-all admin close it", () => {
    expect(outcome(close(assignedTo(alice), bob, at(600)))).toBe('not_allowed');
    expect(outcome(close(assignedTo(alice), admin, at(600)))).toBe('ok');
  });

  it('refuses a user without inbox access', () => {
    expect(outcome(close(unassigned(), outsider, at(600)))).toBe('not_allowed');
  });

  it('refuses to close twice: closed is terminal', () => {
    expect(outcome(close(closedBy(alice), alice, at(700)))).toBe('conversation_closed');
  });

  it('lets the visitor write until the conversation closes; the statuses a SQL store accepts are the same rule', () => {
    expect(domain.visitorMaySend(unassigned())).toBeNull();
    expect(domain.visitorMaySend(assignedTo(alice))).toBeNull();
    expect(domain.visitorMaySend(closedBy(alice))).toMatchObject({ code: 'conversation_closed' });
    expect(domain.VISITOR_SENDABLE_STATUSES).toEqual(['unassigned', 'assigned']);
  });
});

describe('B8 A closed conversation can never be reopened', () => {
  const agents: Agent[] = [alice, bob, admin];
  const transitions: Array<[string, (state: ConversationState, agent: Agent) => Transition]> = [
    ['assignToMe', (state, agent) => assignToMe(state, agent, at(900))],
    ['reassign to another agent', (state, agent) => reassign(state, agent, agent.id === bob.id ? alice : bob, at(900))],
    ['reassign to themselves', (state, agent) => reassign(state, agent, agent, at(900))],
    ['reassign to Unassigned', (state, agent) => reassign(state, agent, null, at(900))],
    ['close', (state, agent) => close(state, agent, at(900))],
    ['markMissed', (state) => markMissed(state, at(900))],
  ];
  const closedStates: Array<[string, ConversationState]> = [
    ['closed while assigned to Alice', closedBy(alice)],
    ['closed while unassigned', closedBy(null)],
    ['closed with an expired wait deadline left over', closedBy(null, { waitDeadlineAt: at(1) })],
  ];

  it('offers no reopen transition at all', () => {
    expect(Object.keys(domain).filter((name) => /reopen|unclose/i.test(name))).toEqual([]);
  });

  for (const [transitionName, run] of transitions) {
    for (const [stateName, state] of closedStates) {
      it(`${transitionName} refuses a conversation ${stateName}, for every agent`, () => {
        for (const agent of agents) {
          expect([agent.displayName, outcome(run(state, agent))]).toEqual([agent.displayName, 'conversation_closed']);
        }
      });
    }
  }
});

describe('B9 Missed: nobody took the chat within the wait time', () => {
  it('marks an unassigned conversation missed once its deadline has passed, and it stays Unassigned', () => {
    const result = accepted(markMissed(unassigned(), at(121)));
    expect(result.state).toEqual(unassigned({ missedAt: at(121) }));
    expect(result.events).toEqual([{ type: 'missed', at: at(121), actorId: null, data: { waitDeadlineAt: at(120).toISOString() } }]);
  });

  it('counts the deadline instant itself as expired', () => {
    expect(outcome(markMissed(unassigned(), at(120)))).toBe('ok');
  });

  it('answers no_change before the deadline', () => {
    expect(outcome(markMissed(unassigned(), at(119)))).toBe('no_change');
  });

  it('answers no_change when already marked missed, so a second sweep does not double it', () => {
    expect(outcome(markMissed(unassigned({ missedAt: at(121) }), at(500)))).toBe('no_change');
  });

  it('answers no_change when an agent has taken the chat', () => {
    expect(outcome(markMissed(assignedTo(alice, { waitDeadlineAt: at(120) }), at(500)))).toBe('no_change');
  });

  it('answers no_change for a dropped chat that has no deadline', () => {
    expect(outcome(markMissed(unassigned({ waitDeadlineAt: null }), at(500)))).toBe('no_change');
  });
});

describe('Which actions the inbox shows as live', () => {
  const none = { assignToMe: false, reassign: false, close: false, editSidePanel: false, createLead: false, createDeal: false };

  it('offers Assign to me, Reassign, Close and the side panel on an unassigned conversation (B3, B5, B8, C1, C2)', () => {
    expect(allowedActions(unassigned(), alice)).toEqual({
      assignToMe: true,
      reassign: true,
      close: true,
      editSidePanel: true,
      createLead: true,
      createDeal: true,
    });
  });

  it('offers everything but Assign to me to the assignee', () => {
    expect(allowedActions(assignedTo(alice), alice)).toEqual({
      assignToMe: false,
      reassign: true,
      close: true,
      editSidePanel: true,
      createLead: true,
      createDeal: true,
    });
  });

  it("offers nothing to an agent on someone else's conversation (B6)", () => {
    expect(allowedActions(assignedTo(alice), bob)).toEqual(none);
  });

  it("offers a see-all admin Reassign and Close on someone else's conversation, not Assign to me", () => {
    expect(allowedActions(assignedTo(alice), admin)).toEqual({
      assignToMe: false,
      reassign: true,
      close: true,
      editSidePanel: true,
      createLead: true,
      createDeal: true,
    });
  });

  it('keeps the side panel, Create lead and Create deal live after close, and nothing else (B8, C2)', () => {
    for (const agent of [alice, bob, admin]) {
      expect(allowedActions(closedBy(alice), agent)).toEqual({ ...none, editSidePanel: true, createLead: true, createDeal: true });
    }
  });

  it('offers nothing to a user without inbox access', () => {
    for (const state of [unassigned(), assignedTo(outsider), closedBy(alice)]) {
      expect(allowedActions(state, outsider)).toEqual(none);
    }
  });

  it('agrees with the transitions: a live button is exactly a transition that succeeds', () => {
    const states = [unassigned(), assignedTo(alice), assignedTo(bob), closedBy(alice)];
    for (const state of states) {
      for (const agent of [alice, bob, admin, outsider]) {
        const actions = allowedActions(state, agent);
        expect(actions.assignToMe).toBe(assignToMe(state, agent, at(1)).ok);
        expect(actions.close).toBe(close(state, agent, at(1)).ok);
      }
    }
  });
});
