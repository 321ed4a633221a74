import type { Socket } from 'socket.io-client';
import { uid } from '../../plugins/live-chat/shared/constants';
import type { ConversationSummary, VisitorContext } from '../../plugins/live-chat/shared/contracts/conversations';
import type { VisitorConversation } from '../../plugins/live-chat/shared/events';
import { bearer, createAdmin, createAgent, type TestAdmin } from '../harness/admin';
import { connect, disconnectAll, listen, nextEvent, record, request, settle } from '../harness/sockets';
import { bootStrapi, type TestApp } from '../harness/strapi';

/**
 * G2, B6, issue 14: the visitor's context as the widget reports it (stored bounded, bad values
 * refused), page changes reaching exactly the agents who may see the chat, earlier conversations
 * filtered by B6, and list rows that tell chats apart (name, plain preview, page, unread).
 */
let app: TestApp;
let base: string;
let ada: TestAdmin;
let bjorn: TestAdmin;

const CHROME_MAC =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';
const SAFARI_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1';

beforeAll(async () => {
  app = await bootStrapi();
  base = await listen(app);
  ada = await createAgent(app, 'Ada');
  bjorn = await createAgent(app, 'Bjorn');
});
afterAll(async () => {
  disconnectAll();
  await app.stop();
});

const session = (body: object, userAgent = CHROME_MAC) =>
  app.http().post('/live-chat/widget/session').set('User-Agent', userAgent).send(body);
const pageView = (token: string, body: object, userAgent = CHROME_MAC) =>
  app.http().post('/live-chat/widget/page').set('User-Agent', userAgent).set(bearer(token)).send(body);
const visitorRow = async (token: string) => {
  const visitor = await app.strapi.plugin('live-chat').service('visitors').fromToken(token);
  return app.strapi.db.query(uid('visitor')).findOne({ where: { id: visitor.id } });
};
const countVisitors = () => app.strapi.db.query(uid('visitor')).count();

/** A visitor with a session and an open chat, over the widget's own doors. */
async function chattingVisitor(context: object = {}): Promise<{ token: string; socket: Socket; documentId: string }> {
  const started = await session({ page: 'https://shop.test/pricing', title: 'Pricing', timeZone: 'Europe/Stockholm', ...context });
  expect(started.status).toBe(200);
  const token = started.body.data.token as string;
  const socket = await connect(base, 'visitor', token);
  const conversation = await request<VisitorConversation>(socket, 'conversation:start', {});
  if (!conversation.ok) throw new Error(conversation.error.message);
  return { token, socket, documentId: conversation.data.documentId };
}

const contextOf = async (agent: TestAdmin, documentId: string) => {
  const response = await app.http().get(`/live-chat/conversations/${documentId}/context`).set(bearer(agent.token));
  return response;
};

const listRow = async (agent: TestAdmin, folder: string, documentId: string): Promise<ConversationSummary | undefined> => {
  const response = await app.http().get(`/live-chat/conversations?folder=${folder}&limit=100`).set(bearer(agent.token));
  expect(response.status).toBe(200);
  return (response.body.data as ConversationSummary[]).find((row) => row.documentId === documentId);
};

