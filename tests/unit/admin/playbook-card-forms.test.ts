import { CARD_KINDS, type CardKind } from '../../../plugins/live-chat/shared/constants';
import { validateCard } from '../../../plugins/live-chat/shared/domain/playbook-cards';
import * as forms from '../../../plugins/live-chat/admin/src/components/card-forms/state';
import { errorAt, unshownErrors } from '../../../plugins/live-chat/admin/src/components/card-forms/errors';
import type { CardValues } from '../../../plugins/live-chat/admin/src/components/card-forms/types';
import { newCardDraft } from '../../../plugins/live-chat/admin/src/utils/cards';

/**
 * A3, A6: the card editor's forms. Each kind's starting card passes the shared card schema after a
 * trip through its form, and the three meanings of a link survive the trip: a card id, null (the
 * flow ends) and omitted (the following card).
 */
const FORMS = {
  bot_message: forms.botMessage,
  question: forms.question,
  capture: forms.capture,
  qualify: forms.qualify,
  disqualify: forms.disqualify,
  create_lead: forms.createLead,
  create_deal: forms.createDeal,
  create_activity: forms.createActivity,
  availability_branch: forms.availabilityBranch,
  live_chat: forms.liveChat,
} as const;
const paragraph = (text: string) => ({ type: 'paragraph' as const, children: [{ type: 'text' as const, text }] });
const card = (kind: CardKind, settings: Record<string, unknown>): CardValues => ({ ...newCardDraft(kind), settings });
/** Through the form without the admin changing anything. */
function roundTrip(values: CardValues) {
  const form = FORMS[values.kind] as { init: (c: CardValues) => unknown; toBody: (s: unknown) => ReturnType<typeof forms.botMessage.toBody> };
  return form.toBody(form.init(values));
}

describe('card forms: state ⇄ request body', () => {
  it.each(CARD_KINDS)('a new %s card passes the shared schema after a trip through its form', (kind) => {
    const body = roundTrip(newCardDraft(kind));
    const stored = { kind, settings: body.settings ?? null, ...body };
    expect(validateCard(stored)).toEqual([]);
  });

  it('keeps each reply button’s link: a card, the end, or the following card', () => {
    const buttons = [
      { id: 'b1', label: 'Pricing', next: 'card-pricing' },
      { id: 'b2', label: 'Bye', next: null },
      { id: 'b3', label: 'More' },
    ];
    const body = roundTrip(card('question', { prompt: [paragraph('Why?')], buttons }));
    expect(body.settings).toEqual({ prompt: [paragraph('Why?')], buttons });
    expect(Object.keys((body.settings?.buttons as object[])[2] ?? {})).toEqual(['id', 'label']);
  });

  it('keeps both paths of an availability branch, and an omitted next stays omitted', () => {
    expect(roundTrip(card('availability_branch', { online: 'a', offline: null })).settings).toEqual({ online: 'a', offline: null });
    expect(roundTrip(card('qualify', { reason: 'Fits' })).settings).toEqual({ reason: 'Fits' });
    expect(roundTrip(card('create_lead', { next: null })).settings).toEqual({ title: null, next: null });
  });

  it('keeps the order the capture fields are asked in and drops required flags of fields no longer asked', () => {
    const state = forms.capture.init(card('capture', { fields: ['email', 'name'], required: ['email'] }));
    expect(state).toMatchObject({ fields: ['email', 'name'], required: ['email'] });
    const body = forms.capture.toBody({ ...state, fields: ['phone', 'name'], required: ['email', 'name', 'phone'] });
    expect(body.settings).toMatchObject({ fields: ['phone', 'name'], required: ['phone', 'name'] });
  });

  it('sends deal, activity and Live Chat fields with their types; empty text is null', () => {
    const deal = forms.createDeal.init(card('create_deal', { title: 'Big one', value: 1200, currency: 'eur' }));
    expect(forms.createDeal.toBody({ ...deal, title: '  ' }).settings).toEqual({ title: null, value: 1200, currency: 'EUR' });
    const activity = forms.createActivity.init(card('create_activity', { subject: 'Call back', type: 'call', dueInHours: 4, next: 'x' }));
    expect(forms.createActivity.toBody(activity).settings).toEqual({ subject: 'Call back', type: 'call', dueInHours: 4, next: 'x' });
    const live = forms.liveChat.init({ ...newCardDraft('live_chat'), settings: { offlineNext: 'capture' }, waitTimeSeconds: 45 });
    expect(forms.liveChat.toBody({ ...live, onlineMessage: '**Hi**' })).toMatchObject({
      settings: { offlineNext: 'capture' },
      waitTimeSeconds: 45,
      onlineMessage: [{ type: 'paragraph', children: [{ type: 'text', text: 'Hi', bold: true }] }],
    });
  });

  it('gives new reply buttons ids the card does not use yet', () => {
    expect(forms.newButtonId([{ id: 'b1', label: 'a' }, { id: 'b3', label: 'b' }])).toBe('b4');
    expect(forms.newButtonId([{ id: 'b2', label: 'a' }, { id: 'b3', label: 'b' }])).toBe('b4');
    expect(forms.newButtonId([])).toBe('b1');
  });
});

describe('card forms: server field errors', () => {
  const errors = { 'settings.buttons.1.label': 'The label is empty', 'settings.prompt.0': 'Bad block', 'settings.extra': 'Unknown' };
  it('finds a field’s error at its path or below it', () => {
    expect(errorAt(errors, 'settings.buttons.1.label')).toBe('The label is empty');
    expect(errorAt(errors, 'settings.prompt')).toBe('Bad block');
    expect(errorAt(errors, 'settings.buttons.0.label')).toBeUndefined();
  });
  it('lists the errors no field of the form shows', () => {
    const state = forms.question.init(card('question', { prompt: [], buttons: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }] }));
    expect(unshownErrors(errors, ['title', ...forms.question.shownPaths(state)])).toEqual(['settings.extra: Unknown']);
  });
});
