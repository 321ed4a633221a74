import type { Socket } from 'socket.io-client';
import type { TimelineEntry } from '../../plugins/live-chat/shared/contracts/conversations';
import type { VisitorConversation } from '../../plugins/live-chat/shared/events';
import { bearer, createAgent, type TestAdmin } from '../harness/admin';
import { connect, disconnectAll, listen, record, request, settle, visitorToken } from '../harness/sockets';
import { bootStrapi, type TestApp } from '../harness/strapi';

/**
 * E2 under load: messages that arrive at the same moment are stored together (group commit). Sent
 * all at once from many chats, each must still be stored once, with its own chat's gap-free seq,
 * and reach only its own agent; a retry, a new message and a refused one in the same moment each
 * get their own answer.
 */
let app: TestApp;
let url: string;
let ada: TestAdmin;
let adaSocket: Socket;

beforeAll(async () => {
  app = await bootStrapi();
  url = await listen(app);
  ada = await createAgent(app, 'Ada');
  adaSocket = await connect(url, 'agent', ada.token);
});
afterAll(async () => {
  disconnectAll();
  await app.stop();
});

async function assignedChat() {
  const visitor = await connect(url, 'visitor', await visitorToken(app));
  const started = await request<VisitorConversation>(visitor, 'conversation:start', {});
  if (!started.ok) throw new Error(started.error.message);
  const documentId = started.data.documentId;
  expect((await app.http().post(`/live-chat/conversations/${documentId}/assign`).set(bearer(ada.token))).status).toBe(200);
  return { visitor, documentId };
}

const textsOf = async (visitor: Socket) => {
  const sync = await request<{ entries: TimelineEntry[] }>(visitor, 'sync', { afterSeq: 0 });
  if (!sync.ok) throw new Error(sync.error.message);
  return sync.data.entries.filter((entry) => entry.kind === 'text');
};

describe('E2 messages sent at the same moment from many chats', () => {
  it('stores each once, with gap-free seqs per chat, and delivers each to its own agent once', async () => {
    const chats = await Promise.all(Array.from({ length: 8 }, () => assignedChat()));
    const atAda = record<{ documentId: string; entry: TimelineEntry }>(adaSocket, 'timeline:entry');

    // Every emit leaves before any ack comes back.
    const acks = chats.flatMap(({ visitor }, chat) =>
      Array.from({ length: 5 }, (_, n) => request<TimelineEntry>(visitor, 'message:send', { clientId: `burst-${chat}-${n}-xxxx`, body: `chat ${chat} #${n}` })),
    );
    const answers = await Promise.all(acks);
    expect(answers.every((answer) => answer.ok)).toBe(true);
    await settle();

    for (const [chat, { visitor, documentId }] of chats.entries()) {
      const texts = await textsOf(visitor);
      expect(texts.map((entry) => entry.body).sort()).toEqual([0, 1, 2, 3, 4].map((n) => `chat ${chat} #${n}`));
      const seqs = texts.map((entry) => entry.seq);
      expect(seqs).toEqual(Array.from({ length: 5 }, (_, i) => seqs[0] + i));
      // What each sender was answered is what was stored.
      const answered = answers.slice(chat * 5, chat * 5 + 5).map((answer) => (answer.ok ? answer.data.seq : -1));
      expect([...answered].sort((a, b) => a - b)).toEqual(seqs);
      const delivered = atAda.filter((event) => event.documentId === documentId && event.entry.kind === 'text');
      expect(delivered.map((event) => event.entry.seq).sort((a, b) => a - b)).toEqual(seqs);
    }
  });

  it('answers a retry, a new message and a refused one of the same moment each on its own', async () => {
    const retrying = await assignedChat();
    const fresh = await assignedChat();
    const closing = await assignedChat();
    const original = await request<TimelineEntry>(retrying.visitor, 'message:send', { clientId: 'stored-before-0001', body: 'first' });
    expect(original.ok).toBe(true);
    expect((await app.http().post(`/live-chat/conversations/${closing.documentId}/close`).set(bearer(ada.token))).status).toBe(200);

    const [retry, created, refused] = await Promise.all([
      request<TimelineEntry>(retrying.visitor, 'message:send', { clientId: 'stored-before-0001', body: 'first' }),
      request<TimelineEntry>(fresh.visitor, 'message:send', { clientId: 'new-in-batch-0001', body: 'second' }),
      request<TimelineEntry>(closing.visitor, 'message:send', { clientId: 'too-late-00000001', body: 'third' }),
    ]);

    expect(retry).toEqual(original);
    expect(created).toMatchObject({ ok: true, data: { body: 'second' } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conversation_closed' } });
    expect((await textsOf(retrying.visitor)).map((entry) => entry.clientId)).toEqual(['stored-before-0001']);
    expect((await textsOf(fresh.visitor)).map((entry) => entry.clientId)).toEqual(['new-in-batch-0001']);
    expect(await textsOf(closing.visitor)).toEqual([]);
  });

  it("answers one visitor's messages of the same moment in order: a retry with its original, a closed chat with refusals", async () => {
    const chat = await assignedChat();
    const original = await request<TimelineEntry>(chat.visitor, 'message:send', { clientId: 'moment-stored-0001', body: 'one' });
    if (!original.ok) throw new Error(original.error.message);
    const [retry, next, last] = await Promise.all([
      request<TimelineEntry>(chat.visitor, 'message:send', { clientId: 'moment-stored-0001', body: 'one' }),
      request<TimelineEntry>(chat.visitor, 'message:send', { clientId: 'moment-next-00001', body: 'two' }),
      request<TimelineEntry>(chat.visitor, 'message:send', { clientId: 'moment-last-00001', body: 'three' }),
    ]);
    expect(retry).toEqual(original);
    expect(next).toMatchObject({ ok: true, data: { body: 'two', seq: original.data.seq + 1 } });
    expect(last).toMatchObject({ ok: true, data: { body: 'three', seq: original.data.seq + 2 } });
    expect((await textsOf(chat.visitor)).map((entry) => entry.body)).toEqual(['one', 'two', 'three']);

    expect((await app.http().post(`/live-chat/conversations/${chat.documentId}/close`).set(bearer(ada.token))).status).toBe(200);
    const late = await Promise.all(
      ['late-one-00000001', 'late-two-00000001'].map((clientId) => request<TimelineEntry>(chat.visitor, 'message:send', { clientId, body: 'late' })),
    );
    expect(late).toEqual([
      expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'conversation_closed' }) }),
      expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'conversation_closed' }) }),
    ]);
    expect((await textsOf(chat.visitor)).map((entry) => entry.body)).toEqual(['one', 'two', 'three']);
  });
});
