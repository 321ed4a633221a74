/**
 * The playbook flow engine (A1, A3, A6, A7, B1, B9): given a playbook, the visitor's flow state and
 * one input, it says what to show, which side effects to perform and what the flow now waits for.
 * Pure: the clock and agent availability are parameters, the state is plain JSON the server stores.
 */
import type { CardKind } from '../constants';
import type { RichText } from './rich-text';
import { isOpen, nextOpening } from './business-hours';
import {
  validateCaptureValues,
  validateCardSettings,
  validateLiveChatCard,
  type Answers,
  type CaptureField,
  type CardSettingsByKind,
  type FieldError,
  type FlowCard,
  type FlowPlaybook,
  type LiveChatCardContent,
} from './playbook-cards';

// The engine's module is the playbook API: card types, settings and graph validation come with it.
export * from './playbook-cards';

/** Cards run without the visitor before the engine calls the playbook a loop (e.g. a message pointing at itself). */
export const MAX_AUTOMATIC_STEPS = 100;

export interface FlowState {
  cursor: string | null;
  answers: Answers;
  qualification: 'qualified' | 'disqualified' | null;
  /** Ids of cards whose effect was emitted: each effect happens once per flow, even on loops. */
  effectsDone: string[];
  /** 'offline' = running the offline path of a Live Chat card (A7, B9); 'ended' once nothing is left. */
  phase: 'not_started' | 'running' | 'waiting_for_agent' | 'live_chat' | 'offline' | 'ended';
  liveChat: { cardId: string; deadlineAt: string } | null;
}
export type FlowInput =
  | { type: 'start' }
  | { type: 'button'; buttonId: string }
  | { type: 'capture'; values: Record<string, unknown> }
  | { type: 'wait_expired' }
  | { type: 'agent_joined' };
export type Display =
  | { kind: 'message'; cardId: string; richText: RichText }
  | { kind: 'question'; cardId: string; prompt: RichText; buttons: Array<{ id: string; label: string }> }
  | { kind: 'capture'; cardId: string; prompt: RichText; fields: string[]; required: string[] }
  | { kind: 'live_chat_online'; cardId: string; message: RichText; waitTimeSeconds: number }
  | {
      kind: 'live_chat_offline';
      cardId: string;
      message: RichText;
      /** G7: outside business hours, when the team opens again (ISO instant), if it ever does. */
      backAt?: string | null;
    };
export type Effect =
  | { type: 'start_conversation'; cardId: string; waitTimeSeconds: number; autoAssign: boolean }
  | { type: 'qualify'; cardId: string; reason: string | null }
  | { type: 'disqualify'; cardId: string; reason: string | null }
  | { type: 'create_lead'; cardId: string; title: string; answers: Answers; qualification: FlowState['qualification'] }
  | { type: 'create_deal'; cardId: string; title: string; value: number | null; currency: string | null; answers: Answers }
  | { type: 'create_activity'; cardId: string; subject: string; activityType: string; dueAt: string | null; answers: Answers };
export type Awaiting = 'button' | 'capture' | 'agent' | 'end';
/** G2: what the visitor answered in this step, as the engine accepted it (the bot transcript's visitor lines). */
export type Heard =
  | { kind: 'button'; cardId: string; buttonId: string; label: string }
  | { kind: 'capture'; cardId: string; values: Array<{ field: CaptureField; value: string }> };
export type StepResult =
  | { ok: true; state: FlowState; show: Display[]; effects: Effect[]; awaiting: Awaiting; heard: Heard[] }
  | { ok: false; errors: FieldError[]; code: 'invalid_input' | 'unexpected_input' | 'invalid_playbook' };
type Refusal = Extract<StepResult, { ok: false }>;

/** The state of a flow that has not received 'start' yet. */
export function initialFlowState(): FlowState {
  return { cursor: null, answers: {}, qualification: null, effectsDone: [], phase: 'not_started', liveChat: null };
}

/** One step's working data; `state` is a private copy, so the caller's state is never mutated. */
interface Step {
  sorted: FlowCard[];
  byId: Map<string, FlowCard>;
  agentsOnline: boolean;
  now: Date;
  state: FlowState;
  show: Display[];
  effects: Effect[];
  heard: Heard[];
}

