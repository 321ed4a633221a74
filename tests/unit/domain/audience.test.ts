import { MESSAGE_AUDIENCES } from '../../../plugins/live-chat/shared/constants';
import {
  audienceOf,
  isInternal,
  mayReceive,
  receivableBy,
  type AudienceSubject,
  type TimelineRecipient,
} from '../../../plugins/live-chat/shared/domain/audience';
import { agentMayWriteNote } from '../../../plugins/live-chat/shared/domain/messaging';

/** G3 (with B6, B7, E4): who may receive a timeline entry, one rule for every channel. */
const message = (audience?: AudienceSubject['audience']): AudienceSubject => ({ kind: 'text', audience, event: null });
const event = (type: string, audience?: AudienceSubject['audience']): AudienceSubject => ({ kind: 'event', audience, event: { type } });

const VISITOR: TimelineRecipient = { kind: 'visitor' };
const AGENT_WHO_SEES: TimelineRecipient = { kind: 'agent', maySeeConversation: true };
const AGENT_WHO_DOES_NOT: TimelineRecipient = { kind: 'agent', maySeeConversation: false };
const INTEGRATION: TimelineRecipient = { kind: 'integration' };

describe('the audience of an entry', () => {
  it('is "agents" for an internal note, "everyone" for a message (also one stored before audiences existed)', () => {
    expect(audienceOf(message('agents'))).toBe('agents');
    expect(audienceOf(message('everyone'))).toBe('everyone');
    expect(audienceOf(message(null))).toBe('everyone');
    expect(audienceOf(message(undefined))).toBe('everyone');
  });

  it('of an event follows its type: joins, reassignments and closing are the visitor\'s too, CRM and bookkeeping are not', () => {
    for (const type of ['agent_joined', 'reassigned', 'closed']) expect(audienceOf(event(type))).toBe('everyone');
    for (const type of ['conversation_created', 'unassigned', 'missed', 'lead_created', 'deal_created', 'something_new']) {
      expect(audienceOf(event(type))).toBe('agents');
    }
    // A stored "everyone" does not make an internal event public; a stored "agents" keeps any entry internal.
    expect(audienceOf(event('lead_created', 'everyone'))).toBe('agents');
    expect(audienceOf(event('closed', 'agents'))).toBe('agents');
    expect(audienceOf({ kind: 'event', event: null })).toBe('agents');
  });
});

describe('who may receive it', () => {
  const cases: Array<[string, AudienceSubject, Record<'visitor' | 'agentWhoSees' | 'agentWhoDoesNot' | 'integration', boolean>]> = [
    ['a visitor message', { ...message('everyone') }, { visitor: true, agentWhoSees: true, agentWhoDoesNot: false, integration: true }],
    ['an agent reply', message('everyone'), { visitor: true, agentWhoSees: true, agentWhoDoesNot: false, integration: true }],
    ['a bot transcript line', message('everyone'), { visitor: true, agentWhoSees: true, agentWhoDoesNot: false, integration: true }],
    ['an internal note', message('agents'), { visitor: false, agentWhoSees: true, agentWhoDoesNot: false, integration: true }],
    ['a join event', event('agent_joined'), { visitor: true, agentWhoSees: true, agentWhoDoesNot: false, integration: true }],
    ['a lead event', event('lead_created'), { visitor: false, agentWhoSees: true, agentWhoDoesNot: false, integration: true }],
  ];
  it.each(cases)('%s', (_name, entry, expected) => {
    expect({
      visitor: mayReceive(entry, VISITOR),
      agentWhoSees: mayReceive(entry, AGENT_WHO_SEES),
      agentWhoDoesNot: mayReceive(entry, AGENT_WHO_DOES_NOT),
      integration: mayReceive(entry, INTEGRATION),
    }).toEqual(expected);
  });

  it('never lets a visitor receive an entry whose audience is agents, whatever its kind', () => {
    for (const kind of ['text', 'event'] as const) {
      for (const type of [null, 'agent_joined', 'closed', 'lead_created']) {
        expect(mayReceive({ kind, audience: 'agents', event: type ? { type } : null }, VISITOR)).toBe(false);
      }
    }
  });

  it('flags internal entries, and filters a list keeping its order', () => {
    const entries = [message('everyone'), message('agents'), event('closed'), event('missed')];
    expect(entries.map(isInternal)).toEqual([false, true, false, true]);
    expect(receivableBy(entries, VISITOR)).toEqual([entries[0], entries[2]]);
    expect(receivableBy(entries, AGENT_WHO_SEES)).toEqual(entries);
    expect(receivableBy(entries, AGENT_WHO_DOES_NOT)).toEqual([]);
    expect(receivableBy(entries, INTEGRATION)).toEqual(entries);
    expect(MESSAGE_AUDIENCES).toEqual(['everyone', 'agents']);
  });
});

describe('who may write a note (B6)', () => {
  const agent = { id: 1, canUseInbox: true, canSeeAll: false };
  it('every agent who may see the chat, in every state', () => {
    expect(agentMayWriteNote(agent, { status: 'unassigned', assigneeId: null })).toBeNull();
    expect(agentMayWriteNote(agent, { status: 'assigned', assigneeId: 1 })).toBeNull();
    expect(agentMayWriteNote(agent, { status: 'closed', assigneeId: 2 })).toBeNull();
    expect(agentMayWriteNote({ ...agent, canSeeAll: true }, { status: 'assigned', assigneeId: 2 })).toBeNull();
  });
  it('nobody else', () => {
    expect(agentMayWriteNote(agent, { status: 'assigned', assigneeId: 2 })).toMatchObject({ code: 'not_allowed' });
    expect(agentMayWriteNote({ ...agent, canUseInbox: false }, { status: 'unassigned', assigneeId: null })).toMatchObject({ code: 'not_allowed' });
  });
});
