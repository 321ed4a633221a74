import type { Socket } from 'socket.io-client';
import type { TimelineEntry } from '../../plugins/live-chat/shared/contracts/conversations';
import type { VisitorConversation } from '../../plugins/live-chat/shared/events';
import { bearer, createAgent, type TestAdmin } from '../harness/admin';
import { connect, disconnectAll, listen, nextEvent, record, request, settle, visitorToken } from '../harness/sockets';
import { bootStrapi, type TestApp } from '../harness/strapi';

/** E2, B1, B4, E3 end to end over real sockets: widget ↔ server ↔ inbox. */
let app: TestApp;
let url: string;
let ada: TestAdmin;
let bjorn: TestAdmin;
let adaSocket: Socket;
let bjornSocket: Socket;

beforeAll(async () => {
  app = await bootStrapi();
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

async function newVisitorChat() {
  const token = await visitorToken(app);
  const visitor = await connect(url, 'visitor', token);
  const created = nextEvent<{ documentId: string }>(adaSocket, 'conversation:upsert');
  const ack = await request<VisitorConversation>(visitor, 'conversation:start', {});
  if (!ack.ok) throw new Error(ack.error.message);
  await created;
  return { token, visitor, documentId: ack.data.documentId };
}

describe('B1 a new conversation reaches every agent at once', () => {
  it('is upserted to both online agents as unassigned', async () => {
    const seenByBjorn = nextEvent<{ documentId: string; status: string }>(bjornSocket, 'conversation:upsert');
    const { documentId } = await newVisitorChat();
    expect(await seenByBjorn).toMatchObject({ documentId, status: 'unassigned' });
  });
});

describe('E2 visitor ↔ agent round trip', () => {
  it('delivers both ways in seq order, tells the visitor who joined (B4), and keeps B out (B6)', async () => {
    const { visitor, documentId } = await newVisitorChat();
    const joined = nextEvent<{ agentName: string }>(visitor, 'agent:joined');
    const removedForBjorn = nextEvent<{ documentId: string }>(bjornSocket, 'conversation:removed', (p) => p.documentId === documentId);
    expect((await app.http().post(`/live-chat/conversations/${documentId}/assign`).set(bearer(ada.token))).status).toBe(200);
    expect(await joined).toEqual({ agentName: 'Ada Tester' });
    await removedForBjorn;
    const bjornEntries = record<{ documentId: string }>(bjornSocket, 'timeline:entry');

    const atAda = nextEvent<{ documentId: string; entry: TimelineEntry }>(adaSocket, 'timeline:entry', (p) => p.entry.kind === 'text');
    const sent = await request<TimelineEntry>(visitor, 'message:send', { clientId: 'visitor-msg-0001', body: 'Hello?' });
    expect(sent).toMatchObject({ ok: true, data: { seq: 3, authorKind: 'visitor', body: 'Hello?' } });
    expect((await atAda).entry).toMatchObject({ seq: 3, body: 'Hello?' });

    const atVisitor = nextEvent<TimelineEntry>(visitor, 'timeline:entry', (entry) => entry.kind === 'text');
    const reply = await request<TimelineEntry>(adaSocket, 'message:send', { documentId, clientId: 'agent-msg-00001', body: 'Hi, Ada here' });
    expect(reply).toMatchObject({ ok: true, data: { seq: 4 } });
    expect(await atVisitor).toMatchObject({ seq: 4, authorKind: 'agent', authorName: 'Ada Tester', body: 'Hi, Ada here' });

    await settle();
    expect(bjornEntries.filter((entry) => entry.documentId === documentId)).toEqual([]);
  });

  it('never stores a retry twice: the same clientId answers the original seq', async () => {
    const { visitor } = await newVisitorChat();
    const first = await request<TimelineEntry>(visitor, 'message:send', { clientId: 'retry-0000001', body: 'once' });
    const again = await request<TimelineEntry>(visitor, 'message:send', { clientId: 'retry-0000001', body: 'once' });
    expect(first.ok && again.ok && first.data.seq === again.data.seq).toBe(true);
    const sync = await request<{ entries: TimelineEntry[] }>(visitor, 'sync', { afterSeq: 0 });
    expect(sync.ok && sync.data.entries.filter((entry) => entry.clientId === 'retry-0000001')).toHaveLength(1);
  });

  it('catches a reconnecting visitor up on what they missed, once and in order', async () => {
    const { visitor, token, documentId } = await newVisitorChat();
    await app.http().post(`/live-chat/conversations/${documentId}/assign`).set(bearer(ada.token));
    const before = await request<{ entries: TimelineEntry[] }>(visitor, 'sync', { afterSeq: 0 });
    const lastSeq = before.ok ? Math.max(0, ...before.data.entries.map((entry) => entry.seq)) : -1;
    visitor.disconnect();

    for (const [i, body] of ['one', 'two', 'three'].entries()) {
      await request(adaSocket, 'message:send', { documentId, clientId: `missed-msg-000${i}`, body });
    }
    const back = await connect(url, 'visitor', token);
    const caughtUp = await request<{ entries: TimelineEntry[] }>(back, 'sync', { afterSeq: lastSeq });
    expect(caughtUp.ok).toBe(true);
    if (!caughtUp.ok) return;
    expect(caughtUp.data.entries.map((entry) => entry.body)).toEqual(['one', 'two', 'three']);
    const seqs = caughtUp.data.entries.map((entry) => entry.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(3);
  });

  it('carries typing indicators and read receipts both ways (E3)', async () => {
    const { visitor, documentId } = await newVisitorChat();
    await app.http().post(`/live-chat/conversations/${documentId}/assign`).set(bearer(ada.token));

    const visitorTyping = nextEvent<{ documentId: string; typing: boolean }>(adaSocket, 'typing', (p) => p.documentId === documentId);
    expect(await request(visitor, 'typing', { typing: true })).toEqual({ ok: true, data: null });
    expect(await visitorTyping).toEqual({ documentId, typing: true });

    const agentTyping = nextEvent<{ typing: boolean }>(visitor, 'typing');
    await request(adaSocket, 'typing', { documentId, typing: true });
    expect(await agentTyping).toEqual({ typing: true });

    const sent = await request<TimelineEntry>(visitor, 'message:send', { clientId: 'read-me-000001', body: 'read me' });
    const seq = sent.ok ? sent.data.seq : -1;
    const receipt = nextEvent<{ upToSeq: number }>(visitor, 'read');
    await request(adaSocket, 'read', { documentId, seq });
    expect(await receipt).toEqual({ upToSeq: seq });
    const detail = await app.http().get(`/live-chat/conversations/${documentId}`).set(bearer(ada.token));
    expect(detail.body.data.agentReadSeq).toBe(seq);
  });
});