const refuse = (code: Refusal['code'], message: string, path: string[] = []): Refusal => ({
  ok: false,
  code,
  errors: [{ path, message }],
});
/** A card the admin API should have refused; errors point at the card's field (`cards.<id>.settings.…`). */
const badCard = (card: FlowCard, errors: FieldError[], prefix: string[] = ['settings']): Refusal => ({
  ok: false,
  code: 'invalid_playbook',
  errors: errors.map((e) => ({ path: ['cards', card.id, ...prefix, ...e.path], message: e.message })),
});
const isRefusal = (v: unknown): v is Refusal => typeof v === 'object' && v !== null && (v as { ok?: unknown }).ok === false;

/** Advances the flow by one input; refusals leave the state untouched (the caller keeps its copy). */
export function next(
  playbook: FlowPlaybook,
  state: FlowState,
  input: FlowInput,
  availability: { agentsOnline: boolean },
  now: Date,
): StepResult {
  if (Number.isNaN(now.getTime())) return refuse('invalid_input', 'The current time is not a valid date', ['now']);
  const sorted = [...playbook.cards].sort((a, b) => a.position - b.position);
  const step: Step = {
    sorted,
    byId: new Map(sorted.map((c) => [c.id, c])),
    agentsOnline: availability.agentsOnline,
    now,
    state: {
      ...state,
      answers: { ...state.answers },
      effectsDone: [...state.effectsDone],
      liveChat: state.liveChat && { ...state.liveChat },
    },
    show: [],
    effects: [],
    heard: [],
  };
  switch (state.phase) {
    case 'not_started':
      if (input.type !== 'start') return refuse('unexpected_input', 'The flow has not started yet', ['type']);
      step.state.phase = 'running';
      return run(step, sorted[0]?.id ?? null);
    case 'running':
    case 'offline':
      return answer(step, input);
    case 'waiting_for_agent':
      return whileWaiting(step, input);
    case 'live_chat':
      return refuse('unexpected_input', 'An agent has joined: the chat is live, the flow is over', ['type']);
    case 'ended':
      return refuse('unexpected_input', 'The flow has ended', ['type']);
  }
}

/** The visitor answers the question or capture card the flow stands on. */
function answer(step: Step, input: FlowInput): StepResult {
  const card = step.state.cursor === null ? undefined : step.byId.get(step.state.cursor);
  if (!card) return refuse('invalid_playbook', `No card "${String(step.state.cursor)}" in this playbook`, ['cursor']);
  if (card.kind === 'question') {
    if (input.type !== 'button') return refuse('unexpected_input', 'The flow is waiting for a reply button', ['type']);
    const parsed = validateCardSettings('question', card.settings);
    if (!parsed.ok) return badCard(card, parsed.errors);
    const button = parsed.settings.buttons.find((b) => b.id === input.buttonId);
    if (!button) return refuse('invalid_input', 'This button is not part of the question', ['buttonId']);
    step.heard.push({ kind: 'button', cardId: card.id, buttonId: button.id, label: button.label });
    return run(step, target(step, card, button.next));
  }
  if (card.kind === 'capture') {
    if (input.type !== 'capture') return refuse('unexpected_input', 'The flow is waiting for the form', ['type']);
    const parsed = validateCardSettings('capture', card.settings);
    if (!parsed.ok) return badCard(card, parsed.errors);
    const values = validateCaptureValues(parsed.settings.fields, parsed.settings.required ?? [], input.values);
    if (!values.ok) return { ok: false, code: 'invalid_input', errors: values.errors };
    step.state.answers = { ...step.state.answers, ...values.value };
    const given = parsed.settings.fields.flatMap((field) => {
      const value = values.value[field];
      return value === undefined ? [] : [{ field, value }];
    });
    step.heard.push({ kind: 'capture', cardId: card.id, values: given });
    return run(step, target(step, card, parsed.settings.next));
  }
  return refuse('invalid_playbook', `Card "${card.id}" does not wait for the visitor`, ['cursor']);
}

