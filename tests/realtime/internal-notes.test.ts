import type { Socket } from 'socket.io-client';
import type { TimelineEntry } from '../../plugins/live-chat/shared/contracts/conversations';
import type { SyncPage, VisitorSyncPage } from '../../plugins/live-chat/shared/events';
import { bearer, createAdmin, createAgent, type TestAdmin } from '../harness/admin';
import { connect, disconnectAll, listen, nextEvent, record, request, settle, visitorToken } from '../harness/sockets';
import { bootStrapi, type TestApp } from '../harness/strapi';

/**
 * G3 on the sockets: a note reaches the agent sockets of agents who may see the chat (B6), never
 * the visitor's socket, live or in `sync`, and never an agent who may not see the chat; G2: the
 * bot transcript reaches the visitor's `sync` as it reaches the inbox.
 */
let app: TestApp;
let url: string;
let ada: TestAdmin;
let bjorn: TestAdmin;
let owner: TestAdmin;
let adaSocket: Socket;
let bjornSocket: Socket;
let ownerSocket: Socket;

beforeAll(async () => {
  app = await bootStrapi();
  url = await listen(app);
  ada = await createAgent(app, 'Ada');
  bjorn = await createAgent(app, 'Bjorn');
  owner = await createAdmin(app, 'super', 'Owner');
  [adaSocket, bjornSocket, ownerSocket] = await Promise.all([ada, bjorn, owner].map((agent) => connect(url, 'agent', agent.token)));
});
afterAll(async () => {
  disconnectAll();
  await app.stop();
});

/** A visitor on their socket, in a conversation Ada took. */
async function adasChat() {
  const token = await visitorToken(app);
  const visitor = await connect(url, 'visitor', token);
  const started = await request<{ documentId: string }>(visitor, 'conversation:start', {});
  if (!started.ok) throw new Error(started.error.message);
  const documentId = started.data.documentId;
  expect((await app.http().post(`/live-chat/conversations/${documentId}/assign`).set(bearer(ada.token))).status).toBe(200);
  return { visitor, documentId, token };
}

const isNote = (entry: TimelineEntry) => entry.audience === 'agents' && entry.kind === 'text';

