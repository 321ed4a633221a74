/**
 * What a new card of each kind starts with in the editor (A6), and the order the Add card menu
 * lists the kinds in: the Live Chat card first, since it is what most admins come to add (A1).
 */
import { CARD_KINDS, WAIT_TIME_SECONDS, type CardKind } from '../../../shared/constants';
import type { RichText } from '../../../shared/domain/rich-text';

export const MENU_KINDS: readonly CardKind[] = ['live_chat', ...CARD_KINDS.filter((k) => k !== 'live_chat')];

export const KIND_LABELS: Readonly<Record<CardKind, string>> = {
  bot_message: 'Bot message',
  question: 'Question with buttons',
  capture: 'Capture details',
  qualify: 'Qualify',
  disqualify: 'Disqualify',
  create_lead: 'Create lead',
  create_deal: 'Create deal',
  create_activity: 'Create activity',
  availability_branch: 'Branch on availability',
  live_chat: 'Live Chat card',
};

const paragraph = (text: string): RichText[number] => ({ type: 'paragraph', children: [{ type: 'text', text }] });

export interface CardDraft {
  kind: CardKind;
  title: string;
  settings: Record<string, unknown>;
  onlineMessage: RichText;
  waitTimeSeconds: number;
  offlineMessage: RichText;
}

const DEFAULT_SETTINGS: Readonly<Record<CardKind, Record<string, unknown>>> = {
  bot_message: { message: [paragraph('Hello!')] },
  question: { prompt: [paragraph('What brings you here?')], buttons: [{ id: 'b1', label: 'Pricing' }, { id: 'b2', label: 'Support' }] },
  capture: { fields: ['name', 'email'], required: ['email'] },
  qualify: {},
  disqualify: {},
  create_lead: {},
  create_deal: {},
  create_activity: { subject: 'Follow up with the visitor' },
  availability_branch: { online: null, offline: null },
  live_chat: {},
};

/** A new card of `kind` with sensible starting values (the admin edits them before it is stored). */
export function newCardDraft(kind: CardKind): CardDraft {
  return {
    kind,
    title: '',
    settings: DEFAULT_SETTINGS[kind],
    onlineMessage: [paragraph('An agent will be with you in a moment.')],
    waitTimeSeconds: WAIT_TIME_SECONDS.default,
    offlineMessage: [paragraph('Nobody is available right now. Leave your email and we will get back to you.')],
  };
}
