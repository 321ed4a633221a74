import { uid } from '../../plugins/live-chat/shared/constants';
import { bearer, createAdmin, createAgent, type TestAdmin } from '../harness/admin';
import { bootStrapi, type TestApp } from '../harness/strapi';

/** A7 end to end over HTTP: the widget's steps through the Live Chat template, offline and online. */
let app: TestApp;
let owner: TestAdmin;
let playbookId: string;

beforeAll(async () => {
  app = await bootStrapi();
  owner = await createAdmin(app, 'super', 'Owner');
  const created = await app.http().post('/live-chat/playbooks').set(bearer(owner.token)).send({ name: 'Shop', template: 'live_chat' });
  playbookId = created.body.data.documentId;
  const activity = await app
    .http()
    .post(`/live-chat/playbooks/${playbookId}/cards`)
    .set(bearer(owner.token))
    // Before the template's closing thank-you card, which ends the flow.
    .send({ kind: 'create_activity', title: 'Follow up', position: 4, settings: { subject: 'Call the visitor back', type: 'call' } });
  expect(activity.status).toBe(201);
  expect((await app.http().post(`/live-chat/playbooks/${playbookId}/publish`).set(bearer(owner.token))).status).toBe(200);
});
afterAll(async () => {
  await app.stop();
});

async function newVisitor() {
  const session = await app.http().post('/live-chat/widget/session').send({});
  return session.body.data.token as string;
}

const step = (token: string, input: object, extra: object = {}) =>
  app
    .http()
    .post('/live-chat/widget/flow')
    .set(bearer(token))
    .send({ playbookDocumentId: playbookId, page: 'https://shop.example/pricing', input, ...extra });

const count = (name: 'person' | 'lead' | 'deal' | 'activity' | 'conversation') => app.strapi.db.query(uid(name)).count();

describe('A7 offline path: nobody online', () => {
  it('shows the offline message, captures the visitor, and creates person, lead and activity exactly once', async () => {
    const token = await newVisitor();
    const started = await step(token, { type: 'start' });
    expect(started.status).toBe(200);
    expect(started.body.data.show.map((item: { kind: string }) => item.kind)).toEqual(['message', 'live_chat_offline', 'capture']);
    expect(started.body.data).toMatchObject({ awaiting: 'capture', phase: 'offline', conversationDocumentId: null });

    const invalid = await step(token, { type: 'capture', values: { name: 'Vera', email: 'not-an-email' } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.details.errors.map((e: { path: string[] }) => e.path.join('.'))).toContain('values.email');
    expect(await count('lead')).toBe(0);

    const answered = await step(token, { type: 'capture', values: { name: 'Vera Visitor', email: 'Vera@Shop.example' } });
    expect(answered.status).toBe(200);
    expect(answered.body.data.awaiting).toBe('end');
    expect(await count('person')).toBe(1);
    expect(await count('lead')).toBe(1);
    expect(await count('activity')).toBe(1);
    const lead = await app.strapi.db.query(uid('lead')).findOne({ populate: ['person'] });
    expect(lead).toMatchObject({ source: 'playbook', person: { email: 'vera@shop.example', name: 'Vera Visitor' } });

    // Submitting again (a double click, a retry) creates nothing more.
    const again = await step(token, { type: 'capture', values: { name: 'Vera Visitor', email: 'Vera@Shop.example' } });
    expect(again.status).toBe(409);
    expect(await count('lead')).toBe(1);
    expect(await count('activity')).toBe(1);
  });

  it('runs the effects of one step once even when it is submitted twice at the same moment', async () => {
    const token = await newVisitor();
    await step(token, { type: 'start' });
    const leadsBefore = await count('lead');
    const values = { name: 'Twin', email: 'twin@shop.example' };
    const [first, second] = await Promise.all([step(token, { type: 'capture', values }), step(token, { type: 'capture', values })]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    expect((await count('lead')) - leadsBefore).toBe(1);
  });

  it('records where the widget runs (A5): the page shows in the playbook, and its status is online', async () => {
    const detail = await app.http().get(`/live-chat/playbooks/${playbookId}`).set(bearer(owner.token));
    expect(detail.body.data.installations).toEqual(
      expect.arrayContaining([expect.objectContaining({ origin: 'https://shop.example', path: '/pricing' })]),
    );
    expect(detail.body.data.liveChat).toBe('online');
  });
});

describe('B1 online path: an agent is online', () => {
  it('shows the online message and opens a conversation in Unassigned', async () => {
    const agent = await createAgent(app, 'Ada');
    await app.http().put('/live-chat/availability').set(bearer(agent.token)).send({ availability: 'online' });
    const conversationsBefore = await count('conversation');
    const token = await newVisitor();
    const started = await step(token, { type: 'start' });
    expect(started.status).toBe(200);
    expect(started.body.data.show.map((item: { kind: string }) => item.kind)).toEqual(['message', 'live_chat_online']);
    expect(started.body.data).toMatchObject({ awaiting: 'agent', phase: 'waiting_for_agent', conversationDocumentId: expect.any(String) });
    expect(await count('conversation')).toBe(conversationsBefore + 1);
    const list = await app.http().get('/live-chat/conversations?folder=unassigned').set(bearer(agent.token));
    expect(list.body.data.map((row: { documentId: string }) => row.documentId)).toContain(started.body.data.conversationDocumentId);
  });
});

describe('B9 the wait runs out', () => {
  it('refuses an early wait_expired, but not once the server marked the chat missed (its clock is the authority)', async () => {
    const agent = await createAgent(app, 'Bo');
    await app.http().put('/live-chat/availability').set(bearer(agent.token)).send({ availability: 'online' });
    const token = await newVisitor();
    const started = await step(token, { type: 'start' });
    expect(started.body.data).toMatchObject({ awaiting: 'agent', conversationDocumentId: expect.any(String) });
    const early = await step(token, { type: 'wait_expired' });
    expect(early.status).toBe(409);
    expect(early.body.error.details).toEqual({ code: 'unexpected_input' });

    // The sweeper (on a node whose clock runs ahead) marks the chat missed before the flow's deadline.
    await app.strapi.db
      .query(uid('conversation'))
      .update({ where: { documentId: started.body.data.conversationDocumentId }, data: { missedAt: new Date() } });
    const offline = await step(token, { type: 'wait_expired' });
    expect(offline.status).toBe(200);
    expect(offline.body.data.show.map((item: { kind: string }) => item.kind)).toContain('live_chat_offline');
    await app.http().put('/live-chat/availability').set(bearer(agent.token)).send({ availability: 'offline' });
  });
});

describe('bad flow requests', () => {
  it('needs a visitor token, a known playbook and a valid input', async () => {
    expect((await app.http().post('/live-chat/widget/flow').send({ playbookDocumentId: playbookId, input: { type: 'start' } })).status).toBe(401);
    const token = await newVisitor();
    expect((await step(token, { type: 'start' }, { playbookDocumentId: 'abcdefghijklmnopqrstuvwx' })).status).toBe(404);
    expect((await step(token, { type: 'teleport' })).status).toBe(400);
    expect((await step(token, { type: 'button', buttonId: 'x' })).status).toBe(409);
  });
});
