import type { Browser, BrowserContext, Page } from 'playwright-core';
import { uid } from '../../plugins/live-chat/shared/constants';
import type { VisitorConversation } from '../../plugins/live-chat/shared/events';
import { bearer, createAdmin, createAgent, type TestAdmin } from '../harness/admin';
import { inboxUrl, signInToAdmin } from '../harness/admin-ui';
import { launchBrowser, newContext, saveScreenshot } from '../harness/browser';
import { startConversation } from '../harness/fixtures';
import { connect, disconnectAll, listen, request, settle, visitorToken } from '../harness/sockets';
import { bootStrapi, type TestApp } from '../harness/strapi';

/**
 * D1–D3 in a real browser against a booted Strapi and the built admin panel. The browser context
 * grants the notification permission; an init script wraps `window.Notification` so every
 * notification the page asks the browser to show is recorded (and still shown by the real one).
 */
jest.setTimeout(240_000);


/** Runs in the page before any of its scripts. */
const RECORDER = `
  window.__notifications = [];
  window.__oscillators = 0;
  const RealNotification = window.Notification;
  if (RealNotification) {
    class RecordingNotification extends RealNotification {
      constructor(title, options) {
        super(title, options);
        window.__notifications.push({ title, body: (options && options.body) || null, tag: (options && options.tag) || null, instance: this });
      }
    }
    Object.defineProperty(RecordingNotification, 'permission', { get: () => RealNotification.permission });
    RecordingNotification.requestPermission = (...args) => RealNotification.requestPermission(...args);
    window.Notification = RecordingNotification;
  }
  if (window.AudioContext) {
    const createOscillator = window.AudioContext.prototype.createOscillator;
    window.AudioContext.prototype.createOscillator = function () {
      window.__oscillators += 1;
      return createOscillator.call(this);
    };
  }
`;

interface Recorded {
  title: string;
  body: string | null;
  tag: string | null;
}

let app: TestApp;
let baseUrl: string;
let browser: Browser;
const contexts: BrowserContext[] = [];
let owner: TestAdmin;
let ada: TestAdmin;
let bjorn: TestAdmin;
let adaPage: Page;
let bjornPage: Page;

/** A browser profile for one agent: notifications allowed for the admin's origin, recorder installed. */
async function agentContext(granted = true): Promise<BrowserContext> {
  const context = await newContext(browser);
  contexts.push(context);
  if (granted) await context.grantPermissions(['notifications'], { origin: baseUrl });
  await context.addInitScript({ content: RECORDER });
  return context;
}

const notificationsOf = async (page: Page): Promise<Recorded[]> =>
  page.evaluate('window.__notifications.map(({ title, body, tag }) => ({ title, body, tag }))') as Promise<Recorded[]>;

/** Polls until `check` passes (or fails with its last error after `timeoutMs`). */
async function eventually<T>(check: () => Promise<T>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await settle(150);
    }
  }
}

/** Resolves once the agent's inbox socket is connected to the server (it receives notifications from then on). */
async function socketConnected(agent: TestAdmin) {
  const io = app.strapi.plugin('live-chat').service('realtime').io();
  await eventually(async () => {
    const sockets = await io.of('/agent').fetchSockets();
    expect(sockets.some((socket: { data: { agent?: { id: number } } }) => socket.data.agent?.id === agent.id)).toBe(true);
  });
}

async function openInbox(page: Page, agent: TestAdmin) {
  await page.goto(`${inboxUrl(baseUrl)}/inbox/unassigned`);
  await page.getByRole('heading', { name: 'Unassigned' }).waitFor();
  await socketConnected(agent);
}

const as = (agent: TestAdmin) => ({
  get: (p: string) => app.http().get(`/live-chat${p}`).set(bearer(agent.token)),
  post: (p: string, body: object = {}) => app.http().post(`/live-chat${p}`).set(bearer(agent.token)).send(body),
  put: (p: string, body: object) => app.http().put(`/live-chat${p}`).set(bearer(agent.token)).send(body),
});

/** A visitor with a name, chatting through the widget's socket (B1). */
async function visitorChat(name: string) {
  const token = await visitorToken(app);
  const subject = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')).sub as string;
  await app.strapi.db.query(uid('visitor')).update({ where: { subject }, data: { name } });
  const visitor = await connect(baseUrl, 'visitor', token);
  const started = await request<VisitorConversation>(visitor, 'conversation:start', {});
  if (!started.ok) throw new Error(`start failed: ${JSON.stringify(started)}`);
  return { visitor, documentId: started.data.documentId };
}

const ofTag = (list: Recorded[], kind: string, documentId: string) => list.filter((n) => n.tag === `live-chat:${kind}:${documentId}`);

/** A positive control before a "nothing arrived" check: the list row proves the page heard of the chat. */
async function rowShown(page: Page, visitorName: string) {
  await page.getByRole('link', { name: new RegExp(visitorName) }).first().waitFor();
  await settle(500);
}

