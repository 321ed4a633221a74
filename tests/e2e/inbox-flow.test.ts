import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Socket } from 'socket.io-client';
import type { FolderCounts, TimelineEntry } from '../../plugins/live-chat/shared/contracts/conversations';
import type { VisitorConversation } from '../../plugins/live-chat/shared/events';
import { bearer, createAdmin, createAgent, type TestAdmin } from '../harness/admin';
import { inboxUrl, shownTexts, signInToAdmin } from '../harness/admin-ui';
import { launchBrowser, newContext, saveScreenshot } from '../harness/browser';
import { connect, disconnectAll, listen, nextEvent, request, visitorToken } from '../harness/sockets';
import { bootStrapi, type TestApp } from '../harness/strapi';

/**
 * The agent inbox in a real browser (B1–B8, E2, E3), against a booted Strapi and the built admin
 * panel: two agents, a visitor on a socket as the widget is, every step through the screens.
 * LIVE_CHAT_SCREENSHOTS=true also saves the main states under docs/screenshots/.
 */
jest.setTimeout(240_000);

let app: TestApp;
let baseUrl: string;
let browser: Browser;
let ada: TestAdmin;
let bjorn: TestAdmin;
let adaContext: BrowserContext;
let bjornContext: BrowserContext;
let adaPage: Page;
let bjornPage: Page;

/** Records every desktop notification the page creates (the inbox uses the Notification API, D1). */
function recordNotifications() {
  const Original = window.Notification;
  const seen: Array<{ title: string; body: string }> = [];
  (window as unknown as { __notifications: typeof seen }).__notifications = seen;
  class Recorder extends Original {
    constructor(title: string, options?: NotificationOptions) {
      super(title, options);
      seen.push({ title, body: options?.body ?? '' });
    }
  }
  Object.defineProperty(Recorder, 'permission', { get: () => Original.permission });
  Object.defineProperty(Recorder, 'requestPermission', { value: Original.requestPermission.bind(Original) });
  window.Notification = Recorder;
}

/** Records every conversation row ever rendered, even for a moment (B6 "not even for a moment"). */
function recordRenderedRows() {
  const seen: string[] = [];
  (window as unknown as { __rows: string[] }).__rows = seen;
  const scan = (root: ParentNode) => {
    for (const element of root.querySelectorAll('[data-conversation]')) seen.push(element.getAttribute('data-conversation') ?? '');
  };
  new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      for (const node of mutation.addedNodes) if (node instanceof Element) {
        if (node.hasAttribute('data-conversation')) seen.push(node.getAttribute('data-conversation') ?? '');
        scan(node);
      }
    }
  }).observe(document, { childList: true, subtree: true });
}

beforeAll(async () => {
  app = await bootStrapi();
  baseUrl = await listen(app);
  ada = await createAgent(app, 'Ada');
  bjorn = await createAgent(app, 'Bjorn');
  browser = await launchBrowser();
  adaContext = await newContext(browser);
  bjornContext = await newContext(browser);
  await bjornContext.grantPermissions(['notifications'], { origin: baseUrl });
  await bjornContext.addInitScript(recordNotifications);
  await adaContext.addInitScript(recordRenderedRows);
  adaPage = await signInToAdmin(adaContext, baseUrl, ada);
  bjornPage = await signInToAdmin(bjornContext, baseUrl, bjorn);
  await Promise.all([adaPage.goto(inboxUrl(baseUrl)), bjornPage.goto(inboxUrl(baseUrl))]);
  await Promise.all([adaPage.waitForURL(/\/inbox\/unassigned$/), bjornPage.waitForURL(/\/inbox\/unassigned$/)]);
});
afterAll(async () => {
  disconnectAll();
  await adaContext?.close();
  await bjornContext?.close();
  await browser?.close();
  await app?.stop();
});

const api = (agent: TestAdmin) => ({
  get: (url: string) => app.http().get(`/live-chat${url}`).set(bearer(agent.token)),
  put: (url: string, body: object) => app.http().put(`/live-chat${url}`).set(bearer(agent.token)).send(body),
});

const row = (page: Page, documentId: string) => page.locator(`[data-conversation="${documentId}"]`);
const timeline = (page: Page) => page.getByRole('log', { name: 'Conversation' });
const composer = (page: Page) => page.getByRole('textbox', { name: 'Your reply' });
const actions = (page: Page) => page.getByRole('group', { name: 'Conversation actions' });