/** B1/B9: while the visitor waits, either an agent joins or the wait time runs out. */
function whileWaiting(step: Step, input: FlowInput): StepResult {
  const live = step.state.liveChat;
  if (input.type === 'agent_joined') {
    step.state.phase = 'live_chat';
    return done(step, step.state.cursor, 'agent');
  }
  if (input.type !== 'wait_expired' || live === null) {
    return refuse('unexpected_input', 'The visitor is waiting for an agent', ['type']);
  }
  // A timer that fires early (clock skew between nodes) must not cut the visitor's wait short.
  if (!(step.now.getTime() >= Date.parse(live.deadlineAt))) {
    return refuse('unexpected_input', `The wait time runs until ${live.deadlineAt}`, ['type']);
  }
  const card = step.byId.get(live.cardId);
  if (!card || card.kind !== 'live_chat') {
    return refuse('invalid_playbook', `No Live Chat card "${live.cardId}" in this playbook`, ['liveChat', 'cardId']);
  }
  const parsed = liveChatCard(card);
  if (isRefusal(parsed)) return parsed;
  return run(step, goOffline(step, card, parsed));
}

function target(step: Step, card: FlowCard, link: string | null | undefined): string | null {
  if (link !== undefined) return link;
  const index = step.sorted.indexOf(card);
  return step.sorted[index + 1]?.id ?? null;
}

function done(step: Step, cursor: string | null, awaiting: Awaiting): StepResult {
  step.state.cursor = cursor;
  if (awaiting === 'end') {
    step.state.phase = 'ended';
    step.state.liveChat = null;
  }
  return { ok: true, state: step.state, show: step.show, effects: step.effects, awaiting, heard: step.heard };
}

function liveChatCard(card: FlowCard): LiveChatCardContent | Refusal {
  const live = validateLiveChatCard(card);
  return live.ok ? live.value : badCard(card, live.errors, []);
}

/** A7: show the offline message and hand over to the offline path; returns where it starts. */
function goOffline(step: Step, card: FlowCard, live: LiveChatCardContent, backAt?: Date | null): string | null {
  const shown: Extract<Display, { kind: 'live_chat_offline' }> = { kind: 'live_chat_offline', cardId: card.id, message: live.offlineMessage };
  if (backAt !== undefined) shown.backAt = backAt?.toISOString() ?? null;
  step.show.push(shown);
  step.state.phase = 'offline';
  step.state.liveChat = null;
  return target(step, card, live.offlineNext);
}

/** Runs cards from `cursor` until one needs the visitor or an agent, or the flow ends. */
function run(step: Step, start: string | null): StepResult {
  let cursor = start;
  for (let steps = 0; cursor !== null; steps += 1) {
    if (steps >= MAX_AUTOMATIC_STEPS) {
      const message = `${MAX_AUTOMATIC_STEPS} cards ran without waiting for the visitor: the playbook loops`;
      return refuse('invalid_playbook', message, ['cards', cursor]);
    }
    const card = step.byId.get(cursor);
    if (!card) return refuse('invalid_playbook', `No card "${cursor}" in this playbook`, ['cursor']);
    const outcome = runCard(step, card);
    if (isRefusal(outcome)) return outcome;
    if (outcome !== null && typeof outcome === 'object') return done(step, card.id, outcome.wait);
    cursor = outcome;
  }
  return done(step, null, 'end');
}

/** What running one card leads to: the next card (null: the end), a wait, or a refusal. */
type Outcome = string | null | { wait: Awaiting } | Refusal;

/** Runs `go` with the card's validated settings, or refuses the playbook at the faulty field. */
function withSettings<K extends CardKind>(card: FlowCard, kind: K, go: (s: CardSettingsByKind[K]) => Outcome): Outcome {
  const parsed = validateCardSettings(kind, card.settings);
  return parsed.ok ? go(parsed.settings) : badCard(card, parsed.errors);
}

/** Emits the card's effect unless it already ran in this flow (loops must not duplicate CRM records). */
function emitOnce(step: Step, card: FlowCard, effect: () => Effect): void {
  if (step.state.effectsDone.includes(card.id)) return;
  step.state.effectsDone.push(card.id);
  step.effects.push(effect());
}

