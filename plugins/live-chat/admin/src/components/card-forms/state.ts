/**
 * The card forms' state, pure (A3, A6): each kind's settings (checked by the shared domain schema)
 * turned into what its form edits, and back into the request body. No React here, so the round
 * trip is unit-tested for every kind.
 */
import { WAIT_TIME_SECONDS, type CardKind } from '../../../../shared/constants';
import { validateCardSettings, type CardSettingsByKind, type LiveChatContent } from '../../../../shared/domain/playbook-cards';
import { TRANSLATABLE_SETTINGS } from '../../../../shared/domain/playbook-locales';
import { newCardDraft } from '../../utils/cards';
import { markupToRichText, richTextToMarkup } from '../../../../shared/domain/rich-text-markup';
import { hoursFormOf, hoursOfForm, type BusinessHoursForm } from '../../assignment/business-hours-form';
import type { CardBodyFields, CardValues, Editable, EditableSettings } from './types';

/** The card's settings as its kind's schema reads them; a card that does not pass starts from the defaults. */
export function settingsOf<K extends CardKind>(kind: K, card: CardValues): CardSettingsByKind[K] {
  for (const candidate of [card.settings, newCardDraft(kind).settings]) {
    const parsed = validateCardSettings(kind, candidate);
    if (parsed.ok) return parsed.settings;
  }
  throw new Error(`The default settings of a ${kind} card do not pass its schema`);
}

/** Drops `undefined` so an omitted `next` stays omitted (the following card) rather than becoming null. */
const defined = <T extends Record<string, unknown>>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
const text = (value: string | null | undefined): string | null => (value && value.trim() !== '' ? value : null);

export type BotMessageState = EditableSettings<'bot_message'>;
export const botMessage = {
  init: (card: CardValues): BotMessageState => {
    const s = settingsOf('bot_message', card);
    return { message: richTextToMarkup(s.message), next: s.next };
  },
  toBody: (s: BotMessageState): CardBodyFields => ({ settings: defined({ message: markupToRichText(s.message), next: s.next }) }),
  shownPaths: (): string[] => ['settings.message', 'settings.next'],
};

export type QuestionButton = EditableSettings<'question'>['buttons'][number];
export type QuestionState = EditableSettings<'question'>;
/** A button id not used by the card yet; ids only need to be unique within the card. */
export function newButtonId(buttons: readonly QuestionButton[]): string {
  const taken = new Set(buttons.map((b) => b.id));
  let n = buttons.length + 1;
  while (taken.has(`b${n}`)) n += 1;
  return `b${n}`;
}
export const question = {
  init: (card: CardValues): QuestionState => {
    const s = settingsOf('question', card);
    return { prompt: richTextToMarkup(s.prompt), buttons: s.buttons.map((b) => ({ id: b.id, label: b.label, next: b.next })) };
  },
  toBody: (s: QuestionState): CardBodyFields => ({
    settings: { prompt: markupToRichText(s.prompt), buttons: s.buttons.map((b) => defined({ id: b.id, label: b.label, next: b.next })) },
  }),
  shownPaths: (s: QuestionState): string[] => [
    'settings.prompt',
    'settings.buttons',
    ...s.buttons.flatMap((_, i) => [`settings.buttons.${i}.label`, `settings.buttons.${i}.id`, `settings.buttons.${i}.next`]),
  ],
};

export type CaptureState = EditableSettings<'capture'>;
export const capture = {
  init: (card: CardValues): CaptureState => {
    const s = settingsOf('capture', card);
    return { prompt: richTextToMarkup(s.prompt), fields: [...s.fields], required: [...(s.required ?? [])], next: s.next };
  },
  toBody: (s: CaptureState): CardBodyFields => ({
    settings: defined({
      prompt: markupToRichText(s.prompt ?? ''),
      // The widget asks the fields in this order (a field ticked later comes last).
      fields: s.fields,
      // A field no longer asked cannot stay required.
      required: s.fields.filter((f) => (s.required ?? []).includes(f)),
      next: s.next,
    }),
  }),
  shownPaths: (): string[] => ['settings.prompt', 'settings.fields', 'settings.required', 'settings.next'],
};