/** Polls until `check` passes (the screens update asynchronously). */
async function eventually(check: () => Promise<void>, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/** The folder badges show the server's counts for this agent. */
async function expectCountsShown(page: Page, agent: TestAdmin) {
  await eventually(async () => {
    const counts: FolderCounts = (await api(agent).get('/conversations?limit=1')).body.meta.counts;
    for (const folder of ['unassigned', 'mine', 'closed'] as const) {
      expect({ folder, shown: await page.locator(`[data-count="${folder}"]`).textContent() }).toEqual({ folder, shown: String(counts[folder]) });
    }
  });
}

/** A visitor starts a chat through the visitor socket, as the widget does (B1). */
async function newVisitorChat(): Promise<{ visitor: Socket; documentId: string }> {
  const visitor = await connect(baseUrl, 'visitor', await visitorToken(app));
  const ack = await request<VisitorConversation>(visitor, 'conversation:start', {});
  if (!ack.ok) throw new Error(ack.error.message);
  return { visitor, documentId: ack.data.documentId };
}

/** A README screenshot (only with LIVE_CHAT_SCREENSHOTS=true), without Strapi's own announcement banner. */
async function screenshot(page: Page, name: string) {
  if (process.env.LIVE_CHAT_SCREENSHOTS !== 'true') return;
  await page.evaluate(() => {
    // The smallest block around the banner's text that holds a button: the banner and its close button.
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let node = walker.nextNode();
    while (node && !node.textContent?.includes('Introducing the new Media Library')) node = walker.nextNode();
    let container = node?.parentElement ?? null;
    while (container && container.querySelector('button') === null && (container.textContent?.length ?? 0) < 300) container = container.parentElement;
    if (container && (container.textContent?.length ?? 0) < 300) [...container.querySelectorAll('button')].pop()?.click();
    // Toasts of earlier steps would hide the chat's header.
    for (const button of document.querySelectorAll<HTMLButtonElement>('section[aria-label^="Notifications"] li button')) button.click();
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
  });
  await page.mouse.move(0, 799);
  await page.waitForTimeout(600);
  await saveScreenshot(page, name);
}

describe('the inbox, from a new chat to a closed one', () => {
  it('B2: the toggle at the bottom left switches the agent online and stays on after a reload', async () => {
    const toggle = adaPage.getByRole('switch', { name: 'Available for chats' });
    await toggle.waitFor();
    expect(await toggle.getAttribute('aria-checked')).toBe('false');
    await toggle.click();
    await eventually(async () => expect((await api(ada).get('/availability')).body.data.availability).toBe('online'));
    await adaPage.reload();
    await eventually(async () => expect(await adaPage.getByRole('switch', { name: 'Available for chats' }).getAttribute('aria-checked')).toBe('true'));
    // Bjorn goes online through the API the toggle uses.
    expect((await api(bjorn).put('/availability', { availability: 'online' })).status).toBe(200);
  });

  it('B1–B8: a chat reaches both agents, Ada takes it, they talk, she creates a lead and a deal, then closes it', async () => {
    const { visitor, documentId } = await newVisitorChat();

    // B1: it lands in Unassigned for both agents, live, with the counts.
    await row(adaPage, documentId).waitFor();
    await row(bjornPage, documentId).waitFor();
    await expectCountsShown(adaPage, ada);

    // B3: Ada takes it; it leaves Bjorn's list (B6) and follows Ada to My conversations.
    await row(adaPage, documentId).click();
    await adaPage.getByRole('button', { name: 'Assign to me' }).click();
    await row(bjornPage, documentId).waitFor({ state: 'detached' });
    await adaPage.waitForURL(new RegExp(`/inbox/mine/${documentId}$`));
    await row(adaPage, documentId).waitFor();
    await timeline(adaPage).locator('[data-event="agent_joined"]').getByText('Ada Tester joined the chat').waitFor();
    await expectCountsShown(adaPage, ada);
    await expectCountsShown(bjornPage, bjorn);
    expect(await adaPage.getByRole('button', { name: 'Assign to me' }).count()).toBe(0);

    // E3 + E2: the visitor types and writes; Ada sees both.
    await request(visitor, 'typing', { typing: true });
    // Issue 14: an unnamed visitor is "Visitor #<id>" everywhere, the typing line too.
    await adaPage.getByText(/^Visitor #\d+ is typing…$/).waitFor();
    expect((await request(visitor, 'message:send', { clientId: 'visitor-e2e-0001', body: 'Hello, is anyone there?' })).ok).toBe(true);
    await timeline(adaPage).getByText('Hello, is anyone there?').waitFor();
    await adaPage.getByText(/^Visitor #\d+ is typing…$/).waitFor({ state: 'detached' });

    // Ada answers with the rich-text subset; the visitor receives it, Ada sees it sent, then seen.
    const atVisitor = nextEvent<TimelineEntry>(visitor, 'timeline:entry', (entry) => entry.authorKind === 'agent', 15_000);
    await composer(adaPage).fill('**Welcome** to _Acme_! See [our docs](https://example.com/docs)');
    await composer(adaPage).press('Enter');
    const reply = await atVisitor;
    expect(reply).toMatchObject({ body: '**Welcome** to _Acme_! See [our docs](https://example.com/docs)', authorName: 'Ada Tester' });
    const bubble = timeline(adaPage).locator(`[data-message="${reply.clientId}"]`);
    await bubble.locator('strong', { hasText: 'Welcome' }).waitFor();
    expect(await bubble.locator('em').textContent()).toBe('Acme');
    expect(await bubble.locator('a').getAttribute('href')).toBe('https://example.com/docs');
    expect(await bubble.locator('a').getAttribute('rel')).toContain('noopener');
    await bubble.getByText('Sent', { exact: true }).waitFor();
    expect(await composer(adaPage).inputValue()).toBe('');
    await request(visitor, 'read', { seq: reply.seq });
    await bubble.getByText('Seen', { exact: true }).waitFor();
    // The list row shows the last message as one line of text, newest first.
    await row(adaPage, documentId).getByText('Welcome to Acme! See our docs').waitFor();

    // C2 + B7: a lead, then … > a deal, from the side panel; the timeline shows both, in order.
    const panel = adaPage.getByRole('complementary', { name: 'Details' });
    await panel.getByLabel('Person name', { exact: true }).fill('Vera Visitor');
    await panel.getByLabel('Email', { exact: true }).fill('vera@example.com');
    await panel.getByRole('button', { name: 'Create lead' }).click();
    await timeline(adaPage).locator('[data-event="lead_created"]').waitFor();
    await panel.getByRole('button', { name: 'More actions' }).click();
    await adaPage.getByRole('menuitem', { name: 'Create deal' }).click();
    await timeline(adaPage).locator('[data-event="deal_created"]').waitFor();
    // The header names the visitor as the side panel's person, once recorded (C1).
    await adaPage.getByRole('heading', { name: 'Vera Visitor', level: 2 }).waitFor();
    const events = await timeline(adaPage).locator('[data-event]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-event')));
    expect(events).toEqual(['conversation_created', 'agent_joined', 'lead_created', 'deal_created']);
    expect(await timeline(adaPage).locator('[data-event="lead_created"]').textContent()).toMatch(/Ada Tester created the lead ".+" · \d/);
    await screenshot(adaPage, 'inbox-chat.png');

    // B8: Close asks first; the chat moves to Closed with its time, without a composer.
    await actions(adaPage).getByRole('button', { name: 'Close', exact: true }).click();
    const dialog = adaPage.getByRole('alertdialog');
    await dialog.getByText('A closed conversation cannot be reopened.', { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await adaPage.waitForURL(new RegExp(`/inbox/closed/${documentId}$`));
    await adaPage.getByTestId('conversation-state').getByText(/^Closed on /).waitFor();
    await timeline(adaPage).locator('[data-event="closed"]').waitFor();
    expect(await composer(adaPage).count()).toBe(0);
    await adaPage.getByTestId('composer-note').waitFor();
    expect(await adaPage.getByRole('button', { name: 'Assign to me' }).count()).toBe(0);
    expect(await adaPage.getByRole('combobox', { name: 'Reassign' }).count()).toBe(0);
    await row(adaPage, documentId).getByText(/^Closed /).waitFor();
    await expectCountsShown(adaPage, ada);
    const closed = (await api(ada).get(`/conversations/${documentId}`)).body.data;
    expect(closed.status).toBe('closed');

    // The side panel still saves after closing.
    await panel.getByLabel('Notes', { exact: true }).fill('Call back on Monday');
    await panel.getByRole('button', { name: 'Save' }).click();
    await eventually(async () => expect((await api(ada).get(`/conversations/${documentId}`)).body.data.sidePanel.notes).toBe('Call back on Monday'));
    await screenshot(adaPage, 'inbox-closed.png');
  });

  it('B5 + B6: Ada reassigns to Bjorn; he sees it and is notified, she no longer sees it', async () => {
    const { documentId } = await newVisitorChat();
    await bjornPage.goto(`${inboxUrl(baseUrl)}/inbox/mine`);
    await adaPage.goto(`${inboxUrl(baseUrl)}/inbox/unassigned/${documentId}`);
    await adaPage.getByRole('button', { name: 'Assign to me' }).click();
    await adaPage.waitForURL(new RegExp(`/inbox/mine/${documentId}$`));

    // The dropdown at the top right lists every agent who can take chats, and Unassigned.
    await adaPage.getByRole('combobox', { name: 'Reassign' }).click();
    const options = await adaPage.getByRole('option').allTextContents();
    expect(options).toEqual(expect.arrayContaining(['Unassigned', 'Ada Tester', 'Bjorn Tester']));
    await adaPage.getByRole('option', { name: 'Bjorn Tester' }).click();

    // Ada: the chat closes at once and is in none of her folders.
    await adaPage.waitForURL(/\/inbox\/mine$/);
    expect(await row(adaPage, documentId).count()).toBe(0);
    expect((await api(ada).get(`/conversations/${documentId}`)).status).toBe(404);
    for (const folder of ['unassigned', 'closed'] as const) {
      await adaPage.goto(`${inboxUrl(baseUrl)}/inbox/${folder}`);
      await adaPage.getByRole('heading', { level: 1 }).waitFor();
      await eventually(async () => expect(await adaPage.locator('[data-count="unassigned"]').count()).toBe(1));
      expect(await row(adaPage, documentId).count()).toBe(0);
    }

    // Bjorn: it appears in My conversations, live, with a desktop notification (D2).
    await row(bjornPage, documentId).waitFor();
    await eventually(async () => {
      const seen = await bjornPage.evaluate(() => (window as unknown as { __notifications: Array<{ title: string }> }).__notifications);
      expect(seen.map((notification) => notification.title)).toContain('Conversation assigned to you');
    });
    await row(bjornPage, documentId).click();
    await timeline(bjornPage).locator('[data-event="reassigned"]').getByText('Ada Tester reassigned the chat to Bjorn Tester').waitFor();
    await composer(bjornPage).waitFor();

    // Bjorn works on it; nothing of it reaches Ada's screens, not even for a moment (B6).
    await adaPage.goto(`${inboxUrl(baseUrl)}/inbox/mine`);
    await adaPage.getByRole('heading', { level: 1 }).waitFor();
    await adaPage.evaluate(() => {
      (window as unknown as { __rows: string[] }).__rows.length = 0;
    });
    await composer(bjornPage).fill('Hi, Bjorn here');
    await composer(bjornPage).press('Enter');
    await timeline(bjornPage).getByText('Hi, Bjorn here').waitFor();
    await bjornPage.getByRole('complementary', { name: 'Details' }).getByRole('button', { name: 'Create lead' }).click();
    await timeline(bjornPage).locator('[data-event="lead_created"]').waitFor();
    for (const folder of ['unassigned', 'closed', 'mine'] as const) {
      await adaPage.getByRole('link', { name: new RegExp(`^${{ unassigned: 'Unassigned', mine: 'My conversations', closed: 'Closed conversations' }[folder]}`) }).click();
      await adaPage.waitForURL(new RegExp(`/inbox/${folder}$`));
      await adaPage.waitForTimeout(500);
    }
    expect(await adaPage.evaluate(() => (window as unknown as { __rows: string[] }).__rows)).not.toContain(documentId);

    // A direct link to it shows Ada nothing (B6): the chat never opens.
    await adaPage.goto(`${inboxUrl(baseUrl)}/inbox/mine/${documentId}`);
    await adaPage.waitForURL(/\/inbox\/mine$/);
    expect(await timeline(adaPage).count()).toBe(0);
  });

  it('searches a folder and pages through it, newest activity first', async () => {
    const documentIds: string[] = [];
    for (let i = 0; i < 27; i += 1) documentIds.push((await newVisitorChat()).documentId);
    await adaPage.goto(`${inboxUrl(baseUrl)}/inbox/unassigned`);
    await row(adaPage, documentIds[26]).waitFor();
    const first = await adaPage.locator('[data-conversation]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-conversation')));
    expect(first).toHaveLength(25);
    expect(first[0]).toBe(documentIds[26]);
    await adaPage.getByRole('button', { name: 'Load more' }).click();
    await eventually(async () => expect(await adaPage.locator('[data-conversation]').count()).toBeGreaterThanOrEqual(27));
    for (const id of documentIds) expect(await row(adaPage, id).count()).toBe(1);

    // The server's search by the visitor's name or email.
    await adaPage.getByRole('searchbox', { name: 'Search names, emails and messages' }).fill('vera@exa');
    await adaPage.getByText('No conversation matches your search').waitFor();
    await adaPage.goto(`${inboxUrl(baseUrl)}/inbox/closed`);
    await adaPage.getByRole('searchbox', { name: 'Search names, emails and messages' }).fill('vera@exa');
    await eventually(async () => expect(await adaPage.locator('[data-conversation]').count()).toBe(1));

    // G5: a word the visitor wrote finds their chat (the database's full-text index).
    const { visitor, documentId } = await newVisitorChat();
    const sent = await request(visitor, 'message:send', { clientId: 'visitor-gotland-01', body: 'Do you deliver to Gotland by ferry?' });
    expect(sent.ok).toBe(true);
    await adaPage.goto(`${inboxUrl(baseUrl)}/inbox/unassigned`);
    await adaPage.getByRole('searchbox', { name: 'Search names, emails and messages' }).fill('gotlan');
    await eventually(async () =>
      expect(await adaPage.locator('[data-conversation]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-conversation')))).toEqual([documentId]),
    );
  });
});

