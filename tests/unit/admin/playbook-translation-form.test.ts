import { translation } from '../../../plugins/live-chat/admin/src/components/card-forms/state';
import type { CardValues } from '../../../plugins/live-chat/admin/src/components/card-forms/types';
import { structureEditErrors } from '../../../plugins/live-chat/shared/domain/playbook-locales';

/** E5: in a copy the card form edits texts only, and what it sends is never a structure change. */
const rich = (text: string) => [{ type: 'paragraph' as const, children: [{ type: 'text' as const, text }] }];
const card = (kind: CardValues['kind'], settings: Record<string, unknown>, extra: Partial<CardValues> = {}): CardValues => ({
  kind,
  settings,
  onlineMessage: null,
  waitTimeSeconds: null,
  offlineMessage: null,
  ...extra,
});

const cards: CardValues[] = [
  card('bot_message', { message: rich('Hi'), next: 'x' }),
  card('question', { prompt: rich('What?'), buttons: [{ id: 'a', label: 'A', next: 'x' }, { id: 'b', label: 'B' }] }),
  card('capture', { prompt: rich('Reach you?'), fields: ['email'], required: ['email'], next: null }),
  card('qualify', { reason: 'Fits', next: 'x' }),
  card('disqualify', { reason: null }),
  card('create_lead', { title: 'Lead' }),
  card('create_deal', { title: 'Deal', value: 10, currency: 'EUR' }),
  card('create_activity', { subject: 'Call', type: 'call', dueInHours: 2 }),
  card('availability_branch', { online: 'x', offline: null }),
  card('live_chat', { offlineNext: 'x' }, { onlineMessage: rich('On'), waitTimeSeconds: 60, offlineMessage: rich('Off') }),
];

describe('the translation form state', () => {
  it.each(cards.map((c) => [c.kind, c] as const))('%s: sends only texts, which the server accepts as a translation', (_, values) => {
    const body = translation.toBody(translation.init(values));
    expect(structureEditErrors(values.kind, body.settings, values.settings, 'en')).toEqual([]);
    expect(body).not.toHaveProperty('waitTimeSeconds');
    expect(body).not.toHaveProperty('title');
  });

  it('edits the question prompt and button labels by id, in the default order', () => {
    const state = translation.init(cards[1] as CardValues);
    expect(state.richText).toEqual({ prompt: 'What?' });
    expect(state.buttons).toEqual([{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }]);
    const body = translation.toBody({ ...state, richText: { prompt: 'Vad?' }, buttons: [{ id: 'a', label: 'Ä' }, { id: 'b', label: 'Be' }] });
    expect(body).toEqual({ settings: { prompt: rich('Vad?'), buttons: [{ id: 'a', label: 'Ä' }, { id: 'b', label: 'Be' }] } });
    expect(translation.shownPaths(state)).toEqual(['settings.prompt', 'settings.buttons.0.label', 'settings.buttons.0.id', 'settings.buttons.1.label', 'settings.buttons.1.id']);
  });

  it('edits the Live Chat messages but not the wait time or the offline path', () => {
    const state = translation.init(cards[9] as CardValues);
    expect(state).toMatchObject({ onlineMessage: 'On', offlineMessage: 'Off', richText: {}, plainText: {}, buttons: [] });
    expect(translation.toBody({ ...state, offlineMessage: 'Borta' })).toEqual({ settings: {}, onlineMessage: rich('On'), offlineMessage: rich('Borta') });
    expect(translation.shownPaths(state)).toEqual(['onlineMessage', 'offlineMessage']);
  });

  it('sends a blank optional text as null (the default text shows) and a blank subject as typed (the server names it)', () => {
    expect(translation.toBody({ ...translation.init(cards[3] as CardValues), plainText: { reason: '  ' } })).toEqual({ settings: { reason: null } });
    expect(translation.toBody({ ...translation.init(cards[7] as CardValues), plainText: { subject: '' } })).toEqual({ settings: { subject: '' } });
  });

  it('has nothing to translate in an availability branch', () => {
    expect(translation.toBody(translation.init(cards[8] as CardValues))).toEqual({ settings: {} });
  });
});
