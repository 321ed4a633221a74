import { uid } from '../../plugins/live-chat/shared/constants';
import type { PlaybookCard, PlaybookDetail } from '../../plugins/live-chat/shared/contracts/playbooks';
import { bearer, createAdmin, createAgent, type TestAdmin } from '../harness/admin';
import { connect, disconnectAll, listen, nextEvent } from '../harness/sockets';
import { bootStrapi, type TestApp } from '../harness/strapi';

/**
 * E5 + A1/A2/A6: per-language copies of a playbook with Strapi's i18n plugin. The structure comes
 * from the default locale (en); a Swedish copy only changes texts; visitors get the copy that
 * matches their language, fixed for the whole flow.
 */
let app: TestApp;
let owner: TestAdmin;
let agent: TestAdmin;

type Method = 'get' | 'post' | 'put' | 'delete';
const call = (who: TestAdmin, method: Method, path: string, body?: object) => {
  const request = app.http()[method](`/live-chat${path}`).set(bearer(who.token));
  return body === undefined ? request : request.send(body);
};
const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });
const textOf = (richText: unknown): string =>
  JSON.stringify(richText ?? null).match(/"text":"([^"]*)"/g)?.map((m) => m.slice(8, -1)).join(' ') ?? '';
const paths = (body: { error: { details: { errors: Array<{ path: string[] }> } } }) =>
  body.error.details.errors.map((e) => e.path.join('.'));

async function addLocale(code: string, name: string) {
  await app.strapi.plugin('i18n').service('locales').create({ code, name });
}

/** A playbook: question (two buttons) → Live Chat → capture → lead → thanks, saved in English. */
async function createShop(name = 'Shop') {
  const created = await call(owner, 'post', '/playbooks', { name, template: 'empty' });
  expect(created.status).toBe(201);
  const id: string = created.body.data.documentId;
  const add = async (card: object) => {
    const response = await call(owner, 'post', `/playbooks/${id}/cards`, card);
    expect(response.status).toBe(201);
    return response.body.data as PlaybookCard;
  };
  const question = await add({
    kind: 'question',
    title: 'Topic',
    settings: { prompt: [paragraph('What do you need?')], buttons: [{ id: 'sales', label: 'Talk to sales' }, { id: 'help', label: 'Get help' }] },
  });
  const live = await add({
    kind: 'live_chat',
    title: 'Live Chat',
    onlineMessage: [paragraph('An agent is coming.')],
    waitTimeSeconds: 300,
    offlineMessage: [paragraph('We are away.')],
  });
  const capture = await add({ kind: 'capture', title: 'Contact', settings: { prompt: [paragraph('How can we reach you?')], fields: ['name', 'email'], required: ['email'] } });
  const lead = await add({ kind: 'create_lead', title: 'Lead', settings: { title: 'Web lead' } });
  const thanks = await add({ kind: 'bot_message', title: 'Thanks', settings: { message: [paragraph('Thank you!')], next: null } });
  expect((await call(owner, 'put', `/playbooks/${id}`, { active: true })).status).toBe(200);
  expect((await call(owner, 'post', `/playbooks/${id}/publish`)).status).toBe(200);
  return { id, question, live, capture, lead, thanks };
}

/** Its Swedish copy with translated question, Live Chat messages and thanks, saved. */
async function translateToSwedish(shop: Awaited<ReturnType<typeof createShop>>) {
  const copy = await call(owner, 'post', `/playbooks/${shop.id}/locales/sv`, {});
  expect(copy.status).toBe(201);
  const edits: Array<[string, object]> = [
    [shop.question.documentId, { settings: { prompt: [paragraph('Vad behöver du?')], buttons: [{ id: 'sales', label: 'Prata med sälj' }, { id: 'help', label: 'Få hjälp' }] } }],
    [shop.live.documentId, { onlineMessage: [paragraph('En agent kommer.')], offlineMessage: [paragraph('Vi är borta.')] }],
    [shop.thanks.documentId, { settings: { message: [paragraph('Tack!')] } }],
  ];
  for (const [cardId, body] of edits) {
    const edited = await call(owner, 'put', `/playbooks/${shop.id}/cards/${cardId}?locale=sv`, body);
    expect(edited.status).toBe(200);
  }
  expect((await call(owner, 'put', `/playbooks/${shop.id}?locale=sv`, { name: 'Butik' })).status).toBe(200);
  const saved = await call(owner, 'post', `/playbooks/${shop.id}/publish?locale=sv`);
  expect(saved.status).toBe(200);
  return saved.body.data as PlaybookDetail;
}

