import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Socket } from 'socket.io-client';
import { uid, WEBHOOK_EVENTS } from '../../plugins/live-chat/shared/constants';
import type { ConversationSummary, TimelineEntry } from '../../plugins/live-chat/shared/contracts/conversations';
import type { VisitorConversation } from '../../plugins/live-chat/shared/events';
import { bearer, createAdmin, createAgent, createApiToken, type TestAdmin } from '../harness/admin';
import { connect, disconnectAll, listen, nextEvent, request, visitorToken } from '../harness/sockets';
import { bootStrapi, type TestApp } from '../harness/strapi';

/**
 * Issue 16 (G6): the visitor rates a closed chat once (1–5, optional comment) over their socket;
 * the rating reaches the inbox live, the admin API, the content API (read-only) and a
 * `conversation.rated` webhook; the company can turn it off.
 */
interface Delivery {
  event: string;
  body: Record<string, unknown>;
}

let app: TestApp;
let url: string;
let agent: TestAdmin;
let manager: TestAdmin;
let receiver: http.Server;
let deliveries: Delivery[] = [];

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      const body = JSON.parse(raw);
      deliveries.push({ event: body.event, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  app = await bootStrapi();
  url = await listen(app);
  agent = await createAgent(app, 'Rated');
  manager = await createAdmin(app, ['manageNotificationSettings'], 'Settings');
  const owner = await createAdmin(app, 'super', 'Owner');
  const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  const created = await app.http().post('/admin/webhooks').set(bearer(owner.token)).send({ name: 'CSAT', url: hook, headers: {}, events: Object.values(WEBHOOK_EVENTS) });
  expect(created.status).toBe(201);
});
afterAll(async () => {
  disconnectAll();
  await app.stop();
  await new Promise((resolve) => receiver.close(resolve));
});

const ok = <T>(ack: { ok: true; data: T } | { ok: false; error: { code: string; message: string } }): T => {
  if (!ack.ok) throw new Error(`${ack.error.code}: ${ack.error.message}`);
  return ack.data;
};
const errorCode = (ack: { ok: boolean; error?: { code: string } }) => (ack.ok ? 'ok' : ack.error?.code);

/** A visitor with a chat an agent took, and (unless `open`) closed. */
async function visitorWithChat(options: { open?: boolean } = {}) {
  const token = await visitorToken(app);
  const socket = await connect(url, 'visitor', token);
  const { documentId } = ok(await request<VisitorConversation>(socket, 'conversation:start', {}));
  const call = (path: string) => app.http().post(`/live-chat/conversations/${documentId}${path}`).set(bearer(agent.token));
  expect((await call('/assign')).status).toBe(200);
  if (!options.open) expect((await call('/close')).status).toBe(200);
  return { token, socket, documentId };
}

const row = (documentId: string) => app.strapi.db.query(uid('conversation')).findOne({ where: { documentId } });
const setCsat = (enabled: unknown, as: TestAdmin = manager) => app.http().put('/live-chat/settings/csat').set(bearer(as.token)).send({ enabled });