export type QualifyState = Editable<CardSettingsByKind['qualify']>;
const qualifyLike = (kind: 'qualify' | 'disqualify') => ({
  init: (card: CardValues): QualifyState => {
    const s = settingsOf(kind, card);
    return { reason: s.reason ?? '', next: s.next };
  },
  toBody: (s: QualifyState): CardBodyFields => ({ settings: defined({ reason: text(s.reason), next: s.next }) }),
  shownPaths: (): string[] => ['settings.reason', 'settings.next'],
});
export const qualify = qualifyLike('qualify');
export const disqualify = qualifyLike('disqualify');

export type CreateLeadState = EditableSettings<'create_lead'>;
export const createLead = {
  init: (card: CardValues): CreateLeadState => {
    const s = settingsOf('create_lead', card);
    return { title: s.title ?? '', next: s.next };
  },
  toBody: (s: CreateLeadState): CardBodyFields => ({ settings: defined({ title: text(s.title), next: s.next }) }),
  shownPaths: (): string[] => ['settings.title', 'settings.next'],
};

export type CreateDealState = EditableSettings<'create_deal'>;
export const createDeal = {
  init: (card: CardValues): CreateDealState => {
    const s = settingsOf('create_deal', card);
    return { title: s.title ?? '', value: s.value ?? null, currency: s.currency ?? '', next: s.next };
  },
  toBody: (s: CreateDealState): CardBodyFields => ({
    settings: defined({ title: text(s.title), value: s.value ?? null, currency: text(s.currency), next: s.next }),
  }),
  shownPaths: (): string[] => ['settings.title', 'settings.value', 'settings.currency', 'settings.next'],
};

export type CreateActivityState = EditableSettings<'create_activity'>;
export const createActivity = {
  init: (card: CardValues): CreateActivityState => {
    const s = settingsOf('create_activity', card);
    return { subject: s.subject, type: s.type ?? null, dueInHours: s.dueInHours ?? null, next: s.next };
  },
  toBody: (s: CreateActivityState): CardBodyFields => ({
    settings: defined({ subject: s.subject, type: s.type ?? null, dueInHours: s.dueInHours ?? null, next: s.next }),
  }),
  shownPaths: (): string[] => ['settings.subject', 'settings.type', 'settings.dueInHours', 'settings.next'],
};

export type AvailabilityBranchState = EditableSettings<'availability_branch'>;
export const availabilityBranch = {
  init: (card: CardValues): AvailabilityBranchState => {
    const s = settingsOf('availability_branch', card);
    return { online: s.online, offline: s.offline };
  },
  toBody: (s: AvailabilityBranchState): CardBodyFields => ({ settings: { online: s.online, offline: s.offline } }),
  shownPaths: (): string[] => ['settings.online', 'settings.offline'],
};

/** A3: the Live Chat card's own fields (messages as markup), its offline path, and G7's settings. */
export type LiveChatState = Omit<EditableSettings<'live_chat'>, 'autoAssign' | 'businessHours'> &
  Omit<Editable<LiveChatContent>, 'waitTimeSeconds'> & {
    /** null while the field is empty: the server then applies the default wait time. */
    waitTimeSeconds: number | null;
    autoAssign: boolean;
    hours: BusinessHoursForm;
  };
