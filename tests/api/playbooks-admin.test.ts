import { uid } from '../../plugins/live-chat/shared/constants';
import type { PlaybookCard, PlaybookDetail } from '../../plugins/live-chat/shared/contracts/playbooks';
import type { FlowPlaybook } from '../../plugins/live-chat/shared/domain/playbook-cards';
import { bearer, createAdmin, createAgent, type TestAdmin } from '../harness/admin';
import { bootStrapi, type TestApp } from '../harness/strapi';

let app: TestApp;
let superAdmin: TestAdmin;

beforeAll(async () => {
  app = await bootStrapi();
  superAdmin = await createAdmin(app, 'super', 'Super');
});
afterAll(async () => {
  await app.stop();
});

type Method = 'get' | 'post' | 'put' | 'delete';
const call = (who: TestAdmin | null, method: Method, path: string, body?: object) => {
  const request = app.http()[method](`/live-chat${path}`);
  if (who) request.set(bearer(who.token));
  return body === undefined ? request : request.send(body);
};
const as = (who: TestAdmin) => ({
  get: (path: string) => call(who, 'get', path),
  post: (path: string, body: object = {}) => call(who, 'post', path, body),
  put: (path: string, body: object) => call(who, 'put', path, body),
  delete: (path: string) => call(who, 'delete', path),
});
const admin = () => as(superAdmin);

const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });
const liveChatCard = (extra: object = {}) => ({
  kind: 'live_chat',
  title: 'Talk to us',
  onlineMessage: [paragraph('An agent is on the way.')],
  waitTimeSeconds: 300,
  offlineMessage: [paragraph('We are away.')],
  ...extra,
});

async function createPlaybook(template: 'live_chat' | 'empty' = 'live_chat', name = 'Website'): Promise<PlaybookDetail> {
  const response = await admin().post('/playbooks', { name, template });
  expect(response.status).toBe(201);
  return response.body.data;
}
async function detail(documentId: string): Promise<PlaybookDetail> {
  const response = await admin().get(`/playbooks/${documentId}`);
  expect(response.status).toBe(200);
  return response.body.data;
}
const publish = (documentId: string) => admin().post(`/playbooks/${documentId}/publish`);
const playbookService = () => app.strapi.plugin('live-chat').service('playbooks');
const runnable = (documentId: string): Promise<FlowPlaybook | null> => playbookService().findRunnablePlaybook(documentId);
const fieldErrors = (body: { error: { details: { errors: Array<{ path: string[] }> } } }) =>
  body.error.details.errors.map((e) => e.path.join('.'));

describe('A1: a playbook from the Live Chat template', () => {
  it('creates a draft whose cards greet, hand over to an agent, and on the offline path capture and file a lead', async () => {
    const playbook = await createPlaybook('live_chat', 'Main site');
    expect(playbook).toMatchObject({ name: 'Main site', active: true, published: false, hasDraftChanges: true, cardCount: 5 });
    expect(playbook.cards.map((c) => [c.position, c.kind])).toEqual([
      [0, 'bot_message'], [1, 'live_chat'], [2, 'capture'], [3, 'create_lead'], [4, 'bot_message'],
    ]);
    const live = playbook.cards[1] as PlaybookCard;
    expect(live.onlineMessage?.length).toBeGreaterThan(0);
    expect(live.offlineMessage?.length).toBeGreaterThan(0);
    expect(live.waitTimeSeconds).toBe(120);
    expect(playbook.cards[2]?.settings).toMatchObject({ fields: ['name', 'email'], required: ['name', 'email'] });
    expect(playbook.embedSnippet).toMatch(
      new RegExp(`^<script src="http://127\\.0\\.0\\.1:\\d+/live-chat/widget\\.js" data-playbook="${playbook.documentId}" async></script>$`),
    );
    const list = await admin().get('/playbooks');
    expect(list.body.data).toContainEqual(expect.objectContaining({ documentId: playbook.documentId, cardCount: 5, published: false }));
  });

  it('creates an empty playbook without a template, and refuses a nameless one with a field error', async () => {
    expect((await createPlaybook('empty')).cards).toEqual([]);
    const response = await admin().post('/playbooks', { name: '  ', template: 'live_chat' });
    expect(response.status).toBe(400);
    expect(fieldErrors(response.body)).toEqual(['name']);
  });
});