async function waitFor<T>(probe: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('Issue 16: the visitor rates a closed chat once', () => {
  it('asks once closed, stores the rating, and shows it live in the inbox, the API and a webhook', async () => {
    const inbox = await connect(url, 'agent', agent.token);
    const { socket, token, documentId } = await visitorWithChat();
    const asked = ok(await request<VisitorConversation>(socket, 'conversation:get', {}));
    expect(asked).toMatchObject({ status: 'closed', askRating: true, rating: null });

    deliveries = [];
    const entry = nextEvent<{ documentId: string; entry: TimelineEntry }>(inbox, 'timeline:entry', (p) => p.documentId === documentId && p.entry.event?.type === 'rated');
    const upsert = nextEvent<ConversationSummary>(inbox, 'conversation:upsert', (p) => p.documentId === documentId && p.rating !== null);
    const comment = '  <img src=x onerror=alert(1)> Quick & kind  ';
    const rated = ok(await request<VisitorConversation>(socket, 'rating:submit', { score: 4, comment }));
    expect(rated).toMatchObject({ documentId, rating: 4, askRating: false });

    // Stored as typed (trimmed), never as markup: clients escape it.
    const stored = await row(documentId);
    expect(stored).toMatchObject({ rating: 4, ratingComment: '<img src=x onerror=alert(1)> Quick & kind' });
    expect(stored.ratedAt).toBeTruthy();

    // The inbox: a timeline event marked as the visitor's, live, and the rating on the conversation.
    const live = await entry;
    expect(live.entry).toMatchObject({ kind: 'event', authorKind: 'visitor', audience: 'agents', event: { type: 'rated', data: { score: 4, comment: '<img src=x onerror=alert(1)> Quick & kind' } } });
    expect((await upsert).rating).toMatchObject({ score: 4, comment: '<img src=x onerror=alert(1)> Quick & kind' });
    const detail = await app.http().get(`/live-chat/conversations/${documentId}`).set(bearer(agent.token));
    expect(detail.body.data.rating).toEqual({ score: 4, comment: '<img src=x onerror=alert(1)> Quick & kind', ratedAt: expect.any(String) });
    const timeline = await app.http().get(`/live-chat/conversations/${documentId}/messages`).set(bearer(agent.token));
    expect(timeline.body.data.at(-1)).toMatchObject({ kind: 'event', authorKind: 'visitor', event: { type: 'rated' } });

    // The webhook, once, with the rating.
    const delivery = await waitFor(() => deliveries.find((d) => d.event === 'live-chat.conversation.rated'));
    expect(delivery.body).toMatchObject({
      conversation: { documentId, status: 'closed', rating: { score: 4 } },
      rating: { score: 4, comment: '<img src=x onerror=alert(1)> Quick & kind', ratedAt: expect.any(String) },
      actor: null,
    });

    // The content API shows the rating and has no route that writes it.
    const apiToken = await createApiToken(app, 'full-access');
    const read = await app.http().get(`/api/live-chat/conversations/${documentId}`).set(bearer(apiToken));
    expect(read.status).toBe(200);
    expect(read.body.data).toMatchObject({ rating: 4, ratingComment: '<img src=x onerror=alert(1)> Quick & kind', ratedAt: expect.any(String) });
    const filtered = await app.http().get(`/api/live-chat/conversations?filters[rating][$eq]=4&filters[documentId][$eq]=${documentId}`).set(bearer(apiToken));
    expect(filtered.body.data.map((c: { documentId: string }) => c.documentId)).toEqual([documentId]);
    const write = await app.http().put(`/api/live-chat/conversations/${documentId}`).set(bearer(apiToken)).send({ data: { rating: 1 } });
    expect([404, 405]).toContain(write.status);
    expect((await row(documentId)).rating).toBe(4);

    // Asked once: a second rating or a dismissal is refused, also after a reload (new session, same token).
    expect(errorCode(await request(socket, 'rating:submit', { score: 1 }))).toBe('already_rated');
    expect(errorCode(await request(socket, 'rating:dismiss', {}))).toBe('already_rated');
    const session = await app.http().post('/live-chat/widget/session').send({ token });
    expect(session.body.data.conversation).toMatchObject({ documentId, askRating: false, rating: 4 });
    expect((await row(documentId)).rating).toBe(4);
    expect(deliveries.filter((d) => d.event === 'live-chat.conversation.rated')).toHaveLength(1);
  });

  it('keeps the first of two concurrent ratings and refuses the other', async () => {
    const { token, socket, documentId } = await visitorWithChat();
    const second = await connect(url, 'visitor', token);
    const answers = await Promise.all([
      request(socket, 'rating:submit', { score: 5 }),
      request(second, 'rating:submit', { score: 1, comment: 'Other tab' }),
    ]);
    expect(answers.filter((ack) => ack.ok)).toHaveLength(1);
    expect(answers.map(errorCode).filter((code) => code !== 'ok')).toEqual(['already_rated']);
    const stored = await row(documentId);
    const winner = answers[0].ok ? { rating: 5, ratingComment: null } : { rating: 1, ratingComment: 'Other tab' };
    expect(stored).toMatchObject(winner);
    const events = (await app.http().get(`/live-chat/conversations/${documentId}/messages`).set(bearer(agent.token))).body.data.filter(
      (e: TimelineEntry) => e.event?.type === 'rated',
    );
    expect(events).toHaveLength(1);
  });

  it('refuses a rating while the chat is open', async () => {
    const { socket, documentId } = await visitorWithChat({ open: true });
    expect(ok(await request<VisitorConversation>(socket, 'conversation:get', {})).askRating).toBe(false);
    expect(errorCode(await request(socket, 'rating:submit', { score: 5 }))).toBe('conversation_open');
    expect(errorCode(await request(socket, 'rating:dismiss', {}))).toBe('conversation_open');
    expect((await row(documentId)).rating).toBeNull();
  });

  it("cannot reach someone else's conversation: no event names one, and a visitor without a chat has none to rate", async () => {
    const { documentId } = await visitorWithChat();
    const stranger = await connect(url, 'visitor', await visitorToken(app));
    expect(errorCode(await request(stranger, 'rating:submit', { score: 1 }))).toBe('not_found');
    expect(errorCode(await request(stranger, 'rating:submit', { score: 1, documentId }))).toBe('invalid_payload');
    expect((await row(documentId)).rating).toBeNull();
  });

  it.each([
    ['a score of 0', { score: 0 }],
    ['a score of 6', { score: 6 }],
    ['a fractional score', { score: 4.5 }],
    ['a score as text', { score: '5' }],
    ['no score', { comment: 'Nice' }],
    ['a comment that is not text', { score: 3, comment: 42 }],
    ['a comment over 1000 characters', { score: 3, comment: 'x'.repeat(1001) }],
    ['an unknown field', { score: 3, extra: true }],
    ['a payload that is not an object', 'five'],
  ])('refuses %s with an error ack and stores nothing', async (_label, payload) => {
    const { socket, documentId } = await visitorWithChat();
    const ack = await request(socket, 'rating:submit', payload);
    expect(errorCode(ack)).toBe('invalid_payload');
    expect((await row(documentId)).rating).toBeNull();
  });

  it('accepts a comment of exactly 1000 characters after trimming, and an empty one as none', async () => {
    const first = await visitorWithChat();
    ok(await request(first.socket, 'rating:submit', { score: 2, comment: ` ${'y'.repeat(1000)} ` }));
    expect((await row(first.documentId)).ratingComment).toHaveLength(1000);
    const second = await visitorWithChat();
    ok(await request(second.socket, 'rating:submit', { score: 3, comment: '   ' }));
    expect(await row(second.documentId)).toMatchObject({ rating: 3, ratingComment: null });
  });

  it('"no thanks" is stored: never asked again, and a later rating is refused', async () => {
    const { socket, token, documentId } = await visitorWithChat();
    expect(ok(await request<VisitorConversation>(socket, 'rating:dismiss', {}))).toMatchObject({ askRating: false, rating: null });
    expect(errorCode(await request(socket, 'rating:submit', { score: 5 }))).toBe('rating_dismissed');
    const session = await app.http().post('/live-chat/widget/session').send({ token });
    expect(session.body.data.conversation).toMatchObject({ documentId, askRating: false });
    expect(await row(documentId)).toMatchObject({ rating: null, ratingDismissedAt: expect.anything() });
  });
});

describe('Issue 16: the company turns CSAT off (plugin-settings key "csat")', () => {
  afterAll(async () => {
    await setCsat(true);
  });

  it('is on by default, validates its input, and only its managers change it', async () => {
    expect((await app.http().get('/live-chat/settings/csat').set(bearer(agent.token))).body).toEqual({ data: { enabled: true } });
    const bad = await setCsat('no');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ name: 'ValidationError', details: { errors: [expect.objectContaining({ path: ['enabled'] })] } });
    expect((await app.http().put('/live-chat/settings/csat').set(bearer(manager.token)).send({ enabled: false, extra: 1 })).status).toBe(400);
    expect((await setCsat(false, agent)).status).toBe(403);
    expect((await app.http().get('/live-chat/settings/csat').set(bearer(manager.token))).body.data.enabled).toBe(true);
  });

  it('when off, the widget is not asked and the server refuses ratings', async () => {
    const { socket, documentId } = await visitorWithChat();
    const off = await setCsat(false);
    expect(off.status).toBe(200);
    expect(off.body).toEqual({ data: { enabled: false } });
    expect(ok(await request<VisitorConversation>(socket, 'conversation:get', {})).askRating).toBe(false);
    const refused = await request(socket, 'rating:submit', { score: 5 });
    expect(refused).toEqual({ ok: false, error: { code: 'rating_off', message: expect.any(String) } });
    expect(errorCode(await request(socket, 'rating:dismiss', {}))).toBe('rating_off');
    expect((await row(documentId)).rating).toBeNull();

    expect((await setCsat(true)).status).toBe(200);
    expect(ok(await request<VisitorConversation>(socket, 'conversation:get', {})).askRating).toBe(true);
    ok(await request(socket, 'rating:submit', { score: 5 }));
  });
});