describe('G2: the context a visitor brings', () => {
  it('stores the session context cleaned and bounded, with the device parsed from the User-Agent', async () => {
    const response = await session({
      page: 'https://user:secret@shop.test/pricing?plan=pro#faq',
      title: `  <b>Pricing</b>\n| Shop ${'x'.repeat(400)}`,
      referrer: 'https://search.test/?q=chat',
      landingPage: 'https://shop.test/',
      timeZone: 'Asia/Jakarta',
      language: 'id',
    }, SAFARI_IPHONE);
    expect(response.status).toBe(200);
    const row = await visitorRow(response.body.data.token);
    expect(row).toMatchObject({
      page: 'https://shop.test/pricing?plan=pro',
      landingPage: 'https://shop.test/',
      referrer: 'https://search.test/?q=chat',
      timeZone: 'Asia/Jakarta',
      language: 'id',
      browser: 'Safari 17',
      os: 'iOS 17',
      deviceType: 'mobile',
      visitCount: 1,
    });
    expect(row.pageTitle.startsWith('Pricing | Shop x')).toBe(true);
    expect(row.pageTitle).toHaveLength(300);
    expect(row.firstSeenAt).toBeTruthy();
  });

  it('does not parse the device when the site turned it off', async () => {
    const response = await session({ page: 'https://shop.test/', device: false });
    expect(response.status).toBe(200);
    expect(await visitorRow(response.body.data.token)).toMatchObject({ browser: null, os: null, deviceType: null });
  });

  it.each([
    ['a javascript: page', { page: 'javascript:alert(1)' }, 'page'],
    ['a page URL over 2048 characters', { page: `https://shop.test/${'a'.repeat(2100)}` }, 'page'],
    ['a non-web referrer', { page: 'https://shop.test/', referrer: 'android-app://com.example' }, 'referrer'],
    ['an unknown time zone', { page: 'https://shop.test/', timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
    ['a huge title', { page: 'https://shop.test/', title: 'x'.repeat(10_000) }, 'title'],
    ['an unknown field', { page: 'https://shop.test/', cookies: 'all' }, ''],
  ])('refuses a session with %s (400, Strapi error shape, no visitor created)', async (_label, body, field) => {
    const before = await countVisitors();
    const response = await session(body);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ data: null, error: { status: 400, name: 'ValidationError' } });
    if (field) expect(JSON.stringify(response.body.error.details)).toContain(field);
    expect(await countVisitors()).toBe(before);
  });

  it('refuses bad page views without changing the stored page, and asks for the token', async () => {
    const { token } = await chattingVisitor();
    for (const body of [{ page: 'data:text/html,<b>hi</b>' }, { page: 'https://shop.test/x', timeZone: 'Nowhere' }, {}]) {
      const response = await pageView(token, body);
      expect(response.status).toBe(400);
      expect(response.body.error).toMatchObject({ status: 400, name: 'ValidationError' });
    }
    expect((await visitorRow(token)).page).toBe('https://shop.test/pricing');
    expect((await app.http().post('/live-chat/widget/page').send({ page: 'https://shop.test/' })).status).toBe(401);
  });

  it('counts a new visit after 30 minutes without a page view, with its own landing page and referrer', async () => {
    const { token } = await chattingVisitor({ landingPage: 'https://shop.test/', referrer: 'https://news.test/' });
    expect(await visitorRow(token)).toMatchObject({ visitCount: 1, landingPage: 'https://shop.test/', referrer: 'https://news.test/' });
    expect((await pageView(token, { page: 'https://shop.test/a', referrer: 'https://other.test/' })).status).toBe(204);
    expect(await visitorRow(token)).toMatchObject({ visitCount: 1, page: 'https://shop.test/a', referrer: 'https://news.test/' });

    const row = await visitorRow(token);
    await app.strapi.db.query(uid('visitor')).update({ where: { id: row.id }, data: { lastSeenAt: new Date(Date.now() - 31 * 60_000) } });
    expect((await pageView(token, { page: 'https://shop.test/b', landingPage: 'https://shop.test/b', referrer: '' })).status).toBe(204);
    expect(await visitorRow(token)).toMatchObject({ visitCount: 2, landingPage: 'https://shop.test/b', referrer: null });
  });
});

describe('G2 + B6: page changes reach the agents who may see the chat, live', () => {
  it('sends the new page to agents who may see the open chat, not to the one who may not, and stores it', async () => {
    const { token, documentId } = await chattingVisitor();
    const adaSocket = await connect(base, 'agent', ada.token);
    const bjornSocket = await connect(base, 'agent', bjorn.token);
    expect((await app.http().post(`/live-chat/conversations/${documentId}/assign`).set(bearer(ada.token))).status).toBe(200);
    await settle();
    const toBjorn = record<ConversationSummary>(bjornSocket, 'conversation:upsert');

    const seen = nextEvent<ConversationSummary>(adaSocket, 'conversation:upsert', (c) => c.documentId === documentId);
    expect((await pageView(token, { page: 'https://shop.test/checkout', title: 'Checkout' })).status).toBe(204);
    expect((await seen).page).toEqual({ url: 'https://shop.test/checkout', title: 'Checkout' });
    await settle();
    expect(toBjorn.filter((c) => c.documentId === documentId)).toEqual([]);

    const context = await contextOf(ada, documentId);
    expect(context.status).toBe(200);
    expect(context.body.data.visitor as VisitorContext).toMatchObject({
      page: { url: 'https://shop.test/checkout', title: 'Checkout' },
      timeZone: 'Europe/Stockholm',
      browser: 'Chrome 120',
      os: 'macOS 10',
      deviceType: 'desktop',
      visitCount: 1,
    });
    // B6: the chat is Ada's now, so Bjorn gets neither its context nor a hint it exists.
    expect((await contextOf(bjorn, documentId)).status).toBe(404);
    expect((await app.http().get(`/live-chat/conversations/${documentId}`).set(bearer(ada.token))).body.data.page.url).toBe('https://shop.test/checkout');
  });
});