beforeAll(async () => {
  app = await bootStrapi();
  baseUrl = await listen(app);
  owner = await createAdmin(app, 'super', 'Owner');
  ada = await createAgent(app, 'Ada');
  bjorn = await createAgent(app, 'Bjorn');
  browser = await launchBrowser();
  adaPage = await signInToAdmin(await agentContext(), baseUrl, ada);
  bjornPage = await signInToAdmin(await agentContext(), baseUrl, bjorn);
});
afterAll(async () => {
  disconnectAll();
  for (const context of contexts) await context.close();
  await browser?.close();
  await app?.stop();
});

describe('D1 asking for permission', () => {
  it('asks only once Live Chat is set up, explains why, and remembers "Not now" for the agent', async () => {
    const carla = await createAgent(app, 'Carla');
    const page = await signInToAdmin(await agentContext(false), baseUrl, carla);
    expect(await page.evaluate('Notification.permission')).toBe('default');
    const prompt = page.getByText('Get notified of new chats');

    // No published, active playbook yet: nothing to be notified of, so no question.
    const checked = page.waitForResponse((response) => response.url().includes('/live-chat/playbooks'));
    await page.goto(`${inboxUrl(baseUrl)}/inbox/unassigned`);
    await checked;
    await settle(500);
    expect(await prompt.count()).toBe(0);

    const created = await as(owner).post('/playbooks', { name: 'Website', template: 'live_chat' });
    expect(created.status).toBe(201);
    const id = created.body.data.documentId;
    expect((await as(owner).put(`/playbooks/${id}`, { active: true })).status).toBe(200);
    expect((await as(owner).post(`/playbooks/${id}/publish`)).status).toBe(200);

    await page.reload();
    await prompt.waitFor();
    await page.getByText(/when a conversation lands in Unassigned/).waitFor();
    await page.getByRole('button', { name: 'Turn on desktop notifications' }).waitFor();
    await saveScreenshot(page, 'inbox-notification-prompt.png');

    await page.getByRole('button', { name: 'Not now' }).first().click();
    expect(await prompt.count()).toBe(0);
    const again = page.waitForResponse((response) => response.url().includes('/live-chat/me'));
    await page.reload();
    await again;
    await page.getByRole('heading', { name: 'Unassigned' }).waitFor();
    await settle(800);
    expect(await prompt.count()).toBe(0);
  });
});