async function visitor(language?: string) {
  const session = await app.http().post('/live-chat/widget/session').send(language ? { language } : {});
  expect(session.status).toBe(200);
  return session.body.data.token as string;
}
const step = (token: string, playbookDocumentId: string, input: object) =>
  app.http().post('/live-chat/widget/flow').set(bearer(token)).send({ playbookDocumentId, input });

beforeAll(async () => {
  app = await bootStrapi();
  owner = await createAdmin(app, 'super', 'Owner');
  agent = await createAgent(app, 'Ada');
  await addLocale('sv', 'Swedish (sv)');
  await addLocale('es', 'Spanish (es)');
});
afterAll(async () => {
  disconnectAll();
  await app.stop();
});

describe('E5: what a visitor gets', () => {
  let shop: Awaited<ReturnType<typeof createShop>>;
  beforeAll(async () => {
    shop = await createShop();
    await translateToSwedish(shop);
  });

  it('a Swedish visitor (sv-SE) gets the Swedish texts over the default structure, for the whole flow', async () => {
    const token = await visitor('sv-SE');
    const started = await step(token, shop.id, { type: 'start' });
    expect(started.status).toBe(200);
    expect(started.body.data.playbook).toEqual({ documentId: shop.id, name: 'Butik' });
    const [question] = started.body.data.show;
    expect(question).toMatchObject({ kind: 'question', cardId: shop.question.documentId });
    expect(textOf(question.prompt)).toBe('Vad behöver du?');
    expect(question.buttons).toEqual([{ id: 'sales', label: 'Prata med sälj' }, { id: 'help', label: 'Få hjälp' }]);

    // The language is fixed at start: a new session in English does not switch the running flow.
    await app.http().post('/live-chat/widget/session').send({ token, language: 'en' });
    const answered = await step(token, shop.id, { type: 'button', buttonId: 'sales' });
    expect(answered.status).toBe(200);
    const kinds = answered.body.data.show.map((s: { kind: string }) => s.kind);
    expect(kinds).toEqual(['live_chat_offline', 'capture']);
    expect(textOf(answered.body.data.show[0].message)).toBe('Vi är borta.');
    // The capture card has a copy with the default's texts (copied when the copy was made).
    expect(textOf(answered.body.data.show[1].prompt)).toBe('How can we reach you?');
    expect(answered.body.data.show[1]).toMatchObject({ fields: ['name', 'email'], required: ['email'] });

    const leadsBefore = await app.strapi.db.query(uid('lead')).count();
    const done = await step(token, shop.id, { type: 'capture', values: { name: 'Sven', email: 'sven@example.se' } });
    expect(done.status).toBe(200);
    expect(textOf(done.body.data.show[0].richText)).toBe('Tack!');
    expect(await app.strapi.db.query(uid('lead')).count()).toBe(leadsBefore + 1);
    expect(await app.strapi.db.query(uid('lead')).findOne({ where: { title: 'Web lead' } })).not.toBeNull();
  });

  it('a language without a copy (Italian, Spanish without a published copy) or none gets the default texts', async () => {
    for (const language of ['it-IT', 'es', undefined]) {
      const started = await step(await visitor(language), shop.id, { type: 'start' });
      expect(started.status).toBe(200);
      expect(started.body.data.playbook.name).toBe('Shop');
      expect(textOf(started.body.data.show[0].prompt)).toBe('What do you need?');
      expect(started.body.data.show[0].buttons).toEqual([{ id: 'sales', label: 'Talk to sales' }, { id: 'help', label: 'Get help' }]);
    }
  });

  it('a card added in the default locale after the copy was made shows its default texts to Swedish visitors', async () => {
    const other = await createShop('Later');
    await translateToSwedish(other);
    const added = await call(owner, 'post', `/playbooks/${other.id}/cards`, {
      kind: 'bot_message',
      title: 'Welcome',
      position: 0,
      settings: { message: [paragraph('Welcome, added later.')] },
    });
    expect(added.status).toBe(201);
    expect((await call(owner, 'post', `/playbooks/${other.id}/publish`)).status).toBe(200);

    const started = await step(await visitor('sv'), other.id, { type: 'start' });
    expect(started.status).toBe(200);
    expect(started.body.data.show.map((s: { kind: string }) => s.kind)).toEqual(['message', 'question']);
    expect(textOf(started.body.data.show[0].richText)).toBe('Welcome, added later.');
    expect(textOf(started.body.data.show[1].prompt)).toBe('Vad behöver du?');

    // The Swedish editor shows it with the default texts, at the default's position.
    const sv = await call(owner, 'get', `/playbooks/${other.id}?locale=sv`);
    expect(sv.body.data.cards.map((c: PlaybookCard) => c.title)).toEqual(['Welcome', 'Topic', 'Live Chat', 'Contact', 'Lead', 'Thanks']);
    expect(textOf(sv.body.data.cards[0].settings.message)).toBe('Welcome, added later.');

    // Translating it makes its copy; saved, Swedish visitors get it.
    const translated = await call(owner, 'put', `/playbooks/${other.id}/cards/${added.body.data.documentId}?locale=sv`, {
      settings: { message: [paragraph('Välkommen!')] },
    });
    expect(translated.status).toBe(200);
    expect(translated.body.data).toMatchObject({ position: 0, kind: 'bot_message', title: 'Welcome' });
    expect((await call(owner, 'post', `/playbooks/${other.id}/publish?locale=sv`)).status).toBe(200);
    const again = await step(await visitor('sv'), other.id, { type: 'start' });
    expect(textOf(again.body.data.show[0].richText)).toBe('Välkommen!');
  });

  it('the inbox lists a conversation once although its playbook has two published locales (B1)', async () => {
    await call(agent, 'put', '/availability', { availability: 'online' });
    try {
      const token = await visitor('sv');
      await step(token, shop.id, { type: 'start' });
      const live = await step(token, shop.id, { type: 'button', buttonId: 'help' });
      expect(live.status).toBe(200);
      expect(live.body.data.show[0]).toMatchObject({ kind: 'live_chat_online' });
      expect(textOf(live.body.data.show[0].message)).toBe('En agent kommer.');
      const conversationId: string = live.body.data.conversationDocumentId;
      expect(conversationId).toEqual(expect.any(String));

      const list = await call(agent, 'get', '/conversations?folder=unassigned&limit=100');
      expect(list.status).toBe(200);
      const ids = list.body.data.map((row: { documentId: string }) => row.documentId);
      expect(ids.filter((id: string) => id === conversationId)).toHaveLength(1);
      expect(new Set(ids).size).toBe(ids.length);
      expect(list.body.meta.counts.unassigned).toBe(ids.length);
      // The conversation links the playbook's default-locale published row.
      const row = await app.strapi.db.query(uid('conversation')).findOne({ where: { documentId: conversationId }, populate: ['playbook'] });
      expect(row.playbook).toMatchObject({ documentId: shop.id, locale: 'en' });
    } finally {
      await call(agent, 'put', '/availability', { availability: 'offline' });
    }
  });
});