describe('G3 internal notes on the sockets', () => {
  it('reach the agents who may see the chat, never the visitor (live or in sync) nor another agent', async () => {
    const { visitor, documentId, token } = await adasChat();
    const atVisitor = record<TimelineEntry>(visitor, 'timeline:entry');
    const atBjorn = record<{ documentId: string; entry: TimelineEntry }>(bjornSocket, 'timeline:entry');
    const atAda = record<{ documentId: string; entry: TimelineEntry }>(adaSocket, 'timeline:entry');
    const notifiedAda = record(adaSocket, 'notification');
    const atOwner = nextEvent<{ documentId: string; entry: TimelineEntry }>(ownerSocket, 'timeline:entry', (payload) => isNote(payload.entry));

    const sent = await request<TimelineEntry>(adaSocket, 'message:send', { documentId, clientId: 'socket-note-0001', body: 'Internal: refund approved', audience: 'agents' });
    expect(sent).toMatchObject({ ok: true, data: { audience: 'agents', body: 'Internal: refund approved' } });
    expect((await atOwner).entry.body).toBe('Internal: refund approved');
    // The following reply reaches the visitor: the channel works, the note just never travels it.
    const reply = nextEvent<TimelineEntry>(visitor, 'timeline:entry', (entry) => entry.body === 'Your refund is on its way');
    expect((await request(adaSocket, 'message:send', { documentId, clientId: 'socket-reply-001', body: 'Your refund is on its way' })).ok).toBe(true);
    await reply;
    await settle();
    expect(atAda.filter((payload) => isNote(payload.entry))).toHaveLength(1);
    expect(atVisitor.map((entry) => entry.body)).toEqual(['Your refund is on its way']);
    expect(atBjorn.filter((payload) => payload.documentId === documentId)).toEqual([]);
    // A note notifies nobody (D2 is about visitors' messages).
    expect(notifiedAda).toEqual([]);

    // Catch-up: the visitor's pages read past the note without sending it, the agents' hold it.
    const visitorSync = await request<VisitorSyncPage>(visitor, 'sync', { afterSeq: 0 });
    if (!visitorSync.ok) throw new Error(visitorSync.error.message);
    expect(visitorSync.data.entries.some((entry) => entry.body?.includes('Internal'))).toBe(false);
    expect(visitorSync.data.entries.every((entry) => entry.audience === 'everyone')).toBe(true);
    expect(visitorSync.data.nextAfterSeq).toBe(sent.ok ? sent.data.seq + 1 : -1);
    const again = await connect(url, 'visitor', token);
    const resumed = await request<VisitorSyncPage>(again, 'sync', { afterSeq: sent.ok ? sent.data.seq - 1 : 0 });
    expect(resumed.ok && resumed.data.entries.map((entry) => entry.body)).toEqual(['Your refund is on its way']);
    const adaSync = await request<SyncPage>(adaSocket, 'sync', { documentId, afterSeq: 0 });
    expect(adaSync.ok && adaSync.data.entries.filter(isNote).map((entry) => entry.body)).toEqual(['Internal: refund approved']);
    expect(await request(bjornSocket, 'sync', { documentId, afterSeq: 0 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('are refused to an agent who may not see the chat, and nothing is stored or sent', async () => {
    const { visitor, documentId } = await adasChat();
    const atVisitor = record<TimelineEntry>(visitor, 'timeline:entry');
    const atAda = record<{ documentId: string; entry: TimelineEntry }>(adaSocket, 'timeline:entry');
    const refused = await request(bjornSocket, 'message:send', { documentId, clientId: 'socket-note-0002', body: 'Peeking', audience: 'agents' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const invalid = await request(adaSocket, 'message:send', { documentId, clientId: 'socket-note-0003', body: 'x', audience: 'all' });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    await settle();
    expect(atVisitor).toEqual([]);
    expect(atAda.filter((payload) => payload.documentId === documentId)).toEqual([]);
    const timeline = await app.http().get(`/live-chat/conversations/${documentId}/messages`).set(bearer(ada.token));
    expect(timeline.body.data.filter((entry: TimelineEntry) => entry.kind === 'text')).toEqual([]);
  });

  it('G2: a visitor who comes back finds the bot transcript in sync, as the inbox shows it', async () => {
    const created = await app.http().post('/live-chat/playbooks').set(bearer(owner.token)).send({ name: 'Sync', template: 'live_chat' });
    const playbookId = created.body.data.documentId as string;
    expect((await app.http().post(`/live-chat/playbooks/${playbookId}/publish`).set(bearer(owner.token))).status).toBe(200);
    expect((await app.http().put('/live-chat/availability').set(bearer(ada.token)).send({ availability: 'online' })).status).toBe(200);
    const token = await visitorToken(app);
    const visitor = await connect(url, 'visitor', token);
    const lines = record<TimelineEntry>(visitor, 'timeline:entry');
    const step = await app
      .http()
      .post('/live-chat/widget/flow')
      .set(bearer(token))
      .send({ playbookDocumentId: playbookId, input: { type: 'start' } });
    expect(step.status).toBe(200);
    const documentId = step.body.data.conversationDocumentId as string;
    const page = await request<VisitorSyncPage>(visitor, 'sync', { afterSeq: 0 });
    if (!page.ok) throw new Error(page.error.message);
    const inbox = await app.http().get(`/live-chat/conversations/${documentId}/messages`).set(bearer(ada.token));
    const publicInbox = (inbox.body.data as TimelineEntry[]).filter((entry) => entry.audience === 'everyone');
    expect(page.data.entries).toEqual(publicInbox);
    expect(page.data.entries.map((entry) => entry.clientId)).toEqual(step.body.data.transcript);
    // The lines were also sent live as the conversation was created (the widget skips those it showed).
    await settle();
    expect(lines.map((entry) => entry.clientId)).toEqual(step.body.data.transcript);
  });
});
