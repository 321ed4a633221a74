import type { FlowCard, FlowPlaybook } from '../../../plugins/live-chat/shared/domain/playbook-cards';
import { next, initialFlowState } from '../../../plugins/live-chat/shared/domain/playbook-flow';
import {
  localizePlaybook,
  matchLocale,
  overlayTexts,
  structureEditErrors,
  textsOf,
} from '../../../plugins/live-chat/shared/domain/playbook-locales';

/** E5: a copy in another locale supplies texts only; the default locale's cards give the structure. */
const rich = (text: string) => [{ type: 'paragraph', children: [{ type: 'text', text }] }];

const question: FlowCard = {
  id: 'q',
  kind: 'question',
  position: 0,
  title: 'Topic',
  settings: {
    prompt: rich('What do you need?'),
    buttons: [
      { id: 'sales', label: 'Sales', next: 'live' },
      { id: 'help', label: 'Help', next: null },
    ],
  },
};
const live: FlowCard = {
  id: 'live',
  kind: 'live_chat',
  position: 1,
  settings: { offlineNext: 'capture' },
  onlineMessage: rich('Coming'),
  waitTimeSeconds: 120,
  offlineMessage: rich('Away'),
};
const capture: FlowCard = { id: 'capture', kind: 'capture', position: 2, settings: { prompt: rich('Reach you?'), fields: ['email'], required: ['email'] } };
const deal: FlowCard = { id: 'deal', kind: 'create_deal', position: 3, settings: { title: 'Web deal', value: 100, currency: 'EUR' } };
const activity: FlowCard = { id: 'act', kind: 'create_activity', position: 4, settings: { subject: 'Call back', type: 'call', dueInHours: 24 } };
const reject: FlowCard = { id: 'no', kind: 'disqualify', position: 5, settings: { reason: 'Spam', next: null } };
const playbook: FlowPlaybook = { id: 'p', name: 'Shop', cards: [question, live, capture, deal, activity, reject] };

describe('matchLocale: which copy a visitor gets', () => {
  const available = ['en', 'sv', 'es-MX', 'pt-BR'];
  it.each([
    ['sv', 'sv'],
    ['sv-SE', 'sv'],
    ['SV-se', 'sv'],
    ['es-MX', 'es-MX'],
    ['es', 'es-MX'],
    ['pt-PT', 'pt-BR'],
    ['it', 'en'],
    ['', 'en'],
    [null, 'en'],
    [undefined, 'en'],
  ])('%s → %s', (requested, expected) => {
    expect(matchLocale(requested, available, 'en')).toBe(expected);
  });

  it('prefers the exact tag over a locale of the same language', () => {
    expect(matchLocale('es-ES', ['es-MX', 'es-ES'], 'en')).toBe('es-ES');
    expect(matchLocale('es-AR', ['es-MX', 'es'], 'en')).toBe('es');
  });
});

describe('overlayTexts: a copy changes texts, never structure', () => {
  it('takes the message of a bot message and keeps its link', () => {
    const bot: FlowCard = { id: 'b', kind: 'bot_message', position: 0, settings: { message: rich('Hi'), next: 'x' } };
    const translated = overlayTexts(bot, { settings: { message: rich('Hej'), next: 'elsewhere' } });
    expect(translated.settings).toEqual({ message: rich('Hej'), next: 'x' });
  });

  it('matches button labels by id, keeping order, ids and links of the default', () => {
    const translated = overlayTexts(question, {
      settings: {
        prompt: rich('Vad behöver du?'),
        buttons: [
          { id: 'help', label: 'Hjälp', next: 'live' },
          { id: 'sales', label: 'Sälj' },
          { id: 'extra', label: 'Extra' },
        ],
      },
    });
    expect(translated.settings).toEqual({
      prompt: rich('Vad behöver du?'),
      buttons: [
        { id: 'sales', label: 'Sälj', next: 'live' },
        { id: 'help', label: 'Hjälp', next: null },
      ],
    });
  });

  it('keeps the default text for blank or malformed translations and for a missing button', () => {
    const translated = overlayTexts(question, { settings: { prompt: rich('   '), buttons: [{ id: 'sales', label: '  ' }] } });
    expect(translated.settings).toEqual(question.settings);
    expect(overlayTexts(question, { settings: { prompt: 'not rich text', buttons: 'nope' } }).settings).toEqual(question.settings);
  });

  it('takes the Live Chat messages but never the wait time or the offline path', () => {
    const translated = overlayTexts(live, {
      settings: { offlineNext: null },
      onlineMessage: rich('Kommer'),
      offlineMessage: rich('Borta'),
      waitTimeSeconds: 5,
    } as never);
    expect(translated).toEqual({ ...live, onlineMessage: rich('Kommer'), offlineMessage: rich('Borta') });
  });

  it('takes the capture prompt but not its fields', () => {
    expect(overlayTexts(capture, { settings: { prompt: rich('Nå dig?'), fields: ['name'], required: [] } }).settings).toEqual({
      prompt: rich('Nå dig?'),
      fields: ['email'],
      required: ['email'],
    });
  });

  it('takes record titles, subjects and reasons, never values, currencies, types or due times', () => {
    expect(overlayTexts(deal, { settings: { title: 'Webbaffär', value: 1, currency: 'SEK' } }).settings).toEqual({ title: 'Webbaffär', value: 100, currency: 'EUR' });
    expect(overlayTexts(activity, { settings: { subject: 'Ring upp', type: 'email', dueInHours: 1 } }).settings).toEqual({
      subject: 'Ring upp',
      type: 'call',
      dueInHours: 24,
    });
    expect(overlayTexts(reject, { settings: { reason: 'Skräp', next: 'q' } }).settings).toEqual({ reason: 'Skräp', next: null });
  });

  it('returns the default card when there is no copy, without touching the input', () => {
    const before = JSON.stringify(question);
    expect(overlayTexts(question, undefined)).toBe(question);
    overlayTexts(question, { settings: { prompt: rich('X') } });
    expect(JSON.stringify(question)).toBe(before);
  });
});