describe('E5 + B9: the wait time runs out', () => {
  it('sends a Swedish visitor the Swedish offline message on their socket', async () => {
    const shop = await createShop('Shop B9');
    await translateToSwedish(shop);
    await call(agent, 'put', '/availability', { availability: 'online' });
    try {
      const token = await visitor('sv');
      await step(token, shop.id, { type: 'start' });
      const live = await step(token, shop.id, { type: 'button', buttonId: 'help' });
      const conversationId: string = live.body.data.conversationDocumentId;
      const socket = await connect(await listen(app), 'visitor', token);
      const offline = nextEvent<{ offlineMessage: unknown }>(socket, 'conversation:offline', () => true, 10_000);
      // The deadline passes (moved into the past rather than waiting the card's 300 s); the sweeper fires.
      await app.strapi.db
        .query(uid('conversation'))
        .update({ where: { documentId: conversationId }, data: { waitDeadlineAt: new Date(Date.now() - 1000) } });
      expect(textOf((await offline).offlineMessage)).toBe('Vi är borta.');
    } finally {
      await call(agent, 'put', '/availability', { availability: 'offline' });
    }
  });
});

describe('E5: the admin API per locale', () => {
  it('creates a copy from the default texts, lists the locales, and refuses a second copy', async () => {
    const shop = await createShop('Copy me');
    const copy = await call(owner, 'post', `/playbooks/${shop.id}/locales/sv`, {});
    expect(copy.status).toBe(201);
    const detail = copy.body.data as PlaybookDetail;
    expect(detail).toMatchObject({ locale: 'sv', defaultLocale: 'en', name: 'Copy me', published: false, hasDraftChanges: true });
    expect(detail.locales).toEqual([
      { code: 'en', name: expect.any(String), isDefault: true, hasCopy: true, published: true },
      { code: 'es', name: 'Spanish (es)', isDefault: false, hasCopy: false, published: false },
      { code: 'sv', name: 'Swedish (sv)', isDefault: false, hasCopy: true, published: false },
    ]);
    expect(detail.cards.map((c) => [c.documentId, c.position, c.kind])).toEqual(
      [shop.question, shop.live, shop.capture, shop.lead, shop.thanks].map((c) => [c.documentId, c.position, c.kind]),
    );
    expect(textOf(detail.cards[1]?.offlineMessage)).toBe('We are away.');

    expect((await call(owner, 'post', `/playbooks/${shop.id}/locales/sv`, {})).status).toBe(409);
    expect((await call(owner, 'post', `/playbooks/${shop.id}/locales/en`, {})).status).toBe(409);
    const unknown = await call(owner, 'post', `/playbooks/${shop.id}/locales/fr`, {});
    expect(unknown.status).toBe(400);
    expect(paths(unknown.body)).toEqual(['locale']);
    expect((await call(owner, 'get', `/playbooks/${shop.id}?locale=es`)).status).toBe(404);
    expect((await call(owner, 'get', `/playbooks/${shop.id}?locale=x_y`)).status).toBe(400);

    // A copy made from another copy starts from its texts.
    await call(owner, 'put', `/playbooks/${shop.id}/cards/${shop.thanks.documentId}?locale=sv`, { settings: { message: [paragraph('Tack!')] } });
    const spanish = await call(owner, 'post', `/playbooks/${shop.id}/locales/es`, { from: 'sv' });
    expect(spanish.status).toBe(201);
    expect(textOf(spanish.body.data.cards[4].settings.message)).toBe('Tack!');
    expect((await call(owner, 'post', `/playbooks/${shop.id}/locales/es`, { from: 'xx' })).status).toBe(400);
  });

  it('edits texts per locale and leaves the default untouched', async () => {
    const shop = await createShop('Edit texts');
    const saved = await translateToSwedish(shop);
    expect(saved).toMatchObject({ locale: 'sv', name: 'Butik', published: true, hasDraftChanges: false });
    const question = saved.cards[0] as PlaybookCard;
    expect(question.settings.buttons).toEqual([{ id: 'sales', label: 'Prata med sälj' }, { id: 'help', label: 'Få hjälp' }]);

    const english = (await call(owner, 'get', `/playbooks/${shop.id}`)).body.data as PlaybookDetail;
    expect(english).toMatchObject({ locale: 'en', name: 'Edit texts', published: true, hasDraftChanges: false });
    expect(english.cards[0]?.settings.buttons).toEqual([{ id: 'sales', label: 'Talk to sales' }, { id: 'help', label: 'Get help' }]);
    expect(english.locales.find((l) => l.code === 'sv')).toMatchObject({ hasCopy: true, published: true });

    // A text edit is a draft until the Swedish copy is saved; the default's Save does not publish it.
    await call(owner, 'put', `/playbooks/${shop.id}/cards/${shop.thanks.documentId}?locale=sv`, { settings: { message: [paragraph('Tack så mycket!')] } });
    expect((await call(owner, 'get', `/playbooks/${shop.id}?locale=sv`)).body.data.hasDraftChanges).toBe(true);
    expect((await call(owner, 'post', `/playbooks/${shop.id}/publish`)).status).toBe(200);
    const runs = await app.strapi.plugin('live-chat').service('playbooks').findRunnablePlaybook(shop.id, 'sv');
    expect(runs.locale).toBe('sv');
    expect(textOf(runs.cards.find((c: { id: string }) => c.id === shop.thanks.documentId).settings.message)).toBe('Tack!');
    expect((await call(owner, 'post', `/playbooks/${shop.id}/publish?locale=sv`)).status).toBe(200);
    const after = await app.strapi.plugin('live-chat').service('playbooks').findRunnablePlaybook(shop.id, 'sv');
    expect(textOf(after.cards.find((c: { id: string }) => c.id === shop.thanks.documentId).settings.message)).toBe('Tack så mycket!');
    // The default locale's texts and structure still run for everyone else.
    const en = await app.strapi.plugin('live-chat').service('playbooks').findRunnablePlaybook(shop.id);
    expect(textOf(en.cards.find((c: { id: string }) => c.id === shop.thanks.documentId).settings.message)).toBe('Thank you!');
  });

  it('refuses structure edits in a non-default locale with 400 and a clear error, and bad texts with field errors', async () => {
    const shop = await createShop('Structure');
    await call(owner, 'post', `/playbooks/${shop.id}/locales/sv`, {});
    const card = (id: string) => `/playbooks/${shop.id}/cards/${id}?locale=sv`;

    const next = await call(owner, 'put', card(shop.question.documentId), { settings: { buttons: [{ id: 'sales', label: 'Sälj', next: null }] } });
    expect(next.status).toBe(400);
    expect(paths(next.body)).toEqual(['settings.buttons.0.next']);
    expect(next.body.error.details.errors[0].message).toMatch(/default locale \(en\)/);
    const newButton = await call(owner, 'put', card(shop.question.documentId), { settings: { buttons: [{ id: 'other', label: 'Annat' }] } });
    expect(paths(newButton.body)).toEqual(['settings.buttons.0.id']);
    const fields = await call(owner, 'put', card(shop.capture.documentId), { settings: { fields: ['name'] } });
    expect(fields.status).toBe(400);
    expect(paths(fields.body)).toEqual(['settings.fields']);
    const wait = await call(owner, 'put', card(shop.live.documentId), { waitTimeSeconds: 60, title: 'Chatt' });
    expect(wait.status).toBe(400);
    expect(paths(wait.body).sort()).toEqual(['title', 'waitTimeSeconds']);
    const blank = await call(owner, 'put', card(shop.question.documentId), { settings: { buttons: [{ id: 'help', label: '  ' }] } });
    expect(blank.status).toBe(400);
    expect(paths(blank.body)).toEqual(['settings.buttons.1.label']);

    const structural: Array<[Method, string, object | undefined]> = [
      ['post', `/playbooks/${shop.id}/cards?locale=sv`, { kind: 'bot_message', settings: { message: [paragraph('Hej')] } }],
      ['delete', `/playbooks/${shop.id}/cards/${shop.thanks.documentId}?locale=sv`, undefined],
      ['put', `/playbooks/${shop.id}/cards/order?locale=sv`, { cardDocumentIds: [shop.live, shop.question, shop.capture, shop.lead, shop.thanks].map((c) => c.documentId) }],
      ['put', `/playbooks/${shop.id}?locale=sv`, { active: false }],
    ];
    for (const [method, path, body] of structural) {
      const response = await call(owner, method, path, body);
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(/default locale|texts/);
    }
    // Nothing changed, in either locale.
    const sv = (await call(owner, 'get', `/playbooks/${shop.id}?locale=sv`)).body.data as PlaybookDetail;
    const en = (await call(owner, 'get', `/playbooks/${shop.id}`)).body.data as PlaybookDetail;
    for (const detail of [sv, en]) {
      expect(detail.active).toBe(true);
      expect(detail.cards.map((c) => c.documentId)).toEqual([shop.question, shop.live, shop.capture, shop.lead, shop.thanks].map((c) => c.documentId));
      expect(detail.cards[1]?.waitTimeSeconds).toBe(300);
      expect(detail.cards[2]?.settings.fields).toEqual(['name', 'email']);
    }
  });

  it('deleting a card in the default locale deletes it in every locale', async () => {
    const shop = await createShop('Delete');
    await translateToSwedish(shop);
    expect((await call(owner, 'delete', `/playbooks/${shop.id}/cards/${shop.thanks.documentId}`)).status).toBe(200);
    const sv = (await call(owner, 'get', `/playbooks/${shop.id}?locale=sv`)).body.data as PlaybookDetail;
    expect(sv.cards.map((c) => c.documentId)).not.toContain(shop.thanks.documentId);
    // Saving the default locale removes the published versions too, in every locale.
    expect((await call(owner, 'post', `/playbooks/${shop.id}/publish`)).status).toBe(200);
    expect(await app.strapi.db.query(uid('card')).count({ where: { documentId: shop.thanks.documentId } })).toBe(0);
    const runs = await app.strapi.plugin('live-chat').service('playbooks').findRunnablePlaybook(shop.id, 'sv');
    expect(runs.cards.map((c: { id: string }) => c.id)).not.toContain(shop.thanks.documentId);

    // Deleting the playbook removes every row of every locale.
    expect((await call(owner, 'delete', `/playbooks/${shop.id}`)).status).toBe(200);
    expect(await app.strapi.db.query(uid('playbook')).count({ where: { documentId: shop.id } })).toBe(0);
    expect(await app.strapi.db.query(uid('card')).count({ where: { documentId: shop.question.documentId } })).toBe(0);
  });

  it('A2: permissions are unchanged: without "manage playbooks" the locale routes answer 403, reading stays open to agents', async () => {
    const shop = await createShop('Permissions');
    await call(owner, 'post', `/playbooks/${shop.id}/locales/sv`, {});
    expect((await call(agent, 'post', `/playbooks/${shop.id}/locales/es`, {})).status).toBe(403);
    expect((await call(agent, 'put', `/playbooks/${shop.id}/cards/${shop.thanks.documentId}?locale=sv`, { settings: { message: [paragraph('Hej')] } })).status).toBe(403);
    expect((await call(agent, 'put', `/playbooks/${shop.id}?locale=sv`, { name: 'Hej' })).status).toBe(403);
    expect((await call(agent, 'post', `/playbooks/${shop.id}/publish?locale=sv`)).status).toBe(403);
    expect((await call(agent, 'get', `/playbooks/${shop.id}?locale=sv`)).status).toBe(200);
    const nobody = await createAdmin(app, [], 'Nobody');
    expect((await call(nobody, 'get', `/playbooks/${shop.id}?locale=sv`)).status).toBe(403);
    const sv = (await call(owner, 'get', `/playbooks/${shop.id}?locale=sv`)).body.data as PlaybookDetail;
    expect(sv.name).toBe('Permissions');
    expect(sv.locales.find((l) => l.code === 'es')?.hasCopy).toBe(false);
  });
});