describe('A1–A3: adding, editing, reordering and deleting cards', () => {
  it('adds a Live Chat card to an existing playbook, edits it with the pencil, reorders and deletes cards', async () => {
    const { documentId } = await createPlaybook('empty');
    const cards = `/playbooks/${documentId}/cards`;
    const greeting = await admin().post(cards, { kind: 'bot_message', settings: { message: [paragraph('Hi')] } });
    expect(greeting.status).toBe(201);
    const added = await admin().post(cards, liveChatCard());
    expect(added.status).toBe(201);
    expect(added.body.data).toMatchObject({ kind: 'live_chat', position: 1, waitTimeSeconds: 300, onlineMessage: [paragraph('An agent is on the way.')] });
    const first = await admin().post(cards, { kind: 'qualify', position: 0 });
    expect((await detail(documentId)).cards.map((c) => c.documentId)).toEqual([
      first.body.data.documentId, greeting.body.data.documentId, added.body.data.documentId,
    ]);

    const liveId = added.body.data.documentId as string;
    const edited = await admin().put(`${cards}/${liveId}`, { waitTimeSeconds: 60, offlineMessage: [paragraph('Back soon.')] });
    expect(edited.status).toBe(200);
    expect(edited.body.data).toMatchObject({ waitTimeSeconds: 60, title: 'Talk to us', offlineMessage: [paragraph('Back soon.')] });

    const order = [liveId, greeting.body.data.documentId, first.body.data.documentId];
    const reordered = await admin().put(`${cards}/order`, { cardDocumentIds: order });
    expect(reordered.status).toBe(200);
    expect(reordered.body.data.map((c: PlaybookCard) => [c.documentId, c.position])).toEqual(order.map((id, i) => [id, i]));
    const partial = await admin().put(`${cards}/order`, { cardDocumentIds: order.slice(1) });
    expect(partial.status).toBe(400);

    expect((await admin().delete(`${cards}/${greeting.body.data.documentId}`)).status).toBe(200);
    const after = await detail(documentId);
    expect(after.cards.map((c) => [c.documentId, c.position])).toEqual([[liveId, 0], [first.body.data.documentId, 1]]);
    const other = await createPlaybook('empty');
    expect((await admin().put(`/playbooks/${other.documentId}/cards/${liveId}`, { title: 'x' })).status).toBe(404);
  });
});

describe('A1: saving publishes exactly the draft', () => {
  it('makes the published version equal the draft, and removes deleted cards from it only on save', async () => {
    const playbook = await createPlaybook();
    const saved = await publish(playbook.documentId);
    expect(saved.status).toBe(200);
    expect(saved.body.data).toMatchObject({ published: true, hasDraftChanges: false });
    const flow = await runnable(playbook.documentId);
    expect(flow?.cards.map((c) => c.id)).toEqual(playbook.cards.map((c) => c.documentId));

    const [, live, , lead] = playbook.cards as PlaybookCard[];
    await admin().delete(`/playbooks/${playbook.documentId}/cards/${lead?.documentId}`);
    await admin().put(`/playbooks/${playbook.documentId}/cards/${live?.documentId}`, { waitTimeSeconds: 30 });
    expect((await detail(playbook.documentId)).hasDraftChanges).toBe(true);
    // Until the admin saves, visitors keep getting the published flow.
    expect((await runnable(playbook.documentId))?.cards).toHaveLength(5);

    expect((await publish(playbook.documentId)).body.data.hasDraftChanges).toBe(false);
    const republished = await runnable(playbook.documentId);
    const draft = await detail(playbook.documentId);
    expect(republished?.cards.map((c) => [c.id, c.kind, c.position])).toEqual(draft.cards.map((c) => [c.documentId, c.kind, c.position]));
    expect(republished?.cards.find((c) => c.kind === 'live_chat')?.waitTimeSeconds).toBe(30);
    expect(await app.strapi.db.query(uid('card')).count({ where: { documentId: lead?.documentId } })).toBe(0);
  });
});