describe('B6 admins who see every chat', () => {
  it('get an "All assigned" folder listing chats other agents hold; agents do not', async () => {
    const { documentId } = await newVisitorChat();
    expect((await app.http().post(`/live-chat/conversations/${documentId}/assign`).set(bearer(bjorn.token))).status).toBe(200);
    const owner = await createAdmin(app, 'super', 'Olga');
    const context = await newContext(browser);
    try {
      const page = await signInToAdmin(context, baseUrl, owner);
      await page.goto(`${inboxUrl(baseUrl)}/inbox/unassigned`);
      await page.locator('[data-folder="assigned"]').click();
      await page.waitForURL(/\/inbox\/assigned$/);
      await row(page, documentId).waitFor();
      // Opening it keeps the view in "All assigned" (it is not the admin's own chat).
      await row(page, documentId).click();
      await timeline(page).waitFor();
      expect(page.url()).toContain(`/inbox/assigned/${documentId}`);
      // An agent without "see all" has no such folder, and its address sends them to Unassigned.
      await adaPage.goto(`${inboxUrl(baseUrl)}/inbox/assigned`);
      await adaPage.waitForURL(/\/inbox\/unassigned$/);
      expect(await adaPage.locator('[data-folder="assigned"]').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});

describe('E5 the inbox in Turkish', () => {
  it('renders every inbox string in Turkish, with no English left', async () => {
    const cem = await createAgent(app, 'Cem');
    await app.strapi.db.query('admin::user').update({ where: { id: cem.id }, data: { preferedLanguage: 'tr' } });
    const context = await newContext(browser, { locale: 'tr-TR' });
    await context.addInitScript(() => window.localStorage.setItem('strapi-admin-language', 'tr'));
    try {
      const { visitor, documentId } = await newVisitorChat();
      await request(visitor, 'message:send', { clientId: 'visitor-tr-00001', body: 'Merhaba' });
      const page = await signInToAdmin(context, baseUrl, cem);
      await page.goto(`${inboxUrl(baseUrl)}/inbox/unassigned/${documentId}`);
      await page.getByRole('button', { name: 'Bana ata' }).click();
      await page.waitForURL(new RegExp(`/inbox/mine/${documentId}$`));
      await page.getByRole('textbox', { name: 'Yanıtınız' }).fill('Size nasıl yardımcı olabilirim?');
      await page.getByRole('textbox', { name: 'Yanıtınız' }).press('Enter');
      await page.getByText('Gönderildi', { exact: true }).waitFor();
      for (const text of ['Atanmamış', 'Konuşmalarım', 'Kapatılan konuşmalar', 'Çevrimdışı', 'Kapat', 'Cem Tester sohbete katıldı']) {
        await page.getByText(text, { exact: false }).first().waitFor();
      }
      await screenshot(page, 'inbox-tr.png');

      // No English inbox string is left on the screen: every text node and accessible label is checked.
      const english: Record<string, string> = require('../../plugins/live-chat/admin/src/translations/inbox/en.json');
      const turkish: Record<string, string> = require('../../plugins/live-chat/admin/src/translations/inbox/tr.json');
      const patterns = Object.entries(english)
        .filter(([key, text]) => turkish[key] !== text && !text.includes('plural'))
        .map(([, text]) => text.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '.*'));
      const shown = await shownTexts(page);
      const leftovers = shown.filter((text) => patterns.some((pattern) => new RegExp(`^${pattern}$`).test(text)));
      expect(leftovers).toEqual([]);
      expect(shown.length).toBeGreaterThan(30);
    } finally {
      await context.close();
    }
  });
});
