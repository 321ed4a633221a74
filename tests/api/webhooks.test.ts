import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { uid, WEBHOOK_EVENTS } from '../../plugins/live-chat/shared/constants';
import type { TimelineEntry } from '../../plugins/live-chat/shared/contracts/conversations';
import type { VisitorConversation } from '../../plugins/live-chat/shared/events';
import { bearer, createAdmin, createAgent, type TestAdmin } from '../harness/admin';
import { startConversation } from '../harness/fixtures';
import { connect, disconnectAll, listen, request, visitorToken } from '../harness/sockets';
import { bootStrapi, type TestApp } from '../harness/strapi';

/** F2: the plugin's events reach a webhook receiver once each, with the documented payload. */
interface Delivery {
  event: string;
  header: string | undefined;
  body: Record<string, unknown> & { conversation: { documentId: string; status: string } };
}

let app: TestApp;
let receiver: http.Server;
let deliveries: Delivery[];
let agent: TestAdmin;

beforeAll(async () => {
  deliveries = [];
  receiver = http.createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk) => (raw += chunk));
    request.on('end', () => {
      const body = JSON.parse(raw);
      deliveries.push({ event: body.event, header: request.headers['x-strapi-event'] as string, body });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  app = await bootStrapi();
  agent = await createAgent(app, 'Hook');
  const admin = await createAdmin(app, 'super', 'Owner');
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  const created = await app
    .http()
    .post('/admin/webhooks')
    .set(bearer(admin.token))
    .send({ name: 'CRM sync', url, headers: {}, events: Object.values(WEBHOOK_EVENTS) });
  expect(created.status).toBe(201);
});
afterAll(async () => {
  disconnectAll();
  await app.stop();
  await new Promise((resolve) => receiver.close(resolve));
});

async function waitForDeliveries(count: number) {
  const deadline = Date.now() + 10_000;
  while (deliveries.length < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
}

describe('F2 webhooks', () => {
  it('delivers created, assigned, message, lead, deal, unassigned and closed once each, in order, with the payload', async () => {
    const { documentId } = await startConversation(app, { name: 'Hooked Visitor', email: 'hooked@example.com' });
    const call = (method: 'post' | 'put', path: string, body: object = {}) =>
      app.http()[method](`/live-chat/conversations/${documentId}${path}`).set(bearer(agent.token)).send(body);
    expect((await call('post', '/assign')).status).toBe(200);
    expect((await call('post', '/messages', { clientId: 'hook-message-1', body: 'Hello from the inbox' })).status).toBe(201);
    await call('put', '/side-panel', { personEmail: 'hooked@example.com', dealValue: 10, dealCurrency: 'SEK' });
    expect((await call('post', '/leads')).status).toBe(201);
    expect((await call('post', '/deals')).status).toBe(201);
    expect((await call('post', '/reassign', { agentId: null })).status).toBe(200);
    expect((await call('post', '/close')).status).toBe(200);

    await waitForDeliveries(7);
    await new Promise((resolve) => setTimeout(resolve, 300)); // a duplicate would arrive by now
    expect(deliveries.map((delivery) => delivery.event)).toEqual([
      'live-chat.conversation.created',
      'live-chat.conversation.assigned',
      'live-chat.message.created',
      'live-chat.lead.created',
      'live-chat.deal.created',
      'live-chat.conversation.unassigned',
      'live-chat.conversation.closed',
    ]);
    for (const delivery of deliveries) {
      expect(delivery.header).toBe(delivery.event);
      expect(delivery.body.conversation.documentId).toBe(documentId);
      expect(typeof delivery.body.createdAt).toBe('string');
    }
    expect(deliveries[0].body).toMatchObject({
      conversation: { status: 'unassigned', visitor: { name: 'Hooked Visitor', email: 'hooked@example.com' } },
      actor: null,
    });
    expect(deliveries[1].body).toMatchObject({ conversation: { status: 'assigned', assignee: { id: agent.id } }, actor: { id: agent.id } });
    expect(deliveries[2].body).toMatchObject({
      message: { seq: 3, clientId: 'hook-message-1', body: 'Hello from the inbox', authorKind: 'agent' },
      actor: { id: agent.id },
    });
    expect(deliveries[3].body).toMatchObject({ lead: { documentId: expect.any(String), title: expect.any(String) } });
    expect(deliveries[4].body).toMatchObject({ deal: { documentId: expect.any(String) } });
    expect(deliveries[6].body).toMatchObject({ conversation: { status: 'closed', closedAt: expect.any(String) } });
  });

  it("sends a visitor's message with its conversation as stored: the summary the inbox API shows", async () => {
    // On PostgreSQL the visitor's message and its conversation come from one statement; the
    // conversation must still carry the visitor's and the agent's names and the new counters.
    const visitor = await connect(await listen(app), 'visitor', await visitorToken(app));
    const started = await request<VisitorConversation>(visitor, 'conversation:start', {});
    if (!started.ok) throw new Error(started.error.message);
    const { documentId } = started.data;
    const row = await app.strapi.db.query(uid('conversation')).findOne({ where: { documentId }, populate: ['visitor'] });
    await app.strapi.db.query(uid('visitor')).update({ where: { id: row.visitor.id }, data: { name: 'Grace Visitor', email: 'grace@example.com' } });
    expect((await app.http().post(`/live-chat/conversations/${documentId}/assign`).set(bearer(agent.token))).status).toBe(200);
    deliveries = [];

    const sent = await request<TimelineEntry>(visitor, 'message:send', { clientId: 'hook-visitor-0001', body: 'Hello from the widget' });
    expect(sent).toMatchObject({ ok: true, data: { authorKind: 'visitor', body: 'Hello from the widget' } });
    await waitForDeliveries(1);
    const detail = await app.http().get(`/live-chat/conversations/${documentId}`).set(bearer(agent.token));
    const { sidePanel, person, organization, visitorReadSeq, agentReadSeq, allowedActions, ...summary } = detail.body.data;

    expect(deliveries.map((delivery) => delivery.event)).toEqual(['live-chat.message.created']);
    expect(deliveries[0].body).toMatchObject({ message: { clientId: 'hook-visitor-0001', seq: summary.lastMessageSeq }, actor: null });
    expect(deliveries[0].body.conversation).toEqual(summary);
    expect(summary).toMatchObject({
      status: 'assigned',
      assignee: { id: agent.id, name: expect.stringContaining('Hook') },
      visitor: { name: 'Grace Visitor', email: 'grace@example.com' },
      lastMessagePreview: 'Hello from the widget',
    });
  });
});