describe('A3, A4, A6: a card that breaks the rules is refused with field errors and not stored', () => {
  let documentId: string;
  const cardCount = async () => (await detail(documentId)).cards.length;
  beforeAll(async () => {
    ({ documentId } = await createPlaybook('empty'));
  });

  it.each([
    ['a wait time of 5 seconds', liveChatCard({ waitTimeSeconds: 5 }), 'waitTimeSeconds'],
    ['a wait time of 100000 seconds', liveChatCard({ waitTimeSeconds: 100000 }), 'waitTimeSeconds'],
    ['an unknown kind', { kind: 'teleport' }, 'kind'],
    ['a reply button without a label', { kind: 'question', settings: { prompt: [], buttons: [{ id: 'b1', label: '' }] } }, 'settings.buttons.0.label'],
    ['an empty offline message', liveChatCard({ offlineMessage: [] }), 'offlineMessage'],
  ])('refuses %s', async (_, card, path) => {
    const response = await admin().post(`/playbooks/${documentId}/cards`, card);
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ status: 400, name: 'ValidationError' });
    expect(fieldErrors(response.body)).toContain(path);
    expect(await cardCount()).toBe(0);
  });

  it('refuses an edit that breaks the card and keeps the stored value', async () => {
    const added = await admin().post(`/playbooks/${documentId}/cards`, liveChatCard());
    const response = await admin().put(`/playbooks/${documentId}/cards/${added.body.data.documentId}`, { waitTimeSeconds: 5 });
    expect(fieldErrors(response.body)).toEqual(['waitTimeSeconds']);
    expect((await detail(documentId)).cards[0]?.waitTimeSeconds).toBe(300);
  });

  it('refuses to save a playbook whose card points at an unknown card, and publishes nothing', async () => {
    const { documentId: id } = await createPlaybook('empty');
    const card = await admin().post(`/playbooks/${id}/cards`, { kind: 'bot_message', settings: { message: [paragraph('Hi')], next: 'nosuchcard' } });
    expect(card.status).toBe(201);
    const response = await publish(id);
    expect(response.status).toBe(400);
    expect(fieldErrors(response.body)).toEqual([`cards.${card.body.data.documentId}.settings.next`]);
    expect((await detail(id)).published).toBe(false);
  });

  it('removes a javascript: link from the online message on save, keeping its text and the allowed markup (A4)', async () => {
    const onlineMessage = [
      { type: 'paragraph', children: [{ type: 'link', url: 'javascript:alert(1)', children: [{ type: 'text', text: 'click' }] }, { type: 'text', text: ' now', bold: true }] },
      { type: 'image', image: { url: 'https://cdn.example.com/team.png', alternativeText: 'Our team', width: 40, height: 20 }, children: [{ type: 'text', text: '' }] },
    ];
    const response = await admin().post(`/playbooks/${documentId}/cards`, liveChatCard({ onlineMessage }));
    expect(response.status).toBe(201);
    const expected = [
      { type: 'paragraph', children: [{ type: 'text', text: 'click' }, { type: 'text', text: ' now', bold: true }] },
      { type: 'image', image: { url: 'https://cdn.example.com/team.png', alternativeText: 'Our team', width: 40, height: 20 }, children: [{ type: 'text', text: '' }] },
    ];
    expect(response.body.data.onlineMessage).toEqual(expected);
    const stored = await app.strapi.db.query(uid('card')).findOne({ where: { documentId: response.body.data.documentId } });
    expect(JSON.stringify(stored.onlineMessage)).not.toContain('javascript');
    expect(stored.onlineMessage[0]).toEqual(expected[0]);
  });
});

describe('A2: who may read and who may write', () => {
  let manager: TestAdmin;
  let agent: TestAdmin;
  let neither: TestAdmin;
  beforeAll(async () => {
    manager = await createAdmin(app, ['managePlaybooks'], 'Manager');
    agent = await createAgent(app, 'Agent');
    neither = await createAdmin(app, ['manageNotificationSettings'], 'Neither');
  });

  type Request = [Method, string, object | undefined, number];
  /** Every write route with its success status, in an order that leaves each step something to act on. */
  const writes = (id: string, cardIds: string[]): Request[] => [
    ['put', `/playbooks/${id}`, { name: 'Renamed', targetUrlPatterns: ['/pricing*'] }, 200],
    ['put', `/playbooks/${id}/cards/order`, { cardDocumentIds: [...cardIds].reverse() }, 200],
    ['post', `/playbooks/${id}/cards`, liveChatCard(), 201],
    ['put', `/playbooks/${id}/cards/${cardIds[0]}`, { title: 'Hello' }, 200],
    ['post', `/playbooks/${id}/publish`, {}, 200],
    ['post', `/playbooks/${id}/unpublish`, {}, 200],
    ['delete', `/playbooks/${id}/cards/${cardIds[0]}`, undefined, 200],
    ['delete', `/playbooks/${id}`, undefined, 200],
  ];

  it.each(['super', 'manager'] as const)('lets a %s create, edit, save and delete playbooks and cards', async (who) => {
    const user = who === 'super' ? superAdmin : manager;
    const created = await call(user, 'post', '/playbooks', { name: 'Mine', template: 'live_chat' });
    expect(created.status).toBe(201);
    const { documentId, cards } = created.body.data as PlaybookDetail;
    expect((await call(user, 'get', `/playbooks/${documentId}`)).status).toBe(200);
    for (const [method, path, body, ok] of writes(documentId, cards.map((c) => c.documentId))) {
      expect([method, path, (await call(user, method, path, body)).status]).toEqual([method, path, ok]);
    }
    expect((await admin().get(`/playbooks/${documentId}`)).status).toBe(404);
  });

  it('lets an inbox-only agent read, and answers 403 to every write', async () => {
    const { documentId, cards } = await createPlaybook();
    expect((await call(agent, 'get', '/playbooks')).status).toBe(200);
    expect((await call(agent, 'get', `/playbooks/${documentId}`)).status).toBe(200);
    const requests: Request[] = [['post', '/playbooks', { name: 'Nope' }, 403], ...writes(documentId, cards.map((c) => c.documentId))];
    for (const [method, path, body] of requests) {
      const response = await call(agent, method, path, body);
      expect([method, path, response.status, response.body.error?.name]).toEqual([method, path, 403, 'PolicyError']);
    }
    expect(await detail(documentId)).toMatchObject({ name: 'Website', published: false, cardCount: 5 });
  });

  it('answers 403 to a role with neither permission, also for reading, and 401 without a session', async () => {
    const { documentId } = await createPlaybook();
    for (const path of ['/playbooks', `/playbooks/${documentId}`]) {
      expect((await call(neither, 'get', path)).status).toBe(403);
      expect((await call(null, 'get', path)).status).toBe(401);
    }
    expect((await call(null, 'post', '/playbooks', { name: 'Anon' })).status).toBe(401);
    expect((await call(neither, 'post', '/playbooks', { name: 'No' })).status).toBe(403);
  });
});

