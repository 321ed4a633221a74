import jwt from 'jsonwebtoken';
import type { Socket } from 'socket.io-client';
import { uid } from '../../plugins/live-chat/shared/constants';
import type { TimelineEntry } from '../../plugins/live-chat/shared/contracts/conversations';
import type { VisitorConversation } from '../../plugins/live-chat/shared/events';
import { bearer, createAgent, type TestAdmin } from '../harness/admin';
import { connect, disconnectAll, listen, nextEvent, record, request, settle, visitorToken } from '../harness/sockets';
import { bootStrapi, type TestApp } from '../harness/strapi';

/** E4 and B6 on the socket channel: nobody reads or writes what is not theirs. */
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

async function visitorWithChat(body: string) {
  const token = await visitorToken(app);
  const socket = await connect(url, 'visitor', token);
  const started = await request<VisitorConversation>(socket, 'conversation:start', {});
  if (!started.ok) throw new Error('start failed');
  await request(socket, 'message:send', { clientId: `secret-${Date.now()}`, body });
  return { token, socket, documentId: started.data.documentId };
}

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('E4 visitor identity', () => {
  it('refuses a handshake without a token, with garbage, with a forged signature, and with alg none', async () => {
    const alice = await visitorWithChat('alice secret');
    const conversation = await app.strapi.db.query(uid('conversation')).findOne({ where: { documentId: alice.documentId }, populate: ['visitor'] });
    const subject = conversation.visitor.subject as string;
    const forged = jwt.sign({}, 'not-the-server-secret', { algorithm: 'HS256', subject, issuer: 'live-chat' });
    const algNone = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: subject, iss: 'live-chat' })}.`;

    for (const token of [undefined, '', 'garbage', forged, algNone]) {
      await expect(connect(url, 'visitor', token)).rejects.toThrow('unauthorized');
    }
  });

  it("gives visitor B nothing of visitor A's conversation", async () => {
    const alice = await visitorWithChat('alice private words');
    const bobToken = await visitorToken(app);
    const bob = await connect(url, 'visitor', bobToken);
    const bobSees = record<TimelineEntry>(bob, 'timeline:entry');

    expect(await request(bob, 'conversation:get', {})).toEqual({ ok: true, data: null });
    const sync = await request<{ entries: TimelineEntry[] }>(bob, 'sync', { afterSeq: 0 });
    expect(sync).toEqual({ ok: true, data: { entries: [], hasMore: false, nextAfterSeq: 0, conversation: null } });
    // Sending without a conversation of his own cannot land in Alice's.
    const send = await request(bob, 'message:send', { clientId: 'bob-tries-0001', body: 'hi' });
    expect(send).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // A conversation id in the payload is not accepted at all.
    const smuggled = await request(bob, 'sync', { afterSeq: 0, documentId: alice.documentId });
    expect(smuggled).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });

    await request(alice.socket, 'message:send', { clientId: 'alice-more-0001', body: 'more secrets' });
    await settle();
    expect(bobSees).toEqual([]);
  });

  it('resumes a returning visitor (same token) on their open conversation', async () => {
    const carol = await visitorWithChat('carol was here');
    carol.socket.disconnect();
    const renewed = await visitorToken(app, carol.token);
    const back = await connect(url, 'visitor', renewed);
    const current = await request<VisitorConversation>(back, 'conversation:get', {});
    expect(current).toMatchObject({ ok: true, data: { documentId: carol.documentId } });
    const history = await request<{ entries: TimelineEntry[] }>(back, 'sync', { afterSeq: 0 });
    expect(history.ok && history.data.entries.map((entry) => entry.body)).toContain('carol was here');
  });
});

describe('B6 on the agent channel', () => {
  let adaSocket: Socket;
  let bjornSocket: Socket;

  beforeAll(async () => {
    adaSocket = await connect(url, 'agent', ada.token);
    bjornSocket = await connect(url, 'agent', bjorn.token);
  });

  it("agent B receives no event of a conversation assigned to agent A; after reassignment the old assignee stops receiving", async () => {
    const chat = await visitorWithChat('first');
    await app.http().post(`/live-chat/conversations/${chat.documentId}/assign`).set(bearer(ada.token));
    await settle();
    const bjornSees = record<{ documentId: string }>(bjornSocket, 'timeline:entry');
    const bjornTyping = record<{ documentId: string }>(bjornSocket, 'typing');

    const adaGets = nextEvent<{ documentId: string; entry: TimelineEntry }>(adaSocket, 'timeline:entry', (p) => p.entry.body === 'for ada');
    await request(chat.socket, 'message:send', { clientId: 'for-ada-00001', body: 'for ada' });
    await request(chat.socket, 'typing', { typing: true });
    await adaGets;
    await settle();
    expect(bjornSees.filter((p) => p.documentId === chat.documentId)).toEqual([]);
    expect(bjornTyping.filter((p) => p.documentId === chat.documentId)).toEqual([]);

    // Ada hands it to Bjorn: from now on Bjorn receives, Ada does not.
    const adaLoses = nextEvent<{ documentId: string; assigneeName: string | null }>(adaSocket, 'conversation:removed', (p) => p.documentId === chat.documentId);
    await app.http().post(`/live-chat/conversations/${chat.documentId}/reassign`).set(bearer(ada.token)).send({ agentId: bjorn.id });
    // Ada is told to whom it went (the inbox says so instead of "no longer available").
    expect((await adaLoses).assigneeName).toBe('Bjorn Tester');
    const adaSees = record<{ documentId: string; entry: TimelineEntry }>(adaSocket, 'timeline:entry');
    const bjornGets = nextEvent<{ documentId: string; entry: TimelineEntry }>(bjornSocket, 'timeline:entry', (p) => p.entry.body === 'for bjorn');
    await request(chat.socket, 'message:send', { clientId: 'for-bjorn-0001', body: 'for bjorn' });
    await bjornGets;
    await settle();
    expect(adaSees.filter((p) => p.documentId === chat.documentId)).toEqual([]);
  });

  it("an agent cannot read or write another agent's conversation over the socket", async () => {
    const chat = await visitorWithChat('hidden');
    await app.http().post(`/live-chat/conversations/${chat.documentId}/assign`).set(bearer(ada.token));
    expect(await request(bjornSocket, 'sync', { documentId: chat.documentId, afterSeq: 0 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await request(bjornSocket, 'message:send', { documentId: chat.documentId, clientId: 'bjorn-sneaks-01', body: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('refuses an inbox socket without a valid admin session, and one whose role has no inbox access', async () => {
    await expect(connect(url, 'agent', undefined)).rejects.toThrow('unauthorized');
    await expect(connect(url, 'agent', 'not-a-jwt')).rejects.toThrow('unauthorized');
    const { createAdmin } = await import('../harness/admin');
    const editor = await createAdmin(app, ['managePlaybooks'], 'Editor');
    await expect(connect(url, 'agent', editor.token)).rejects.toThrow('not_allowed');
  });
});