/** Runs one card: the id of the card to run next (null: the end), or what the flow now waits for. */
function runCard(step: Step, card: FlowCard): Outcome {
  const cardId = card.id;
  const answers = (): Answers => ({ ...step.state.answers });
  switch (card.kind) {
    case 'bot_message':
      return withSettings(card, 'bot_message', (s) => {
        step.show.push({ kind: 'message', cardId, richText: s.message });
        return target(step, card, s.next);
      });
    case 'question':
      return withSettings(card, 'question', (s) => {
        const buttons = s.buttons.map(({ id, label }) => ({ id, label }));
        step.show.push({ kind: 'question', cardId, prompt: s.prompt, buttons });
        return { wait: 'button' };
      });
    case 'capture':
      return withSettings(card, 'capture', ({ prompt = [], fields, required = [] }) => {
        step.show.push({ kind: 'capture', cardId, prompt, fields: [...fields], required: [...required] });
        return { wait: 'capture' };
      });
    case 'qualify':
    case 'disqualify': {
      const type = card.kind;
      return withSettings(card, type, (s) => {
        emitOnce(step, card, () => {
          // The state mirrors the CRM, so it changes only together with the effect.
          step.state.qualification = type === 'qualify' ? 'qualified' : 'disqualified';
          return { type, cardId, reason: s.reason || null };
        });
        return target(step, card, s.next);
      });
    }
    case 'create_lead':
      return withSettings(card, 'create_lead', (s) => {
        const title = s.title || defaultTitle(step.state.answers);
        const { qualification } = step.state;
        emitOnce(step, card, () => ({ type: 'create_lead', cardId, title, answers: answers(), qualification }));
        return target(step, card, s.next);
      });
    case 'create_deal':
      return withSettings(card, 'create_deal', (s) => {
        const title = s.title || defaultTitle(step.state.answers);
        const [value, currency] = [s.value ?? null, s.currency ?? null];
        emitOnce(step, card, () => ({ type: 'create_deal', cardId, title, value, currency, answers: answers() }));
        return target(step, card, s.next);
      });
    case 'create_activity':
      return withSettings(card, 'create_activity', ({ subject, type, dueInHours, next: link }) => {
        const dueAt = dueInHours == null ? null : new Date(step.now.getTime() + dueInHours * 3_600_000).toISOString();
        const activityType = type ?? 'follow_up';
        emitOnce(step, card, () => ({ type: 'create_activity', cardId, subject, activityType, dueAt, answers: answers() }));
        return target(step, card, link);
      });
    case 'availability_branch':
      return withSettings(card, 'availability_branch', (s) => (step.agentsOnline ? s.online : s.offline));
    case 'live_chat':
      return liveChat(step, card);
  }
}

/** A3/B1: hand the visitor to an agent when one is online, else run the offline path at once (A7). */
function liveChat(step: Step, card: FlowCard): Outcome {
  const live = liveChatCard(card);
  if (isRefusal(live)) return live;
  // G7: outside business hours nobody is expected, whoever is online: the offline path at once (A7).
  const hours = live.businessHours;
  if (hours && !isOpen(hours, step.now)) return goOffline(step, card, live, nextOpening(hours, step.now));
  if (!step.agentsOnline) return goOffline(step, card, live);
  const { onlineMessage: message, waitTimeSeconds } = live;
  const autoAssign = live.autoAssign === true;
  step.show.push({ kind: 'live_chat_online', cardId: card.id, message, waitTimeSeconds });
  emitOnce(step, card, () => ({ type: 'start_conversation', cardId: card.id, waitTimeSeconds, autoAssign }));
  step.state.phase = 'waiting_for_agent';
  const deadlineAt = new Date(step.now.getTime() + waitTimeSeconds * 1000).toISOString();
  step.state.liveChat = { cardId: card.id, deadlineAt };
  return { wait: 'agent' };
}

/** A CRM title from what the visitor told us, so a record is recognisable in lists. */
const defaultTitle = (answers: Answers): string => {
  const who = answers.name ?? answers.email;
  return who ? `Website visitor: ${who}` : 'Website visitor';
};