describe('A5: the Live Chat status follows where the widget is installed', () => {
  const install = (playbookDocumentId: string, hoursAgo: number, path = '/') =>
    app.strapi.db.query(uid('installation')).create({
      data: { playbookDocumentId, origin: 'https://shop.example.com', path, lastSeenAt: new Date(Date.now() - hoursAgo * 3_600_000) },
    });

  it('is offline only with no installation or a stale one, and online with a fresh one', async () => {
    const { documentId } = await createPlaybook();
    expect((await detail(documentId)).liveChat).toBe('offline_only');
    await install(documentId, 73, '/old'); // the default window is 72 hours
    expect(await detail(documentId)).toMatchObject({ liveChat: 'offline_only', installationCount: 1 });
    await install(documentId, 1, '/pricing');
    const fresh = await detail(documentId);
    expect(fresh).toMatchObject({ liveChat: 'online', installationCount: 2 });
    expect(fresh.installations.map((i) => [i.origin, i.path])).toEqual([['https://shop.example.com', '/pricing'], ['https://shop.example.com', '/old']]);
    expect(fresh.lastSeenAt).toBe(fresh.installations[0]?.lastSeenAt);
  });

  it('is offline only for an installed playbook without a Live Chat card', async () => {
    const { documentId } = await createPlaybook('empty');
    await install(documentId, 0);
    expect((await detail(documentId)).liveChat).toBe('offline_only');
  });
});

describe('A8: only a published, active playbook runs, on the pages it targets', () => {
  it('does not run a draft, an inactive or an unpublished playbook', async () => {
    const { documentId } = await createPlaybook();
    expect(await runnable(documentId)).toBeNull();
    await publish(documentId);
    expect(await runnable(documentId)).toMatchObject({ id: documentId, name: 'Website' });
    await admin().put(`/playbooks/${documentId}`, { active: false });
    expect(await runnable(documentId)).not.toBeNull(); // the change is a draft until saved
    await publish(documentId);
    expect(await runnable(documentId)).toBeNull();
    await admin().put(`/playbooks/${documentId}`, { active: true });
    await publish(documentId);
    await admin().post(`/playbooks/${documentId}/unpublish`);
    expect(await runnable(documentId)).toBeNull();
  });

  it('gives a page the published, active playbook with the most specific matching pattern', async () => {
    const target = await createPlaybook('live_chat', 'Pricing');
    await admin().put(`/playbooks/${target.documentId}`, { targetUrlPatterns: ['https://shop.test/pricing*'] });
    await publish(target.documentId);
    const unsaved = await createPlaybook('live_chat', 'Unsaved');
    await admin().put(`/playbooks/${unsaved.documentId}`, { targetUrlPatterns: ['https://shop.test/pricing/teams*'] });
    const page = (url: string): Promise<FlowPlaybook | null> => playbookService().findPlaybookForPage(url);
    expect((await page('https://shop.test/pricing/teams'))?.id).toBe(target.documentId);
    expect((await page('https://other.test/pricing'))?.id).not.toBe(target.documentId);
  });

  it('refuses invalid target URL patterns with a field error per pattern', async () => {
    const { documentId } = await createPlaybook('empty');
    const response = await admin().put(`/playbooks/${documentId}`, { targetUrlPatterns: ['/ok*', 'javascript:alert(1)'] });
    expect(response.status).toBe(400);
    expect(fieldErrors(response.body)).toEqual(['targetUrlPatterns.1']);
    const tooMany = await admin().put(`/playbooks/${documentId}`, { targetUrlPatterns: Array.from({ length: 21 }, (_, i) => `/p${i}`) });
    expect(fieldErrors(tooMany.body)).toEqual(['targetUrlPatterns']);
  });
});
