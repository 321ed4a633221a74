import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WEBHOOK_EVENTS, uid } from '../../plugins/live-chat/shared/constants';
import type { TimelineEntry } from '../../plugins/live-chat/shared/contracts/conversations';
import { bearer, createAdmin, createAgent, createApiToken, type TestAdmin } from '../harness/admin';
import { startConversation } from '../harness/fixtures';
import { bootStrapi, type TestApp } from '../harness/strapi';

/**
 * G3 over HTTP: an internal note is written by an agent who may see the chat (B6), through the
 * admin API and the content API's send action; integrations (content API, webhooks) receive it
 * flagged; the widget's routes never answer it; an agent who may not see the chat is refused and
 * nothing is stored.
 */
let app: TestApp;
let ada: TestAdmin;
let bjorn: TestAdmin;
let owner: TestAdmin;
let receiver: http.Server;
const deliveries: Array<{ event: string; message?: TimelineEntry & { internal: boolean } }> = [];

beforeAll(async () => {
  receiver = http.createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk) => (raw += chunk));
    request.on('end', () => {
      deliveries.push(JSON.parse(raw));
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  app = await bootStrapi();
  ada = await createAgent(app, 'Ada');
  bjorn = await createAgent(app, 'Bjorn');
  owner = await createAdmin(app, 'super', 'Owner');
  const hook = await app
    .http()
    .post('/admin/webhooks')
    .set(bearer(owner.token))
    .send({ name: 'CRM', url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`, headers: {}, events: Object.values(WEBHOOK_EVENTS) });
  expect(hook.status).toBe(201);
});
afterAll(async () => {
  await app.stop();
  await new Promise((resolve) => receiver.close(resolve));
});

const send = (agent: TestAdmin, documentId: string, body: object) =>
  app.http().post(`/live-chat/conversations/${documentId}/messages`).set(bearer(agent.token)).send(body);
const note = (clientId: string, body: string) => ({ clientId, body, audience: 'agents' });
const storedMessages = () => app.strapi.db.query(uid('message')).count();

/** A visitor (with a widget token) in a chat Ada took. */
async function adasChat() {
  const session = await app.http().post('/live-chat/widget/session').send({});
  const token = session.body.data.token as string;
  const visitor = await app.strapi.plugin('live-chat').service('visitors').fromToken(token);
  const record = await app.strapi.plugin('live-chat').service('conversations').start({ visitorId: visitor.id, waitTimeSeconds: 120 });
  expect((await app.http().post(`/live-chat/conversations/${record.documentId}/assign`).set(bearer(ada.token))).status).toBe(200);
  return { token, documentId: record.documentId as string };
}

describe('G3 internal notes over HTTP', () => {
  it('are stored for agents only, answered once per clientId, and leave the list preview alone', async () => {
    const { documentId } = await adasChat();
    expect((await send(ada, documentId, { clientId: 'reply-note-0001', body: 'Hello Vera' })).status).toBe(201);

    const written = await send(ada, documentId, note('note-http-0001', 'VIP customer, be nice'));
    expect(written.status).toBe(201);
    expect(written.body.data).toMatchObject({ authorKind: 'agent', authorName: 'Ada Tester', body: 'VIP customer, be nice', audience: 'agents', transcript: null });
    const retried = await send(ada, documentId, note('note-http-0001', 'VIP customer, be nice'));
    expect(retried.status).toBe(200);
    expect(retried.body.data.seq).toBe(written.body.data.seq);

    const detail = await app.http().get(`/live-chat/conversations/${documentId}`).set(bearer(ada.token));
    expect(detail.body.data).toMatchObject({ lastMessagePreview: 'Hello Vera', lastMessageSeq: written.body.data.seq });
    const timeline = await app.http().get(`/live-chat/conversations/${documentId}/messages`).set(bearer(ada.token));
    expect(timeline.body.data.filter((entry: TimelineEntry) => entry.audience === 'agents' && entry.kind === 'text').map((entry: TimelineEntry) => entry.body)).toEqual([
      'VIP customer, be nice',
    ]);
  });

  it('may be written by every agent who may see the chat, assignee or not, also once it is closed', async () => {
    const unassigned = await startConversation(app);
    expect((await send(bjorn, unassigned.documentId, note('note-unassigned-1', 'Looks like spam'))).status).toBe(201);
    const { documentId } = await adasChat();
    // The super admin sees every chat (LIVE_CHAT_SUPER_ADMIN_SEES_ALL) without holding it.
    expect((await send(owner, documentId, note('note-super-0001', 'Ada, call them back'))).status).toBe(201);
    expect((await app.http().post(`/live-chat/conversations/${documentId}/close`).set(bearer(ada.token))).status).toBe(200);
    expect((await send(ada, documentId, note('note-closed-001', 'Followed up by phone'))).status).toBe(201);
    // …while a reply stays the assignee's, and never goes into a closed chat.
    expect((await send(ada, documentId, { clientId: 'reply-closed-01', body: 'Bye' })).status).toBe(409);
  });

  it('refuses an agent who may not see the chat (404) and bad input (400), storing nothing', async () => {
    const { documentId } = await adasChat();
    const before = await storedMessages();
    const hidden = await send(bjorn, documentId, note('note-hidden-001', 'Sneaky'));
    expect(hidden.status).toBe(404);
    expect(hidden.body).toMatchObject({ data: null, error: { status: 404, name: 'NotFoundError' } });
    const bad = await send(ada, documentId, { clientId: 'note-bad-00001', body: 'x', audience: 'visitor' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors.map((error: { path: string[] }) => error.path.join('.'))).toEqual(['audience']);
    const noAdmin = await app.http().post(`/live-chat/conversations/${documentId}/messages`).send(note('note-anon-00001', 'x'));
    expect(noAdmin.status).toBe(401);
    expect(await storedMessages()).toBe(before);
  });

  it('reach integrations flagged: the content API (read and the send action) and webhooks', async () => {
    const { documentId } = await adasChat();
    const fullToken = await createApiToken(app, 'full-access');
    const viaApi = await app
      .http()
      .post(`/api/live-chat/conversations/${documentId}/messages`)
      .set(bearer(fullToken))
      .send({ data: { actingAgentId: ada.id, clientId: 'note-api-000001', body: 'Logged by the CRM', audience: 'agents' } });
    expect(viaApi.status).toBe(201);
    expect(viaApi.body.data).toMatchObject({ audience: 'agents', body: 'Logged by the CRM' });
    const asBjorn = await app
      .http()
      .post(`/api/live-chat/conversations/${documentId}/messages`)
      .set(bearer(fullToken))
      .send({ data: { actingAgentId: bjorn.id, clientId: 'note-api-000002', body: 'Not mine', audience: 'agents' } });
    expect(asBjorn.status).toBe(404);
    expect((await send(ada, documentId, { clientId: 'reply-api-00001', body: 'Public answer' })).status).toBe(201);

    const readToken = await createApiToken(app, 'read-only');
    const listed = await app
      .http()
      .get(`/api/live-chat/messages?filters[conversation][documentId][$eq]=${documentId}&filters[kind][$eq]=text&sort=seq:asc`)
      .set(bearer(readToken));
    expect(listed.status).toBe(200);
    expect(listed.body.data.map((message: { body: string; audience: string }) => [message.body, message.audience])).toEqual([
      ['Logged by the CRM', 'agents'],
      ['Public answer', 'everyone'],
    ]);
    const publicOnly = await app
      .http()
      .get(`/api/live-chat/messages?filters[conversation][documentId][$eq]=${documentId}&filters[audience][$eq]=everyone&filters[kind][$eq]=text`)
      .set(bearer(readToken));
    expect(publicOnly.body.data.map((message: { body: string }) => message.body)).toEqual(['Public answer']);

    const deadline = Date.now() + 10_000;
    const messageDeliveries = () => deliveries.filter((delivery) => delivery.event === 'live-chat.message.created' && delivery.message?.clientId.includes('-api-'));
    while (messageDeliveries().length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(messageDeliveries().map((delivery) => [delivery.message?.body, delivery.message?.audience, delivery.message?.internal])).toEqual([
      ['Logged by the CRM', 'agents', true],
      ['Public answer', 'everyone', false],
    ]);
  });

  it('never come back from the widget\'s routes (session, flow, identify)', async () => {
    const { token, documentId } = await adasChat();
    expect((await send(ada, documentId, note('note-widget-0001', 'SECRET-NOTE-TEXT'))).status).toBe(201);
    const answers = [
      await app.http().post('/live-chat/widget/session').send({ token }),
      await app.http().post('/live-chat/widget/flow').set(bearer(token)).send({ page: 'https://nowhere.example/', input: { type: 'start' } }),
      await app.http().post('/live-chat/widget/identify').set(bearer(token)).send({ name: 'Vera' }),
    ];
    expect(answers[0].body.data.conversation).toMatchObject({ documentId });
    for (const answer of answers) expect(JSON.stringify(answer.body)).not.toContain('SECRET-NOTE-TEXT');
    expect(JSON.stringify(answers[0].body)).not.toContain('note-widget-0001');
  });
});
