import { WAIT_TIME_SECONDS, type CardKind } from '../../../plugins/live-chat/shared/constants';
import {
  MAX_AUTOMATIC_STEPS,
  initialFlowState,
  next,
  validateCard,
  validateCardSettings,
  validateLiveChatContent,
  validatePlaybookGraph,
  type FlowCard,
  type FlowInput,
  type FlowPlaybook,
  type FlowState,
  type StepResult,
} from '../../../plugins/live-chat/shared/domain/playbook-flow';
import type { RichText } from '../../../plugins/live-chat/shared/domain/rich-text';

// ------------------------------------------------------------------ builders
const rt = (text: string): RichText => [{ type: 'paragraph', children: [{ type: 'text', text }] }];
const NOW = new Date('2025-03-01T12:00:00.000Z');
const ONLINE = { agentsOnline: true } as const;
const OFFLINE = { agentsOnline: false } as const;

type CardSpec = Omit<FlowCard, 'position'>;
const c = (id: string, kind: CardKind, settings: Record<string, unknown> | null, extra: Partial<FlowCard> = {}): CardSpec => ({
  id,
  kind,
  settings,
  ...extra,
});
const bot = (id: string, text: string, nextId?: string | null): CardSpec =>
  c(id, 'bot_message', { message: rt(text), ...(nextId !== undefined ? { next: nextId } : {}) });
const liveChatCard = (id: string, extra: Partial<FlowCard> = {}, settings: Record<string, unknown> | null = {}): CardSpec =>
  c(id, 'live_chat', settings, { onlineMessage: rt('An agent will be with you shortly'), offlineMessage: rt('We are offline, leave your email'), waitTimeSeconds: 60, ...extra });

/** Positions follow the argument order, spaced so nothing depends on them being consecutive. */
const playbook = (...cards: CardSpec[]): FlowPlaybook => ({
  id: 'pb-1',
  name: 'Test playbook',
  cards: cards.map((card, i) => ({ ...card, position: (i + 1) * 10 })),
});

