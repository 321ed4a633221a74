import type { Socket } from 'socket.io-client';
import type { AgentNotification, VisitorConversation } from '../../plugins/live-chat/shared/events';
import { bearer, createAdmin, createAgent, type TestAdmin } from '../harness/admin';
import { startConversation } from '../harness/fixtures';
import { connect, disconnectAll, listen, nextEvent, request, visitorToken } from '../harness/sockets';
import { bootStrapi, type TestApp } from '../harness/strapi';

/**
 * The admin API the side panel and the notification settings page need beyond the inbox core:
 * the records a conversation is linked to (C2), reading the company switches with the settings
 * permission alone (D3), and the visitor's name in notifications so the inbox can word them (E5).
 */
let app: TestApp;
let url: string;
let ada: TestAdmin;
let bjorn: TestAdmin;

beforeAll(async () => {
  app = await bootStrapi();
  url = await listen(app);
  ada = await createAgent(app, 'Ada');
  bjorn = await createAgent(app, 'Bjorn');
});
afterAll(async () => {
  disconnectAll();
  await app.stop();
});

const as = (agent: TestAdmin) => ({
  get: (path: string) => app.http().get(`/live-chat${path}`).set(bearer(agent.token)),
  post: (path: string, body: object = {}) => app.http().post(`/live-chat${path}`).set(bearer(agent.token)).send(body),
  put: (path: string, body: object) => app.http().put(`/live-chat${path}`).set(bearer(agent.token)).send(body),
});

describe('C2 GET /conversations/:documentId/crm-records', () => {
  it('lists nothing before a lead or deal exists', async () => {
    const { documentId } = await startConversation(app);
    const response = await as(ada).get(`/conversations/${documentId}/crm-records`);
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({ person: null, organization: null, leads: [], deals: [] });
  });

  it('lists the linked person, organization, leads and deals, oldest first, also after close (B8)', async () => {
    const { documentId } = await startConversation(app);
    await as(ada).post(`/conversations/${documentId}/assign`);
    const saved = await as(ada).put(`/conversations/${documentId}/side-panel`, {
      personName: 'Grace Hopper',
      personEmail: 'grace@example.com',
      organizationName: 'Navy Labs',
      dealValue: 5000,
      dealCurrency: 'USD',
    });
    expect(saved.status).toBe(200);
    const lead = await as(ada).post(`/conversations/${documentId}/leads`, { title: 'Grace lead' });
    expect(lead.status).toBe(201);
    await as(ada).post(`/conversations/${documentId}/close`);
    const deal = await as(ada).post(`/conversations/${documentId}/deals`, { title: 'Grace deal' });
    expect(deal.status).toBe(201);

    const response = await as(ada).get(`/conversations/${documentId}/crm-records`);
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({
      person: { documentId: lead.body.data.person.documentId, name: 'Grace Hopper' },
      organization: { documentId: lead.body.data.organization.documentId, name: 'Navy Labs' },
      leads: [{ kind: 'lead', documentId: lead.body.data.documentId, title: 'Grace lead', createdAt: expect.any(String) }],
      deals: [{ kind: 'deal', documentId: deal.body.data.documentId, title: 'Grace deal', createdAt: expect.any(String) }],
    });
  });

  it('answers a deal value without a currency with 400 naming dealCurrency, and creates nothing (C2, F4)', async () => {
    const { documentId } = await startConversation(app);
    await as(ada).post(`/conversations/${documentId}/assign`);
    expect((await as(ada).put(`/conversations/${documentId}/side-panel`, { personName: 'No Currency', dealValue: 900 })).status).toBe(200);
    for (const kind of ['leads', 'deals']) {
      const refused = await as(ada).post(`/conversations/${documentId}/${kind}`, { title: 'Priceless' });
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({
        data: null,
        error: { status: 400, name: 'ValidationError', details: { errors: [{ path: ['dealCurrency'], message: expect.stringContaining('currency') }] } },
      });
    }
    const records = await as(ada).get(`/conversations/${documentId}/crm-records`);
    expect(records.body.data).toEqual({ person: null, organization: null, leads: [], deals: [] });
  });

  it('answers 404 to an agent who may not see the conversation (B6), 400 to a malformed id', async () => {
    const { documentId } = await startConversation(app);
    await as(ada).post(`/conversations/${documentId}/assign`);
    await as(ada).post(`/conversations/${documentId}/leads`, { title: 'Hidden lead' });
    const hidden = await as(bjorn).get(`/conversations/${documentId}/crm-records`);
    expect(hidden.status).toBe(404);
    expect(JSON.stringify(hidden.body)).not.toContain('Hidden lead');
    expect((await as(ada).get('/conversations/NOT-AN-ID!/crm-records')).status).toBe(400);
  });

  it('is refused to admins without the inbox permission', async () => {
    const { documentId } = await startConversation(app);
    const editor = await createAdmin(app, ['managePlaybooks'], 'Editor');
    expect((await as(editor).get(`/conversations/${documentId}/crm-records`)).status).toBe(403);
  });
});

describe('D3 reading the company notification switches', () => {
  it('is allowed with the settings permission alone, as well as to agents', async () => {
    const manager = await createAdmin(app, ['manageNotificationSettings'], 'Manager');
    const read = await as(manager).get('/settings/notifications');
    expect(read.status).toBe(200);
    expect(read.body.data).toEqual({ conversationUnassigned: true, conversationAssignedToMe: true, messageInMyConversation: true, sound: false });
    expect((await as(manager).put('/settings/notifications', { messageInMyConversation: false })).status).toBe(200);
    expect((await as(ada).get('/settings/notifications')).body.data.messageInMyConversation).toBe(false);
    await as(manager).put('/settings/notifications', { messageInMyConversation: true });
  });

  it('is refused to admins with neither permission, and "My notifications" stays an agent thing', async () => {
    const editor = await createAdmin(app, ['managePlaybooks'], 'Editor');
    expect((await as(editor).get('/settings/notifications')).status).toBe(403);
    const manager = await createAdmin(app, ['manageNotificationSettings'], 'Manager');
    expect((await as(manager).get('/me/notifications')).status).toBe(403);
  });
});

describe('E5 notifications carry the visitor name', () => {
  it('sends visitorName with each notification so the inbox can word it in the agent\'s language', async () => {
    const adaSocket: Socket = await connect(url, 'agent', ada.token);
    const unassigned = nextEvent<AgentNotification>(adaSocket, 'notification', (n) => n.kind === 'conversationUnassigned');
    const visitor = await connect(url, 'visitor', await visitorToken(app));
    const started = await request<VisitorConversation>(visitor, 'conversation:start', {});
    if (!started.ok) throw new Error('start failed');
    const notification = await unassigned;
    // Issue 14: nobody named this visitor: the inbox words the list's "Visitor #<id>" label.
    expect(notification).toMatchObject({ documentId: started.data.documentId, visitorName: null, visitorNumber: expect.any(Number) });
    expect(notification.body).toBe(`Visitor #${notification.visitorNumber} is waiting in Unassigned`);

    const named = await startConversation(app, { name: 'Vera Visitor' });
    const bjornSocket: Socket = await connect(url, 'agent', bjorn.token);
    const assigned = nextEvent<AgentNotification>(bjornSocket, 'notification', (n) => n.kind === 'conversationAssignedToMe');
    await as(ada).post(`/conversations/${named.documentId}/assign`);
    await as(ada).post(`/conversations/${named.documentId}/reassign`, { agentId: bjorn.id });
    expect(await assigned).toMatchObject({ documentId: named.documentId, visitorName: 'Vera Visitor', visitorNumber: null });
  });
});