describe('G2 + B6: earlier conversations', () => {
  it("lists the visitor's and the person's other conversations, only those the agent may see", async () => {
    const { token, socket, documentId: first } = await chattingVisitor();
    // The first chat is taken by Ada and closed: every agent may see a closed chat (B6).
    expect((await app.http().post(`/live-chat/conversations/${first}/assign`).set(bearer(ada.token))).status).toBe(200);
    expect((await app.http().post(`/live-chat/conversations/${first}/close`).set(bearer(ada.token))).status).toBe(200);
    // The second is Ada's and open; the visitor is then in a third, unassigned one.
    const second = await request<VisitorConversation>(socket, 'conversation:start', {});
    if (!second.ok) throw new Error(second.error.message);
    expect((await app.http().post(`/live-chat/conversations/${second.data.documentId}/assign`).set(bearer(ada.token))).status).toBe(200);
    const visitor = await visitorRow(token);
    const third = await app.strapi.plugin('live-chat').service('conversations').start({ visitorId: visitor.id, waitTimeSeconds: 120 });
    // Another visitor's chat recorded as the same CRM person counts too.
    const person = await app.strapi.db.query(uid('person')).create({ data: { name: 'Jane Roe', email: `jane-${Date.now()}@example.com` } });
    const { documentId: elsewhere } = await chattingVisitor();
    await app.strapi.db.connection('live_chat_conversations').whereIn('document_id', [elsewhere, third.documentId]).update({ person_id: person.id });

    const earlierFor = async (agent: TestAdmin) => {
      const response = await contextOf(agent, third.documentId);
      expect(response.status).toBe(200);
      return (response.body.data.earlierConversations as Array<{ documentId: string; folder: string }>).map((c) => [c.documentId, c.folder]);
    };
    expect(await earlierFor(ada)).toEqual([
      [elsewhere, 'unassigned'],
      [second.data.documentId, 'mine'],
      [first, 'closed'],
    ]);
    expect(await earlierFor(bjorn)).toEqual([
      [elsewhere, 'unassigned'],
      [first, 'closed'],
    ]);
  });
});

describe('issue 14: list rows that tell chats apart', () => {
  it('names each row by the one rule, with a plain preview, the page and the unread count', async () => {
    const anonymous = await chattingVisitor();
    const named = await chattingVisitor();
    expect((await app.http().post('/live-chat/widget/identify').set(bearer(named.token)).send({ name: 'Iris Identified' })).status).toBe(200);

    const anonymousVisitor = await visitorRow(anonymous.token);
    const anonymousRow = await listRow(ada, 'unassigned', anonymous.documentId);
    expect(anonymousRow).toMatchObject({
      displayName: `Visitor #${anonymousVisitor.id}`,
      visitorNumber: anonymousVisitor.id,
      page: { url: 'https://shop.test/pricing', title: 'Pricing' },
      unreadCount: 0,
    });
    expect(await listRow(ada, 'unassigned', named.documentId)).toMatchObject({ displayName: 'Iris Identified', visitorNumber: null });

    // Unread: the visitor's messages after the agents' read marker.
    for (const [i, body] of ['Hello', 'Anyone **there**?'].entries()) {
      expect(await request(named.socket, 'message:send', { clientId: `unread-${Date.now()}-${i}`, body })).toMatchObject({ ok: true });
    }
    expect(await listRow(ada, 'unassigned', named.documentId)).toMatchObject({ unreadCount: 2, lastMessagePreview: 'Anyone there?' });
    expect((await app.http().post(`/live-chat/conversations/${named.documentId}/assign`).set(bearer(ada.token))).status).toBe(200);
    // A supervisor looking in reads for nobody: the assignee still finds the chat unread.
    const supervisor = await createAdmin(app, 'super', 'Sue');
    const supervisorSocket = await connect(base, 'agent', supervisor.token);
    expect(await request(supervisorSocket, 'read', { documentId: named.documentId, seq: 1000 })).toMatchObject({ ok: true });
    expect(await listRow(ada, 'mine', named.documentId)).toMatchObject({ unreadCount: 2 });
    supervisorSocket.disconnect();
    const adaSocket = await connect(base, 'agent', ada.token);
    expect(await request(adaSocket, 'read', { documentId: named.documentId, seq: 1000 })).toMatchObject({ ok: true });
    expect(await listRow(ada, 'mine', named.documentId)).toMatchObject({ unreadCount: 0 });

    // An agent's markup never reaches a preview.
    const sent = await app
      .http()
      .post(`/live-chat/conversations/${named.documentId}/messages`)
      .set(bearer(ada.token))
      .send({ clientId: `markup-${Date.now()}`, body: '**Sure**, see [our prices](https://shop.test/pricing)' });
    expect(sent.status).toBe(201);
    expect(await listRow(ada, 'mine', named.documentId)).toMatchObject({ lastMessagePreview: 'Sure, see our prices' });
  });

  it('updates every allowed agent live when the side panel records a name, and the name wins everywhere', async () => {
    const { documentId } = await chattingVisitor();
    const bjornSocket = await connect(base, 'agent', bjorn.token);
    const renamed = nextEvent<ConversationSummary>(bjornSocket, 'conversation:upsert', (c) => c.documentId === documentId);
    const saved = await app.http().put(`/live-chat/conversations/${documentId}/side-panel`).set(bearer(ada.token)).send({ personName: 'Jane Roe' });
    expect(saved.status).toBe(200);
    expect(saved.body.data).toMatchObject({ displayName: 'Jane Roe', visitorNumber: null });
    expect(await renamed).toMatchObject({ displayName: 'Jane Roe', visitorNumber: null });
    expect(await listRow(bjorn, 'unassigned', documentId)).toMatchObject({ displayName: 'Jane Roe' });
  });
});