describe('localizePlaybook', () => {
  it('lays each copy over its card by id, keeps cards without a copy, ignores cards only the copy has', () => {
    const localized = localizePlaybook(playbook, {
      name: 'Butik',
      cards: [
        { id: 'q', settings: { prompt: rich('Vad?'), buttons: [{ id: 'sales', label: 'Sälj' }] } },
        { id: 'ghost', settings: { message: rich('Spöke') } },
      ],
    });
    expect(localized.name).toBe('Butik');
    expect(localized.cards.map((c) => c.id)).toEqual(playbook.cards.map((c) => c.id));
    expect(localized.cards[0]?.settings).toMatchObject({ prompt: rich('Vad?'), buttons: [{ id: 'sales', label: 'Sälj' }, { id: 'help', label: 'Help' }] });
    expect(localized.cards.slice(1)).toEqual(playbook.cards.slice(1));
  });

  it('keeps the default name for a blank one and the whole playbook without a copy', () => {
    expect(localizePlaybook(playbook, { name: ' ', cards: [] }).name).toBe('Shop');
    expect(localizePlaybook(playbook, null)).toBe(playbook);
  });

  it('runs in the engine with the translated texts and the default flow', () => {
    const localized = localizePlaybook(playbook, {
      cards: [
        { id: 'q', settings: { prompt: rich('Vad?'), buttons: [{ id: 'sales', label: 'Sälj' }] } },
        { id: 'live', settings: {}, onlineMessage: null, offlineMessage: rich('Borta') },
      ],
    });
    const now = new Date('2026-11-21T10:00:00Z');
    const started = next(localized, initialFlowState(), { type: 'start' }, { agentsOnline: false }, now);
    expect(started).toMatchObject({ ok: true, show: [{ kind: 'question', buttons: [{ id: 'sales', label: 'Sälj' }, { id: 'help', label: 'Help' }] }] });
    if (!started.ok) throw new Error('refused');
    const answered = next(localized, started.state, { type: 'button', buttonId: 'sales' }, { agentsOnline: false }, now);
    expect(answered).toMatchObject({ ok: true, show: [{ kind: 'live_chat_offline', message: rich('Borta') }, { kind: 'capture', cardId: 'capture' }] });
  });
});

describe('textsOf and structureEditErrors', () => {
  it('textsOf keeps only a card’s texts', () => {
    expect(textsOf(question)).toEqual({
      settings: { prompt: rich('What do you need?'), buttons: [{ id: 'sales', label: 'Sales' }, { id: 'help', label: 'Help' }] },
      onlineMessage: null,
      offlineMessage: null,
    });
    expect(textsOf(deal).settings).toEqual({ title: 'Web deal' });
    expect(textsOf(live)).toEqual({ settings: {}, onlineMessage: rich('Coming'), offlineMessage: rich('Away') });
  });

  it('accepts text edits', () => {
    expect(structureEditErrors('question', { prompt: rich('X'), buttons: [{ id: 'help', label: 'Hjälp' }] }, question.settings, 'en')).toEqual([]);
    expect(structureEditErrors('create_deal', { title: 'Affär' }, deal.settings, 'en')).toEqual([]);
    expect(structureEditErrors('bot_message', undefined, {}, 'en')).toEqual([]);
  });

  it('names each structure change, and tells where to make it', () => {
    const errors = structureEditErrors(
      'question',
      { buttons: [{ id: 'sales', label: 'Sälj', next: null }, { id: 'new', label: 'Ny' }], next: 'x' },
      question.settings,
      'en',
    );
    expect(errors.map((e) => e.path.join('.')).sort()).toEqual(['settings.buttons.0.next', 'settings.buttons.1.id', 'settings.next']);
    expect(errors[0]?.message).toMatch(/default locale \(en\)/);
    expect(structureEditErrors('create_deal', { value: 5, currency: 'SEK' }, deal.settings, 'en').map((e) => e.path.join('.'))).toEqual([
      'settings.value',
      'settings.currency',
    ]);
    expect(structureEditErrors('availability_branch', { online: null }, {}, 'en').map((e) => e.path.join('.'))).toEqual(['settings.online']);
    expect(structureEditErrors('question', 'text', question.settings, 'en').map((e) => e.path.join('.'))).toEqual(['settings']);
    expect(structureEditErrors('question', { buttons: 'x' }, question.settings, 'en').map((e) => e.path.join('.'))).toEqual(['settings.buttons']);
  });
});