export const liveChat = {
  init: (card: CardValues): LiveChatState => {
    const s = settingsOf('live_chat', card);
    return {
      offlineNext: s.offlineNext,
      autoAssign: s.autoAssign === true,
      hours: hoursFormOf(s.businessHours),
      onlineMessage: richTextToMarkup(card.onlineMessage),
      waitTimeSeconds: card.waitTimeSeconds ?? WAIT_TIME_SECONDS.default,
      offlineMessage: richTextToMarkup(card.offlineMessage),
    };
  },
  toBody: (s: LiveChatState): CardBodyFields => ({
    settings: defined({ offlineNext: s.offlineNext, autoAssign: s.autoAssign, businessHours: hoursOfForm(s.hours) }),
    onlineMessage: markupToRichText(s.onlineMessage),
    waitTimeSeconds: s.waitTimeSeconds,
    offlineMessage: markupToRichText(s.offlineMessage),
  }),
  shownPaths: (s: LiveChatState): string[] => [
    'onlineMessage',
    'waitTimeSeconds',
    'offlineMessage',
    'settings.offlineNext',
    'settings.autoAssign',
    ...(s.hours.enabled ? ['settings.businessHours'] : []),
  ],
};

/**
 * E5: a card in a copy (another locale than the default): only its texts, whatever its kind. The
 * structure (links, buttons' ids and order, fields, values, wait time) is the default locale's and
 * is neither shown as editable nor sent.
 */
export interface TranslationState {
  kind: CardKind;
  /** Rich-text settings (`message`, `prompt`) as markup. */
  richText: Record<string, string>;
  /** Plain-text settings (`reason`, `title`, `subject`). */
  plainText: Record<string, string>;
  /** Reply buttons: the label per button id, in the default's order. */
  buttons: Array<{ id: string; label: string }>;
  /** The Live Chat card's messages as markup (null for other kinds). */
  onlineMessage: string | null;
  offlineMessage: string | null;
}
const RICH_TEXT_SETTINGS = ['message', 'prompt'];
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
export const translation = {
  init: (card: CardValues): TranslationState => {
    const state: TranslationState = { kind: card.kind, richText: {}, plainText: {}, buttons: [], onlineMessage: null, offlineMessage: null };
    for (const key of TRANSLATABLE_SETTINGS[card.kind]) {
      const value = card.settings[key];
      if (key === 'buttons') {
        state.buttons = (Array.isArray(value) ? value : []).filter(isRecord).map((b) => ({ id: String(b.id), label: String(b.label ?? '') }));
      } else if (RICH_TEXT_SETTINGS.includes(key)) {
        state.richText[key] = richTextToMarkup(Array.isArray(value) ? value : []);
      } else {
        state.plainText[key] = typeof value === 'string' ? value : '';
      }
    }
    if (card.kind === 'live_chat') {
      state.onlineMessage = richTextToMarkup(card.onlineMessage);
      state.offlineMessage = richTextToMarkup(card.offlineMessage);
    }
    return state;
  },
  toBody: (s: TranslationState): CardBodyFields => {
    const settings: Record<string, unknown> = {};
    for (const [key, markup] of Object.entries(s.richText)) settings[key] = markupToRichText(markup);
    // A required text (an activity's subject) goes as typed, so the server names it when empty.
    for (const [key, value] of Object.entries(s.plainText)) settings[key] = key === 'subject' ? value : text(value);
    if (TRANSLATABLE_SETTINGS[s.kind].includes('buttons')) settings.buttons = s.buttons.map(({ id, label }) => ({ id, label }));
    if (s.kind !== 'live_chat') return { settings };
    return {
      settings,
      onlineMessage: markupToRichText(s.onlineMessage ?? ''),
      offlineMessage: markupToRichText(s.offlineMessage ?? ''),
    };
  },
  shownPaths: (s: TranslationState): string[] => [
    ...Object.keys(s.richText).map((key) => `settings.${key}`),
    ...Object.keys(s.plainText).map((key) => `settings.${key}`),
    ...s.buttons.flatMap((_, i) => [`settings.buttons.${i}.label`, `settings.buttons.${i}.id`]),
    ...(s.kind === 'live_chat' ? ['onlineMessage', 'offlineMessage'] : []),
  ],
};