describe('D2 the three kinds, and opening a chat from a notification', () => {
  it('notifies both agents of a new chat, B of the reassignment and of visitor messages, never A once it is not theirs', async () => {
    await openInbox(adaPage, ada);
    await openInbox(bjornPage, bjorn);
    const { visitor, documentId } = await visitorChat('Vera Visitor');

    for (const page of [adaPage, bjornPage]) {
      const [shown] = await eventually(async () => {
        const found = ofTag(await notificationsOf(page), 'conversationUnassigned', documentId);
        expect(found).toHaveLength(1);
        return found;
      });
      expect(shown).toMatchObject({ title: 'New conversation in Unassigned', body: 'Vera Visitor is waiting for an agent' });
    }

    // A takes it (no notification to herself), then hands it to B (B5): B is told, A is not.
    expect((await as(ada).post(`/conversations/${documentId}/assign`)).status).toBe(200);
    expect((await as(ada).post(`/conversations/${documentId}/reassign`, { agentId: bjorn.id })).status).toBe(200);
    const [assigned] = await eventually(async () => {
      const found = ofTag(await notificationsOf(bjornPage), 'conversationAssignedToMe', documentId);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(assigned).toMatchObject({ title: 'Conversation assigned to you', body: 'The chat with Vera Visitor is now yours' });

    const sent = await request(visitor, 'message:send', { clientId: 'vera-message-0001', body: 'Is the blue one in stock?' });
    expect(sent.ok).toBe(true);
    const [message] = await eventually(async () => {
      const found = ofTag(await notificationsOf(bjornPage), 'messageInMyConversation', documentId);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(message).toMatchObject({ title: 'New message from Vera Visitor', body: 'Is the blue one in stock?' });

    await settle(500);
    const adaSaw = (await notificationsOf(adaPage)).filter((n) => n.tag?.endsWith(documentId));
    expect(adaSaw.map((n) => n.tag)).toEqual([`live-chat:conversationUnassigned:${documentId}`]);

    // Clicking the notification opens that conversation (in B's "My conversations").
    await bjornPage.evaluate(
      `window.__notifications.find((n) => n.tag === 'live-chat:messageInMyConversation:${documentId}').instance.onclick()`,
    );
    await bjornPage.waitForURL((url) => url.pathname.endsWith(`/inbox/mine/${documentId}`));
    await bjornPage.getByRole('log', { name: 'Conversation' }).getByText('Is the blue one in stock?').waitFor();
    await bjornPage.getByRole('complementary', { name: 'Details' }).waitFor();
  });
});

describe('D3 switching kinds off', () => {
  it('sends nothing of a kind the company turned off on the settings page', async () => {
    const ownerPage = await signInToAdmin(await agentContext(), baseUrl, owner);
    await ownerPage.goto(`${baseUrl}/admin/settings/live-chat/notifications`);
    const company = ownerPage.getByRole('region', { name: 'Company' });
    const unassigned = company.getByRole('checkbox', { name: 'A new conversation is added to Unassigned' });
    await unassigned.waitFor({ state: 'attached' });
    expect(await unassigned.isChecked()).toBe(true);
    await unassigned.click({ force: true });
    await company.getByRole('button', { name: 'Save' }).click();
    await ownerPage.getByText('Notification settings saved').first().waitFor();
    expect((await as(owner).get('/settings/notifications')).body.data.conversationUnassigned).toBe(false);
    await saveScreenshot(ownerPage, 'notification-settings.png', { fullPage: true });

    await openInbox(adaPage, ada);
    await openInbox(bjornPage, bjorn);
    const { documentId } = await startConversation(app, { name: 'Silent Sam' });
    await rowShown(adaPage, 'Silent Sam');
    await rowShown(bjornPage, 'Silent Sam');
    expect(ofTag(await notificationsOf(adaPage), 'conversationUnassigned', documentId)).toEqual([]);
    expect(ofTag(await notificationsOf(bjornPage), 'conversationUnassigned', documentId)).toEqual([]);

    // The other kinds still arrive.
    await as(owner).post(`/conversations/${documentId}/assign`);
    await as(owner).post(`/conversations/${documentId}/reassign`, { agentId: ada.id });
    await eventually(async () => expect(ofTag(await notificationsOf(adaPage), 'conversationAssignedToMe', documentId)).toHaveLength(1));

    expect((await as(owner).put('/settings/notifications', { conversationUnassigned: true })).status).toBe(200);
  });

  it('sends nothing of a kind the agent turned off for themself, while others still get it; the sound plays when chosen', async () => {
    await adaPage.goto(`${baseUrl}/admin/settings/live-chat/notifications`);
    // An agent sees the company's switches read-only, and their own.
    const company = adaPage.getByRole('region', { name: 'Company' });
    await company.getByRole('checkbox', { name: 'A new conversation is added to Unassigned' }).waitFor({ state: 'attached' });
    expect(await company.getByRole('checkbox', { name: 'A new conversation is added to Unassigned' }).isDisabled()).toBe(true);
    expect(await company.getByRole('button', { name: 'Save' }).count()).toBe(0);
    const mine = adaPage.getByRole('region', { name: 'My notifications' });
    await mine.getByRole('checkbox', { name: 'A new conversation is added to Unassigned' }).click({ force: true });
    await mine.getByRole('checkbox', { name: 'Play a sound' }).click({ force: true });
    await mine.getByRole('button', { name: 'Save' }).click();
    await adaPage.getByText('Notification settings saved').first().waitFor();
    expect((await as(ada).get('/me/notifications')).body.data.mine).toEqual({
      conversationUnassigned: false,
      conversationAssignedToMe: true,
      messageInMyConversation: true,
      sound: true,
    });
    await adaPage.getByText('This browser shows Live Chat desktop notifications.').waitFor();

    await openInbox(adaPage, ada);
    await openInbox(bjornPage, bjorn);
    const oscillatorsBefore = (await adaPage.evaluate('window.__oscillators')) as number;
    const { documentId } = await startConversation(app, { name: 'Quiet Quinn' });
    await eventually(async () => expect(ofTag(await notificationsOf(bjornPage), 'conversationUnassigned', documentId)).toHaveLength(1));
    await rowShown(adaPage, 'Quiet Quinn');
    expect(ofTag(await notificationsOf(adaPage), 'conversationUnassigned', documentId)).toEqual([]);

    // A kind she kept arrives, with the chime (Web Audio oscillators), since she turned the sound on;
    // with the inbox open in a second tab too, it chimes once (a two-note chime: two oscillators).
    const secondTab = await adaPage.context().newPage();
    await openInbox(secondTab, ada);
    await as(owner).post(`/conversations/${documentId}/assign`);
    await as(owner).post(`/conversations/${documentId}/reassign`, { agentId: ada.id });
    await eventually(async () => expect(ofTag(await notificationsOf(adaPage), 'conversationAssignedToMe', documentId)).toHaveLength(1));
    await eventually(async () => expect(ofTag(await notificationsOf(secondTab), 'conversationAssignedToMe', documentId)).toHaveLength(1));
    await adaPage.waitForTimeout(500);
    const chimed = ((await adaPage.evaluate('window.__oscillators')) as number) - oscillatorsBefore + ((await secondTab.evaluate('window.__oscillators')) as number);
    expect(chimed).toBe(2);
    await secondTab.close();
    // Bjorn did not choose a sound.
    expect(await bjornPage.evaluate('window.__oscillators')).toBe(0);
  });
});
