import type { Browser, BrowserContext, Page } from 'playwright-core';
import { uid } from '../../plugins/live-chat/shared/constants';
import { inboxUrl, signInToAdmin } from '../harness/admin-ui';
import { launchBrowser, newContext, saveScreenshot } from '../harness/browser';
import { disconnectAll, listen, nextEvent } from '../harness/sockets';
import { bootStrapi, type TestApp } from '../harness/strapi';
import { eventually, onlineAgent, openWidget, publishLiveChatPlaybook, type OnlineAgent } from '../harness/widget-page';

/**
 * G2 and issue 14 in a real browser: a visitor on the demo site (public/demo, served by Strapi as
 * `npm start` does) opens a chat; the agent's inbox shows the page they are on, in the list row,
 * the chat header and the side panel, and the page changes, without a reload, when the visitor
 * clicks a link to another page of the site.
 */
jest.setTimeout(240_000);

let app: TestApp;
let url: string;
let browser: Browser;
let agent: OnlineAgent;
let agentContext: BrowserContext;
let visitorContext: BrowserContext;
let inbox: Page;

beforeAll(async () => {
  app = await bootStrapi();
  url = await listen(app);
  await publishLiveChatPlaybook(app);
  agent = await onlineAgent(app, url, 'Ada');
  browser = await launchBrowser();
  agentContext = await newContext(browser);
  visitorContext = await newContext(browser, { timezoneId: 'Asia/Jakarta' });
  inbox = await signInToAdmin(agentContext, url, agent.admin);
  await inbox.goto(inboxUrl(url));
  await inbox.waitForURL(/\/inbox\/unassigned$/);
});
afterAll(async () => {
  disconnectAll();
  await agentContext?.close();
  await visitorContext?.close();
  await browser?.close();
  await app?.stop();
});

describe('the visitor context in the inbox', () => {
  it("shows the visitor's page in the list, header and side panel, and follows them to another page", async () => {
    const created = nextEvent<{ documentId: string; status: string }>(agent.socket, 'conversation:upsert', (c) => c.status === 'unassigned', 20_000);
    const visitor = await visitorContext.newPage();
    await visitor.goto(`${url}/demo/index.html`);
    await openWidget(visitor);
    const { documentId } = await created;

    // The list row: the anonymous visitor's stable label, and the page they are on.
    const row = inbox.locator(`[data-conversation="${documentId}"]`);
    await row.waitFor({ state: 'visible', timeout: 20_000 });
    const stored = await app.strapi.db.query(uid('conversation')).findOne({ where: { documentId }, populate: ['visitor'] });
    expect((await row.locator('[data-testid="row-name"]').textContent())?.trim()).toBe(`Visitor #${stored.visitor.id}`);
    await eventually(() => row.locator('[data-testid="row-page"]').textContent(), (t) => t === 'Live Chat for Strapi — demo page', 'the page in the row');
    expect(await row.locator('[data-testid="row-waiting"]').isVisible()).toBe(true);

    // The chat: its header and side panel show the page, the device and the visitor's own clock.
    await row.click();
    const header = inbox.locator('[data-testid="visitor-page"]').first();
    await eventually(() => header.textContent(), (t) => (t ?? '').includes('Live Chat for Strapi — demo page'), 'the page in the header');
    expect(await header.locator('a').getAttribute('href')).toBe(`${url}/demo/index.html`);
    const panel = inbox.locator('[data-testid="visitor-context"]');
    await eventually(() => panel.locator('[data-testid="visitor-local-time"]').textContent(), (t) => (t ?? '').includes('Asia/Jakarta'), 'local time');
    expect(await panel.locator('[data-testid="visitor-device"]').textContent()).toMatch(/Chrom/);

    // The visitor clicks a link on the site: a new page loads, its widget reports it, the inbox follows.
    await visitor.locator('#demo-pricing-link').click();
    await visitor.waitForURL(/pricing\.html$/);
    await eventually(() => header.textContent(), (t) => (t ?? '').includes('Pricing — Acme Widgets'), 'the new page in the header', 15_000);
    expect(await header.locator('a').getAttribute('href')).toBe(`${url}/demo/pricing.html`);
    await eventually(() => row.locator('[data-testid="row-page"]').textContent(), (t) => t === 'Pricing — Acme Widgets', 'the new page in the row');
    await eventually(
      () => panel.textContent(),
      (t) => (t ?? '').includes(`${url}/demo/index.html`),
      'the landing page stays the first page of the visit',
    );
    await saveScreenshot(inbox, 'inbox-visitor-context');
  });
});
