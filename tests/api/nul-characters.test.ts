import { uid } from '../../plugins/live-chat/shared/constants';
import { bearer, createAdmin, createAgent, createApiToken, type TestAdmin } from '../harness/admin';
import { startConversation } from '../harness/fixtures';
import { bootStrapi, type TestApp } from '../harness/strapi';

/**
 * F4: U+0000 in any text is a 400 in Strapi's error shape on every route, never a 500. (PostgreSQL
 * cannot store the character in text or jsonb and fails the whole statement; SQLite would store it.
 * Rich text loses it to the sanitizer and is not refused.)
 */
let app: TestApp;
let owner: TestAdmin;
let agent: TestAdmin;
let apiToken: string;
let playbookId: string;
let conversationId: string;
let visitorToken: string;
const NUL = 'a\u0000b';

beforeAll(async () => {
  app = await bootStrapi();
  owner = await createAdmin(app, 'super', 'Owner');
  agent = await createAgent(app, 'Ada');
  apiToken = await createApiToken(app);
  playbookId = (await app.http().post('/live-chat/playbooks').set(bearer(owner.token)).send({ name: 'Shop', template: 'live_chat' })).body.data.documentId;
  conversationId = (await startConversation(app)).documentId;
  await app.http().post(`/live-chat/conversations/${conversationId}/assign`).set(bearer(agent.token));
  visitorToken = (await app.http().post('/live-chat/widget/session').send({})).body.data.token;
});
afterAll(async () => {
  await app.stop();
});

type Call = () => ReturnType<ReturnType<TestApp['http']>['get']>;
const admin = (who: () => TestAdmin) => ({
  post: (url: string, body: object) => () => app.http().post(url).set(bearer(who().token)).send(body),
  put: (url: string, body: object) => () => app.http().put(url).set(bearer(who().token)).send(body),
  get: (url: string) => () => app.http().get(url).set(bearer(who().token)),
});
const asOwner = admin(() => owner);
const asAgent = admin(() => agent);

const cases: Array<[string, Call]> = [
  ['playbook name', () => asOwner.post('/live-chat/playbooks', { name: NUL, template: 'live_chat' })()],
  ['card button label', () => asOwner.post(`/live-chat/playbooks/${playbookId}/cards`, { kind: 'question', title: 'Q', settings: { prompt: [{ type: 'paragraph', children: [{ type: 'text', text: 'x' }] }], buttons: [{ id: 'b', label: NUL }] } })()],
  ['card setting text', () => asOwner.post(`/live-chat/playbooks/${playbookId}/cards`, { kind: 'create_lead', title: 'L', settings: { title: NUL } })()],
  ['URL pattern', () => asOwner.put(`/live-chat/playbooks/${playbookId}`, { targetUrlPatterns: [`/x${NUL}`] })()],
  ['side panel', () => asAgent.put(`/live-chat/conversations/${conversationId}/side-panel`, { organizationAddress: NUL })()],
  ['lead title', () => asAgent.post(`/live-chat/conversations/${conversationId}/leads`, { title: NUL })()],
  ['inbox search', () => asAgent.get(`/live-chat/conversations?search=${encodeURIComponent(NUL)}`)()],
  ['widget identify', () => app.http().post('/live-chat/widget/identify').set(bearer(visitorToken)).send({ name: NUL })],
  ['widget session page', () => app.http().post('/live-chat/widget/session').send({ page: `https://shop.example/${NUL}` })],
  ['widget session title', () => app.http().post('/live-chat/widget/session').send({ page: 'https://shop.example/', title: `A${NUL}B` })],
  ['widget page view', () => app.http().post('/live-chat/widget/page').set('Authorization', `Bearer ${visitorToken}`).send({ page: `https://shop.example/${NUL}` })],
  ['widget flow capture', () => app.http().post('/live-chat/widget/flow').set(bearer(visitorToken)).send({ playbookDocumentId: playbookId, input: { type: 'capture', values: { name: NUL } } })],
  ['content API create', () => app.http().post('/api/live-chat/leads').set(bearer(apiToken)).send({ data: { title: NUL } })],
  ['content API filter', () => app.http().get(`/api/live-chat/persons?filters[name][$eq]=${encodeURIComponent(NUL)}`).set(bearer(apiToken))],
  ['content API action', () => app.http().post(`/api/live-chat/conversations/${conversationId}/leads`).set(bearer(apiToken)).send({ data: { actingAgentId: agent.id, title: NUL } })],
];

describe('F4 a NUL character anywhere', () => {
  it.each(cases)('%s: 400 in Strapi error shape', async (_name, call) => {
    const response = await call();
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ data: null, error: { status: 400, name: 'ValidationError' } });
  });

  it('rich text is not refused: its sanitizer strips the character on save (A4)', async () => {
    const cards = (await app.http().get(`/live-chat/playbooks/${playbookId}`).set(bearer(owner.token))).body.data.cards;
    const live = cards.find((card: { kind: string }) => card.kind === 'live_chat');
    const saved = await app
      .http()
      .put(`/live-chat/playbooks/${playbookId}/cards/${live.documentId}`)
      .set(bearer(owner.token))
      .send({ onlineMessage: [{ type: 'paragraph', children: [{ type: 'text', text: `Hello${NUL}` }] }] });
    expect(saved.status).toBe(200);
    expect(JSON.stringify(saved.body.data.onlineMessage)).toContain('"text":"Helloab"');
  });

  it('stored nothing', async () => {
    for (const type of ['lead', 'person', 'playbook'] as const) {
      const rows: Array<Record<string, unknown>> = await app.strapi.db.query(uid(type)).findMany({});
      expect(rows.filter((row) => JSON.stringify(row).includes('\\u0000'))).toEqual([]);
    }
  });
});
