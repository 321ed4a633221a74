/**
 * The card forms' state, pure (A3, A6): each kind's settings (checked by the shared domain schema)
 * turned into what its form edits, and back into the request body. No React here, so the round
 * trip is unit-tested for every kind.
 */
import { WAIT_TIME_SECONDS, type CardKind } from '../../../../shared/constants';
import { validateCardSettings, type CardSettingsByKind, type LiveChatContent } from '../../../../shared/domain/playbook-cards';
import { newCardDraft } from '../../utils/cards';
import { markupToRichText, richTextToMarkup } from '../../../../shared/domain/rich-text-markup';
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

/** A3: the Live Chat card's own fields (messages as markup) and its offline path. */
export type LiveChatState = EditableSettings<'live_chat'> &
  Omit<Editable<LiveChatContent>, 'waitTimeSeconds'> & {
    /** null while the field is empty: the server then applies the default wait time. */
    waitTimeSeconds: number | null;
  };
export const liveChat = {
  init: (card: CardValues): LiveChatState => {
    const s = settingsOf('live_chat', card);
    return {
      offlineNext: s.offlineNext,
      onlineMessage: richTextToMarkup(card.onlineMessage),
      waitTimeSeconds: card.waitTimeSeconds ?? WAIT_TIME_SECONDS.default,
      offlineMessage: richTextToMarkup(card.offlineMessage),
    };
  },
  toBody: (s: LiveChatState): CardBodyFields => ({
    settings: defined({ offlineNext: s.offlineNext }),
    onlineMessage: markupToRichText(s.onlineMessage),
    waitTimeSeconds: s.waitTimeSeconds,
    offlineMessage: markupToRichText(s.offlineMessage),
  }),
  shownPaths: (): string[] => ['onlineMessage', 'waitTimeSeconds', 'offlineMessage', 'settings.offlineNext'],
};
