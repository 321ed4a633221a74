import type { Socket } from 'socket.io-client';
import type { AgentNotification, VisitorConversation } from '../../plugins/live-chat/shared/events';
import { bearer, createAdmin, createAgent, type TestAdmin } from '../harness/admin';
import { connect, disconnectAll, listen, nextEvent, record, request, settle, visitorToken } from '../harness/sockets';
import { bootStrapi, type TestApp } from '../harness/strapi';

/** D2/D3 notifications, B2 presence and B9 missed chats as agents and visitors live them. */
let app: TestApp;
let url: string;
let ada: TestAdmin;
let bjorn: TestAdmin;
let adaSocket: Socket;
let bjornSocket: Socket;

beforeAll(async () => {
  app = await bootStrapi({ env: { LIVE_CHAT_PRESENCE_GRACE_MS: '300' } });
  url = await listen(app);
  ada = await createAgent(app, 'Ada');
  bjorn = await createAgent(app, 'Bjorn');
  adaSocket = await connect(url, 'agent', ada.token);
  bjornSocket = await connect(url, 'agent', bjorn.token);
});
afterAll(async () => {
  disconnectAll();
  await app.stop();
});

async function visitorChat() {
  const visitor = await connect(url, 'visitor', await visitorToken(app));
  const started = await request<VisitorConversation>(visitor, 'conversation:start', {});
  if (!started.ok) throw new Error('start failed');
  return { visitor, documentId: started.data.documentId };
}

const put = (agent: TestAdmin, path: string, body: object) => app.http().put(`/live-chat${path}`).set(bearer(agent.token)).send(body);

describe('D2 notifications', () => {
  it('notifies every agent of a new unassigned chat, the assignee of an assignment and of visitor messages', async () => {
    const adaNew = nextEvent<AgentNotification>(adaSocket, 'notification', (n) => n.kind === 'conversationUnassigned');
    const bjornNew = nextEvent<AgentNotification>(bjornSocket, 'notification', (n) => n.kind === 'conversationUnassigned');
    const { visitor, documentId } = await visitorChat();
    expect(await adaNew).toMatchObject({ documentId, title: 'New conversation' });
    expect((await bjornNew).documentId).toBe(documentId);

    const toBjorn = nextEvent<AgentNotification>(bjornSocket, 'notification', (n) => n.kind === 'conversationAssignedToMe');
    await app.http().post(`/live-chat/conversations/${documentId}/assign`).set(bearer(ada.token));
    await app.http().post(`/live-chat/conversations/${documentId}/reassign`).set(bearer(ada.token)).send({ agentId: bjorn.id });
    expect((await toBjorn).documentId).toBe(documentId);

    const adaNotes = record<AgentNotification>(adaSocket, 'notification');
    const message = nextEvent<AgentNotification>(bjornSocket, 'notification', (n) => n.kind === 'messageInMyConversation');
    await request(visitor, 'message:send', { clientId: 'notify-me-0001', body: 'Are you there?' });
    expect(await message).toMatchObject({ documentId, body: 'Are you there?' });
    await settle();
    // Ada no longer sees the chat: she is told nothing about it (B6).
    expect(adaNotes.filter((n) => n.documentId === documentId)).toEqual([]);
  });

  it('honours the company switch and each agent\'s own switch (D3)', async () => {
    const owner = await createAdmin(app, 'super', 'Owner');
    expect((await put(owner, '/settings/notifications', { conversationUnassigned: false })).status).toBe(200);
    const silenced = record<AgentNotification>(adaSocket, 'notification');
    await visitorChat();
    await settle();
    expect(silenced.filter((n) => n.kind === 'conversationUnassigned')).toEqual([]);
    await put(owner, '/settings/notifications', { conversationUnassigned: true });

    expect((await put(ada, '/me/notifications', { conversationUnassigned: false })).body.data.mine.conversationUnassigned).toBe(false);
    const adaSees = record<AgentNotification>(adaSocket, 'notification');
    const bjornStill = nextEvent<AgentNotification>(bjornSocket, 'notification', (n) => n.kind === 'conversationUnassigned');
    await visitorChat();
    await bjornStill;
    await settle();
    expect(adaSees.filter((n) => n.kind === 'conversationUnassigned')).toEqual([]);
  });

  it('lets only roles with the settings permission change the company settings', async () => {
    expect((await put(ada, '/settings/notifications', { sound: true })).status).toBe(403);
    expect((await put(ada, '/me/notifications', { bogus: true })).status).toBe(400);
  });
});

describe('B2 availability follows the inbox tabs', () => {
  it('stays online across a reload, and goes offline after the grace period once the last tab closed', async () => {
    const carla = await createAgent(app, 'Carla');
    await put(carla, '/availability', { availability: 'online' });
    const tab1 = await connect(url, 'agent', carla.token);
    const tab2 = await connect(url, 'agent', carla.token);
    const presence = app.strapi.plugin('live-chat').service('presence');
    const availability = async () => (await app.http().get('/live-chat/availability').set(bearer(carla.token))).body.data.availability;

    tab1.disconnect(); // a reload: one tab goes, another stays
    await settle(500);
    await presence.sweep();
    expect(await availability()).toBe('online');

    tab2.disconnect();
    await settle(100);
    const reload = await connect(url, 'agent', carla.token); // back within the grace period
    await settle(500);
    await presence.sweep();
    expect(await availability()).toBe('online');

    reload.disconnect();
    await settle(600); // longer than the 300 ms grace of this test
    await presence.sweep();
    expect(await availability()).toBe('offline');
  });
});

describe('B9 nobody took the chat in time', () => {
  it('tells the widget once that the chat went offline, and keeps it in Unassigned as missed', async () => {
    const { visitor, documentId } = await visitorChat();
    const offline = record<unknown>(visitor, 'conversation:offline');
    const later = new Date(Date.now() + 10 * 60 * 1000);
    await app.strapi.plugin('live-chat').service('wait-time').sweep(later);
    await app.strapi.plugin('live-chat').service('wait-time').sweep(later);
    await settle();
    expect(offline).toHaveLength(1);
    const current = await request<VisitorConversation>(visitor, 'conversation:get', {});
    expect(current).toMatchObject({ ok: true, data: { documentId, status: 'unassigned', missed: true } });
  });
});