/** Freezes deeply so any mutation of the caller's data by the engine throws in the test. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

type Ok = Extract<StepResult, { ok: true }>;
type Refused = Extract<StepResult, { ok: false }>;
function ok(result: StepResult): Ok {
  if (!result.ok) throw new Error(`expected a step, got ${JSON.stringify(result)}`);
  // The server stores the state as JSON: it must survive a round trip unchanged.
  expect(JSON.parse(JSON.stringify(result.state))).toEqual(result.state);
  return result;
}
function refused(result: StepResult): Refused {
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result)}`);
  return result;
}
function step(pb: FlowPlaybook, state: FlowState, input: FlowInput, availability: { agentsOnline: boolean } = OFFLINE, now = NOW): StepResult {
  return next(deepFreeze(pb), deepFreeze(state), input, availability, now);
}
const start = (pb: FlowPlaybook, availability: { agentsOnline: boolean } = OFFLINE, now = NOW): Ok =>
  ok(step(pb, initialFlowState(), { type: 'start' }, availability, now));
const later = (seconds: number): Date => new Date(NOW.getTime() + seconds * 1000);

// ------------------------------------------------------------------ A6: card kinds
describe('A6 bot message', () => {
  it('shows its message and moves on to the next card by position, then the flow ends', () => {
    const pb = playbook(bot('b2', 'second'), bot('b1', 'first'));
    pb.cards = [{ ...pb.cards[1]!, position: 1 }, { ...pb.cards[0]!, position: 7 }];
    const r = start(pb);
    expect(r.show).toEqual([
      { kind: 'message', cardId: 'b1', richText: rt('first') },
      { kind: 'message', cardId: 'b2', richText: rt('second') },
    ]);
    expect(r.effects).toEqual([]);
    expect(r.awaiting).toBe('end');
    expect(r.state).toEqual({ ...initialFlowState(), phase: 'ended' });
  });

  it('follows an explicit next and stops at next: null', () => {
    const r = start(playbook(bot('a', 'A', 'c'), bot('b', 'skipped'), bot('c', 'C', null), bot('d', 'never')));
    expect(r.show.map((d) => d.cardId)).toEqual(['a', 'c']);
    expect(r.awaiting).toBe('end');
  });

  it('shows the sanitized message, never what was stored (A4)', () => {
    const pb = playbook(c('b', 'bot_message', { message: [{ type: 'paragraph', children: [{ type: 'text', text: 'hi', onclick: 'x()' }] }, { type: 'html', value: '<script>' }] }));
    expect(start(pb).show).toEqual([{ kind: 'message', cardId: 'b', richText: rt('hi') }]);
  });
});

describe('A6 question with reply buttons', () => {
  const pb = playbook(
    bot('hello', 'Hello'),
    c('q', 'question', { prompt: rt('Sales or support?'), buttons: [{ id: 'sales', label: 'Sales', next: 'sales-msg' }, { id: 'support', label: 'Support', next: 'support-msg' }, { id: 'bye', label: 'Bye', next: null }] }),
    bot('sales-msg', 'Sales it is', null),
    bot('support-msg', 'Support it is', null),
  );

  it('shows the prompt and buttons and waits for a button', () => {
    const r = start(pb);
    expect(r.show).toEqual([
      { kind: 'message', cardId: 'hello', richText: rt('Hello') },
      { kind: 'question', cardId: 'q', prompt: rt('Sales or support?'), buttons: [{ id: 'sales', label: 'Sales' }, { id: 'support', label: 'Support' }, { id: 'bye', label: 'Bye' }] },
    ]);
    expect(r.awaiting).toBe('button');
    expect(r.state).toMatchObject({ cursor: 'q', phase: 'running' });
  });

  it.each([
    ['sales', ['sales-msg']],
    ['support', ['support-msg']],
    ['bye', []],
  ])('branches on button %s', (buttonId, shown) => {
    const r = ok(step(pb, start(pb).state, { type: 'button', buttonId }));
    expect(r.show.map((d) => d.cardId)).toEqual(shown);
    expect(r.awaiting).toBe('end');
    expect(r.state.phase).toBe('ended');
  });

  it('goes to the following card when a button has no next', () => {
    const pb2 = playbook(c('q', 'question', { prompt: rt('?'), buttons: [{ id: 'go', label: 'Go' }] }), bot('after', 'after'));
    expect(ok(step(pb2, start(pb2).state, { type: 'button', buttonId: 'go' })).show.map((d) => d.cardId)).toEqual(['after']);
  });

  it('refuses a button that is not part of the question (invalid_input)', () => {
    const r = refused(step(pb, start(pb).state, { type: 'button', buttonId: 'nope' }));
    expect(r).toEqual({ ok: false, code: 'invalid_input', errors: [{ path: ['buttonId'], message: expect.any(String) }] });
  });

  it.each<FlowInput>([{ type: 'capture', values: {} }, { type: 'start' }, { type: 'wait_expired' }, { type: 'agent_joined' }])(
    'refuses $type while a button is awaited (unexpected_input)',
    (input) => {
      expect(refused(step(pb, start(pb).state, input)).code).toBe('unexpected_input');
    },
  );
});

describe('A6 capture: name, email, phone, organization, validated', () => {
  const pb = playbook(
    c('form', 'capture', { prompt: rt('Your details'), fields: ['name', 'email', 'phone', 'organization'], required: ['email'] }),
    c('lead', 'create_lead', {}),
  );

  it('shows the form and waits for it', () => {
    const r = start(pb);
    expect(r.show).toEqual([{ kind: 'capture', cardId: 'form', prompt: rt('Your details'), fields: ['name', 'email', 'phone', 'organization'], required: ['email'] }]);
    expect(r.awaiting).toBe('capture');
  });

  it('stores valid answers, normalizes the phone and skips blank optional fields', () => {
    const values = { name: '  Ada Lovelace ', email: 'ada@example.com', phone: '+44 (20) 7946-0958', organization: '', extra: 'ignored' };
    const r = ok(step(pb, start(pb).state, { type: 'capture', values }));
    expect(r.state.answers).toEqual({ name: 'Ada Lovelace', email: 'ada@example.com', phone: '+442079460958' });
    expect(r.effects).toEqual([
      { type: 'create_lead', cardId: 'lead', title: 'Website visitor: Ada Lovelace', answers: { name: 'Ada Lovelace', email: 'ada@example.com', phone: '+442079460958' }, qualification: null },
    ]);
  });

  it.each([
    ['a missing required email', { name: 'Ada' }, [{ path: ['values', 'email'], message: 'This field is required' }]],
    ['a blank required email', { email: '   ' }, [{ path: ['values', 'email'], message: 'This field is required' }]],
    ['an invalid email', { email: 'ada@' }, [{ path: ['values', 'email'], message: 'Enter a valid email address' }]],
    ['a national phone number', { email: 'a@b.io', phone: '030 1234567' }, [{ path: ['values', 'phone'], message: expect.stringMatching(/international/) }]],
    ['a phone with letters', { email: 'a@b.io', phone: '+49 CALL ME' }, [{ path: ['values', 'phone'], message: expect.any(String) }]],
    ['a phone starting +0', { email: 'a@b.io', phone: '+0123456789' }, [{ path: ['values', 'phone'], message: expect.any(String) }]],
    ['a 201-character name', { email: 'a@b.io', name: 'n'.repeat(201) }, [{ path: ['values', 'name'], message: expect.any(String) }]],
    ['a 201-character organization', { email: 'a@b.io', organization: 'o'.repeat(201) }, [{ path: ['values', 'organization'], message: expect.any(String) }]],
    ['a non-text value', { email: 42 }, [{ path: ['values', 'email'], message: 'Expected text' }]],
    [
      'several errors at once',
      { email: 'x', phone: '12' },
      [
        { path: ['values', 'email'], message: expect.any(String) },
        { path: ['values', 'phone'], message: expect.any(String) },
      ],
    ],
  ])('refuses %s with field errors and leaves the state unchanged', (_name, values, errors) => {
    const before = start(pb).state;
    const snapshot = JSON.parse(JSON.stringify(before)) as FlowState;
    const r = refused(step(pb, before, { type: 'capture', values }));
    expect(r).toEqual({ ok: false, code: 'invalid_input', errors });
    expect(before).toEqual(snapshot);
    // The same state still accepts a corrected answer.
    expect(ok(step(pb, before, { type: 'capture', values: { email: 'ada@example.com' } })).state.answers).toEqual({ email: 'ada@example.com' });
  });

  it('refuses values that are not an object', () => {
    const r = refused(step(pb, start(pb).state, { type: 'capture', values: 'ada@example.com' as unknown as Record<string, unknown> }));
    expect(r.errors).toEqual([{ path: ['values'], message: expect.any(String) }]);
  });

  it('refuses a button while the form is awaited (unexpected_input)', () => {
    expect(refused(step(pb, start(pb).state, { type: 'button', buttonId: 'x' })).code).toBe('unexpected_input');
  });

  it('keeps earlier answers when a later form adds more', () => {
    const two = playbook(c('f1', 'capture', { fields: ['name'] }), c('f2', 'capture', { fields: ['email'] }));
    const s1 = ok(step(two, start(two).state, { type: 'capture', values: { name: 'Ada' } })).state;
    expect(ok(step(two, s1, { type: 'capture', values: { email: 'ada@example.com' } })).state.answers).toEqual({ name: 'Ada', email: 'ada@example.com' });
  });
});

describe('A6 qualify, disqualify and create lead / deal / activity', () => {
  it('qualify sets the qualification and emits an effect; the lead carries it', () => {
    const r = start(playbook(c('q', 'qualify', { reason: 'Budget confirmed' }), c('l', 'create_lead', { title: 'Hot lead' })));
    expect(r.state.qualification).toBe('qualified');
    expect(r.effects).toEqual([
      { type: 'qualify', cardId: 'q', reason: 'Budget confirmed' },
      { type: 'create_lead', cardId: 'l', title: 'Hot lead', answers: {}, qualification: 'qualified' },
    ]);
    expect(r.state.effectsDone).toEqual(['q', 'l']);
  });

  it('effects carry a snapshot of the answers, not the state\'s own object', () => {
    const pb = playbook(c('f', 'capture', { fields: ['name'] }), c('l', 'create_lead', {}));
    const r = ok(step(pb, start(pb).state, { type: 'capture', values: { name: 'Ada' } }));
    const effect = r.effects[0];
    if (effect?.type !== 'create_lead') throw new Error('expected a lead');
    effect.answers.name = 'changed by a listener';
    expect(r.state.answers).toEqual({ name: 'Ada' });
  });

  it('disqualify sets the qualification with a null reason when none is given', () => {
    const r = start(playbook(c('d', 'disqualify', null)));
    expect(r.state.qualification).toBe('disqualified');
    expect(r.effects).toEqual([{ type: 'disqualify', cardId: 'd', reason: null }]);
  });

  it('create deal emits its value and upper-cased currency, or nulls', () => {
    const r = start(playbook(c('d1', 'create_deal', { title: 'Big deal', value: 1200.5, currency: 'eur' }), c('d2', 'create_deal', {})));
    expect(r.effects).toEqual([
      { type: 'create_deal', cardId: 'd1', title: 'Big deal', value: 1200.5, currency: 'EUR', answers: {} },
      { type: 'create_deal', cardId: 'd2', title: 'Website visitor', value: null, currency: null, answers: {} },
    ]);
  });

  it('create activity computes its due date from the given time, defaulting the type', () => {
    const r = start(playbook(c('a1', 'create_activity', { subject: 'Call back', type: 'call', dueInHours: 24 }), c('a2', 'create_activity', { subject: 'Follow up' })));
    expect(r.effects).toEqual([
      { type: 'create_activity', cardId: 'a1', subject: 'Call back', activityType: 'call', dueAt: '2025-03-02T12:00:00.000Z', answers: {} },
      { type: 'create_activity', cardId: 'a2', subject: 'Follow up', activityType: 'follow_up', dueAt: null, answers: {} },
    ]);
  });
});

describe('A6 branch on agent availability', () => {
  const pb = playbook(c('branch', 'availability_branch', { online: 'on', offline: 'off' }), bot('on', 'Agents are here', null), bot('off', 'Nobody is here', null));

  it('takes the online path when an agent is online', () => {
    expect(start(pb, ONLINE).show.map((d) => d.cardId)).toEqual(['on']);
  });

  it('takes the offline path when every agent is offline', () => {
    expect(start(pb, OFFLINE).show.map((d) => d.cardId)).toEqual(['off']);
  });

  it('ends the flow on a null branch', () => {
    const r = start(playbook(c('branch', 'availability_branch', { online: null, offline: 'off' }), bot('off', 'x')), ONLINE);
    expect(r.show).toEqual([]);
    expect(r.awaiting).toBe('end');
  });
});

// ------------------------------------------------------------------ A3, B1, A7, B9: the Live Chat card
describe('A3/B1 Live Chat card with an agent online', () => {
  const pb = playbook(liveChatCard('live'), bot('after', 'offline path'));

  it('shows the online message, starts a conversation and waits for an agent until the deadline', () => {
    const r = start(pb, ONLINE);
    expect(r.show).toEqual([{ kind: 'live_chat_online', cardId: 'live', message: rt('An agent will be with you shortly'), waitTimeSeconds: 60 }]);
    expect(r.effects).toEqual([{ type: 'start_conversation', cardId: 'live', waitTimeSeconds: 60, autoAssign: false }]);
    expect(r.awaiting).toBe('agent');
    expect(r.state).toMatchObject({ phase: 'waiting_for_agent', cursor: 'live', liveChat: { cardId: 'live', deadlineAt: '2025-03-01T12:01:00.000Z' } });
  });

  it('uses the default wait time when none is set', () => {
    const r = start(playbook(liveChatCard('live', { waitTimeSeconds: null })), ONLINE);
    expect(r.effects).toEqual([{ type: 'start_conversation', cardId: 'live', waitTimeSeconds: WAIT_TIME_SECONDS.default, autoAssign: false }]);
  });

  it('goes live when an agent joins, and then takes no more flow input', () => {
    const joined = ok(step(pb, start(pb, ONLINE).state, { type: 'agent_joined' }));
    expect(joined).toMatchObject({ show: [], effects: [], awaiting: 'agent' });
    expect(joined.state.phase).toBe('live_chat');
    for (const input of [{ type: 'wait_expired' }, { type: 'agent_joined' }, { type: 'start' }] as FlowInput[]) {
      expect(refused(step(pb, joined.state, input, ONLINE, later(3600))).code).toBe('unexpected_input');
    }
  });

  it.each<FlowInput>([{ type: 'button', buttonId: 'x' }, { type: 'capture', values: {} }, { type: 'start' }])('refuses $type while waiting for an agent', (input) => {
    expect(refused(step(pb, start(pb, ONLINE).state, input, ONLINE)).code).toBe('unexpected_input');
  });
});

describe('B9 wait time runs out', () => {
  const pb = playbook(liveChatCard('live', {}, { offlineNext: 'sorry' }), bot('skipped', 'skipped', null), bot('sorry', 'Sorry we missed you', null));

  it('is refused before the deadline', () => {
    const waiting = start(pb, ONLINE).state;
    const r = refused(step(pb, waiting, { type: 'wait_expired' }, ONLINE, later(59)));
    expect(r.code).toBe('unexpected_input');
  });

  it('at the deadline shows the offline message and runs the offline path', () => {
    const r = ok(step(pb, start(pb, ONLINE).state, { type: 'wait_expired' }, ONLINE, later(60)));
    expect(r.show).toEqual([
      { kind: 'live_chat_offline', cardId: 'live', message: rt('We are offline, leave your email') },
      { kind: 'message', cardId: 'sorry', richText: rt('Sorry we missed you') },
    ]);
    expect(r.effects).toEqual([]);
    expect(r.state).toMatchObject({ phase: 'ended', liveChat: null, effectsDone: ['live'] });
  });

  it('is unexpected when nobody is waiting', () => {
    expect(refused(step(pb, start(pb, OFFLINE).state, { type: 'wait_expired' }, OFFLINE, later(600))).code).toBe('unexpected_input');
  });
});

describe('A7 offline mode: every agent offline', () => {
  it('shows the offline message and runs the offline path at once: qualify, activity, deal', () => {
    const pb = playbook(
      liveChatCard('live', {}, { offlineNext: 'q' }),
      bot('never', 'online-only card'),
      c('q', 'disqualify', { reason: 'Out of hours' }),
      c('act', 'create_activity', { subject: 'Call back', dueInHours: 1 }),
      c('deal', 'create_deal', { value: 0 }),
    );
    const r = start(pb, OFFLINE);
    expect(r.show).toEqual([{ kind: 'live_chat_offline', cardId: 'live', message: rt('We are offline, leave your email') }]);
    expect(r.effects.map((e) => e.type)).toEqual(['disqualify', 'create_activity', 'create_deal']);
    expect(r.effects.some((e) => e.type === 'start_conversation')).toBe(false);
    expect(r.state).toMatchObject({ phase: 'ended', qualification: 'disqualified', liveChat: null });
  });

  it('stays in the offline phase while the offline path waits for the visitor', () => {
    const r = start(playbook(liveChatCard('live'), c('form', 'capture', { fields: ['email'] })), OFFLINE);
    expect(r.state).toMatchObject({ phase: 'offline', cursor: 'form' });
    expect(r.awaiting).toBe('capture');
  });
});

describe('A1 the Live Chat template flow, end to end', () => {
  const template = playbook(
    bot('welcome', 'Hi! Let me connect you with our team.'),
    liveChatCard('live'),
    c('email', 'capture', { prompt: rt('Leave your email and we will get back to you'), fields: ['email'], required: ['email'] }),
    c('lead', 'create_lead', { title: 'Missed live chat' }),
  );
  const lead = { type: 'create_lead', cardId: 'lead', title: 'Missed live chat', answers: { email: 'visitor@example.com' }, qualification: null };

  it('online: welcome, online message, conversation, agent joins', () => {
    const s1 = start(template, ONLINE);
    expect(s1.show.map((d) => d.kind)).toEqual(['message', 'live_chat_online']);
    expect(s1.effects).toEqual([{ type: 'start_conversation', cardId: 'live', waitTimeSeconds: 60, autoAssign: false }]);
    const s2 = ok(step(template, s1.state, { type: 'agent_joined' }, ONLINE, later(10)));
    expect(s2.state.phase).toBe('live_chat');
    expect(s2.effects).toEqual([]);
  });

  it('online but nobody answers: offline message, email captured, lead created (B9)', () => {
    const s1 = start(template, ONLINE);
    const s2 = ok(step(template, s1.state, { type: 'wait_expired' }, ONLINE, later(61)));
    expect(s2.show.map((d) => d.kind)).toEqual(['live_chat_offline', 'capture']);
    expect(s2.awaiting).toBe('capture');
    const s3 = ok(step(template, s2.state, { type: 'capture', values: { email: 'visitor@example.com' } }, ONLINE, later(90)));
    expect(s3.effects).toEqual([lead]);
    expect(s3.state).toMatchObject({ phase: 'ended', answers: { email: 'visitor@example.com' }, effectsDone: ['live', 'lead'] });
  });

  it('offline: welcome, offline message, email captured, lead created (A7)', () => {
    const s1 = start(template, OFFLINE);
    expect(s1.show.map((d) => d.kind)).toEqual(['message', 'live_chat_offline', 'capture']);
    expect(s1.effects).toEqual([]);
    expect(refused(step(template, s1.state, { type: 'capture', values: { email: 'nope' } })).errors).toEqual([{ path: ['values', 'email'], message: expect.any(String) }]);
    const s2 = ok(step(template, s1.state, { type: 'capture', values: { email: 'visitor@example.com' } }));
    expect(s2.effects).toEqual([lead]);
    expect(s2.awaiting).toBe('end');
  });
});

// ------------------------------------------------------------------ effects exactly once, loops
describe('effects happen exactly once per card per flow', () => {
  const pb = playbook(
    bot('hello', 'Hello'),
    c('qual', 'qualify', {}),
    c('lead', 'create_lead', {}),
    c('again', 'question', { prompt: rt('Again?'), buttons: [{ id: 'yes', label: 'Yes', next: 'hello' }, { id: 'no', label: 'No', next: null }] }),
  );

  it('does not repeat a create_lead or qualify effect when the visitor loops back, but shows messages again', () => {
    const s1 = start(pb);
    expect(s1.effects.map((e) => e.cardId)).toEqual(['qual', 'lead']);
    const s2 = ok(step(pb, s1.state, { type: 'button', buttonId: 'yes' }));
    expect(s2.show.map((d) => d.cardId)).toEqual(['hello', 'again']);
    expect(s2.effects).toEqual([]);
    const s3 = ok(step(pb, s2.state, { type: 'button', buttonId: 'yes' }));
    expect(s3.effects).toEqual([]);
    expect(s3.state.effectsDone).toEqual(['qual', 'lead']);
  });

  it('starts only one conversation when the visitor comes back to the Live Chat card', () => {
    const loop = playbook(
      liveChatCard('live', {}, { offlineNext: 'retry' }),
      c('retry', 'question', { prompt: rt('Try again?'), buttons: [{ id: 'y', label: 'Yes', next: 'live' }] }),
    );
    const s1 = start(loop, ONLINE);
    const s2 = ok(step(loop, s1.state, { type: 'wait_expired' }, ONLINE, later(60)));
    const s3 = ok(step(loop, s2.state, { type: 'button', buttonId: 'y' }, ONLINE, later(70)));
    expect(s3.show.map((d) => d.kind)).toEqual(['live_chat_online']);
    expect(s3.effects).toEqual([]);
    expect(s3.state.liveChat).toEqual({ cardId: 'live', deadlineAt: '2025-03-01T12:02:10.000Z' });
  });
});

describe('flow input order and bad playbooks', () => {
  const pb = playbook(c('q', 'question', { prompt: rt('?'), buttons: [{ id: 'b', label: 'B', next: null }] }));

  it('refuses input before start and a second start', () => {
    expect(refused(step(pb, initialFlowState(), { type: 'button', buttonId: 'b' })).code).toBe('unexpected_input');
    expect(refused(step(pb, start(pb).state, { type: 'start' })).code).toBe('unexpected_input');
  });

  it('refuses everything once the flow has ended', () => {
    const ended = ok(step(pb, start(pb).state, { type: 'button', buttonId: 'b' })).state;
    expect(ended.phase).toBe('ended');
    expect(refused(step(pb, ended, { type: 'start' })).code).toBe('unexpected_input');
  });

  it('ends at once on an empty playbook', () => {
    expect(start(playbook())).toMatchObject({ show: [], effects: [], awaiting: 'end', state: { phase: 'ended' } });
  });

  it('stops a loop of automatic cards with invalid_playbook', () => {
    expect(refused(step(playbook(bot('self', 'again and again', 'self')), initialFlowState(), { type: 'start' })).code).toBe('invalid_playbook');
    const pair = playbook(c('q', 'qualify', { next: 'br' }), c('br', 'availability_branch', { online: 'q', offline: null }));
    const r = refused(step(pair, initialFlowState(), { type: 'start' }, ONLINE));
    expect(r.code).toBe('invalid_playbook');
    expect(r.errors[0]?.message).toContain(String(MAX_AUTOMATIC_STEPS));
  });

  it('refuses a link to a missing card and a cursor on a missing card', () => {
    expect(refused(step(playbook(bot('a', 'A', 'ghost')), initialFlowState(), { type: 'start' }))).toMatchObject({ code: 'invalid_playbook', errors: [{ path: ['cursor'] }] });
    const state: FlowState = { ...initialFlowState(), phase: 'running', cursor: 'ghost' };
    expect(refused(step(pb, state, { type: 'button', buttonId: 'b' })).code).toBe('invalid_playbook');
  });

  it('refuses a card with invalid settings, pointing at the field', () => {
    const r = refused(step(playbook(c('act', 'create_activity', { subject: '' })), initialFlowState(), { type: 'start' }));
    expect(r).toEqual({ ok: false, code: 'invalid_playbook', errors: [{ path: ['cards', 'act', 'settings', 'subject'], message: expect.any(String) }] });
  });

  it('refuses an invalid Date as the current time', () => {
    expect(refused(step(pb, initialFlowState(), { type: 'start' }, OFFLINE, new Date('nonsense'))).code).toBe('invalid_input');
  });
});

// ------------------------------------------------------------------ admin validation
describe('A6 card settings validation (admin API 400 field errors)', () => {
  it.each<[CardKind, unknown, string[]]>([
    ['bot_message', {}, ['message']],
    ['bot_message', { message: [] }, ['message']],
    ['bot_message', { message: 'plain string' }, ['message']],
    ['bot_message', { message: rt('hi'), next: 5 }, ['next']],
    ['question', null, ['prompt']],
    ['question', { prompt: rt('?'), buttons: [] }, ['buttons']],
    ['question', { prompt: rt('?'), buttons: Array.from({ length: 11 }, (_, i) => ({ id: `b${i}`, label: 'x', next: null })) }, ['buttons']],
    ['question', { prompt: rt('?'), buttons: [{ id: 'a', label: 'A', next: null }, { id: 'a', label: 'B', next: null }] }, ['buttons', '1', 'id']],
    ['question', { prompt: rt('?'), buttons: [{ id: 'a', label: 'L'.repeat(81), next: null }] }, ['buttons', '0', 'label']],
    ['question', { prompt: rt('?'), buttons: [{ id: 'a', label: '  ', next: null }] }, ['buttons', '0', 'label']],
    ['capture', { fields: [] }, ['fields']],
    ['capture', { fields: ['name', 'age'] }, ['fields', '1']],
    ['capture', { fields: ['email', 'email'] }, ['fields', '1']],
    ['capture', { fields: ['email'], required: ['phone'] }, ['required', '0']],
    ['qualify', { reason: 'r'.repeat(501) }, ['reason']],
    ['disqualify', { next: '' }, ['next']],
    ['create_lead', { title: 't'.repeat(201) }, ['title']],
    ['create_deal', { value: -1 }, ['value']],
    ['create_deal', { currency: 'EURO' }, ['currency']],
    ['create_deal', { value: '100' }, ['value']],
    ['create_activity', {}, ['subject']],
    ['create_activity', { subject: 'x', type: 'lunch' }, ['type']],
    ['create_activity', { subject: 'x', dueInHours: 1.5 }, ['dueInHours']],
    ['create_activity', { subject: 'x', dueInHours: 8761 }, ['dueInHours']],
    ['availability_branch', { online: 'a' }, ['offline']],
    ['live_chat', { offlineNext: 5 }, ['offlineNext']],
  ])('%s refuses %j at %j', (kind, settings, path) => {
    const r = validateCardSettings(kind, settings);
    if (r.ok) throw new Error('expected field errors');
    expect(r.errors.map((e) => e.path)).toContainEqual(path);
    for (const e of r.errors) expect(e.message).toEqual(expect.any(String));
  });

  it('refuses an unknown kind', () => {
    expect(validateCardSettings('teleport' as CardKind, {})).toEqual({ ok: false, errors: [{ path: ['kind'], message: expect.any(String) }] });
  });

  it('accepts valid settings of every kind and normalizes them', () => {
    const valid: Record<CardKind, unknown> = {
      bot_message: { message: [...rt('hi'), { type: 'html', value: '<script>' }], next: null, junk: 1 },
      question: { prompt: rt('?'), buttons: [{ id: 'a', label: ' A ', next: 'x' }] },
      capture: { fields: ['name', 'email'], required: ['email'] },
      qualify: null,
      disqualify: { reason: 'no budget' },
      create_lead: { title: 'Lead' },
      create_deal: { value: 10, currency: 'usd' },
      create_activity: { subject: 'Call', type: 'meeting', dueInHours: 0 },
      availability_branch: { online: 'a', offline: null },
      live_chat: {},
    };
    for (const [kind, settings] of Object.entries(valid) as Array<[CardKind, unknown]>) {
      expect(validateCardSettings(kind, settings).ok).toBe(true);
    }
    expect(validateCardSettings('bot_message', valid.bot_message)).toEqual({ ok: true, settings: { message: rt('hi'), next: null } });
    expect(validateCardSettings('question', valid.question)).toEqual({ ok: true, settings: { prompt: rt('?'), buttons: [{ id: 'a', label: 'A', next: 'x' }] } });
    expect(validateCardSettings('create_deal', valid.create_deal)).toEqual({ ok: true, settings: { value: 10, currency: 'USD' } });
  });

  it.each([
    [{ waitTimeSeconds: WAIT_TIME_SECONDS.min - 1 }, ['waitTimeSeconds']],
    [{ waitTimeSeconds: WAIT_TIME_SECONDS.max + 1 }, ['waitTimeSeconds']],
    [{ waitTimeSeconds: 30.5 }, ['waitTimeSeconds']],
    [{ onlineMessage: [] }, ['onlineMessage']],
    [{ offlineMessage: [{ type: 'html', value: '<b>x</b>' }] }, ['offlineMessage']],
  ])('A3 Live Chat card refuses %j', (patch, path) => {
    const card = { onlineMessage: rt('on'), offlineMessage: rt('off'), waitTimeSeconds: 60, ...patch };
    const r = validateLiveChatContent(card);
    if (r.ok) throw new Error('expected field errors');
    expect(r.errors.map((e) => e.path)).toEqual([path]);
  });

  it('A3 Live Chat card accepts the bounds and defaults a missing wait time', () => {
    for (const waitTimeSeconds of [WAIT_TIME_SECONDS.min, WAIT_TIME_SECONDS.max]) {
      expect(validateLiveChatContent({ onlineMessage: rt('on'), offlineMessage: rt('off'), waitTimeSeconds })).toEqual({
        ok: true,
        value: { onlineMessage: rt('on'), offlineMessage: rt('off'), waitTimeSeconds },
      });
    }
    const r = validateLiveChatContent({ onlineMessage: rt('on'), offlineMessage: rt('off') });
    expect(r.ok && r.value.waitTimeSeconds).toBe(WAIT_TIME_SECONDS.default);
  });

  it('validateCard roots every error at the card', () => {
    expect(validateCard({ kind: 'live_chat', settings: { offlineNext: 1 }, onlineMessage: rt('on'), offlineMessage: null, waitTimeSeconds: 1 }).map((e) => e.path)).toEqual([
      ['settings', 'offlineNext'],
      ['offlineMessage'],
      ['waitTimeSeconds'],
    ]);
    expect(validateCard({ kind: 'bot_message', settings: { message: rt('x') } })).toEqual([]);
  });
});

describe('playbook graph validation', () => {
  it('accepts a sound playbook, an empty one, loops through a question and several Live Chat cards', () => {
    const sound = playbook(
      bot('hello', 'Hello'),
      c('q', 'question', { prompt: rt('?'), buttons: [{ id: 'again', label: 'Again', next: 'hello' }, { id: 'live', label: 'Live', next: 'live1' }] }),
      liveChatCard('live1', {}, { offlineNext: 'live2' }),
      liveChatCard('live2', {}, { offlineNext: null }),
      c('br', 'availability_branch', { online: 'live1', offline: null }),
    );
    expect(validatePlaybookGraph(sound)).toEqual([]);
    expect(validatePlaybookGraph(playbook())).toEqual([]);
  });

  it('reports every link to a missing card at its field', () => {
    const broken = playbook(
      bot('a', 'A', 'ghost-1'),
      c('q', 'question', { prompt: rt('?'), buttons: [{ id: 'x', label: 'X', next: 'ghost-2' }] }),
      c('br', 'availability_branch', { online: 'ghost-3', offline: 'a' }),
      liveChatCard('live', {}, { offlineNext: 'ghost-4' }),
      c('f', 'capture', { fields: ['email'], next: 'ghost-5' }),
    );
    expect(validatePlaybookGraph(broken).map((e) => e.path)).toEqual([
      ['cards', 'a', 'settings', 'next'],
      ['cards', 'q', 'settings', 'buttons', '0', 'next'],
      ['cards', 'br', 'settings', 'online'],
      ['cards', 'live', 'settings', 'offlineNext'],
      ['cards', 'f', 'settings', 'next'],
    ]);
  });

  it('reports duplicate ids and loops that never wait for the visitor', () => {
    expect(validatePlaybookGraph(playbook(bot('a', 'A'), bot('a', 'again'))).map((e) => e.path)).toContainEqual(['cards', 'a', 'id']);
    expect(validatePlaybookGraph(playbook(bot('self', 'x', 'self')))).toEqual([{ path: ['cards', 'self', 'settings', 'next'], message: expect.stringMatching(/loop/) }]);
    const viaOffline = playbook(liveChatCard('live', {}, { offlineNext: 'msg' }), bot('msg', 'offline', 'live'));
    expect(validatePlaybookGraph(viaOffline)).toEqual([{ path: ['cards', 'msg', 'settings', 'next'], message: expect.stringMatching(/loop/) }]);
  });
});
