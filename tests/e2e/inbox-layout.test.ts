import type { Browser, BrowserContext, Page } from 'playwright-core';
import { bearer, createAgent, type TestAdmin } from '../harness/admin';
import { inboxUrl, signInToAdmin } from '../harness/admin-ui';
import { launchBrowser, newContext } from '../harness/browser';
import { startConversation } from '../harness/fixtures';
import { listen } from '../harness/sockets';
import { bootStrapi, type TestApp } from '../harness/strapi';

/**
 * Issue 15, the inbox's layout: at the sizes agents work at (1280×800 and 1440×900) the chat is the
 * widest column, its header stays on one line with every action, and the details panel folds away
 * (and stays folded for that agent after a reload). Confirmations show in the panel, not as toasts
 * over the chat header.
 */
jest.setTimeout(180_000);

let app: TestApp;
let baseUrl: string;
let browser: Browser;
let context: BrowserContext;
let ada: TestAdmin;
let page: Page;
let chatUrl: string;

beforeAll(async () => {
  app = await bootStrapi();
  baseUrl = await listen(app);
  ada = await createAgent(app, 'Ada');
  browser = await launchBrowser();
  context = await newContext(browser);
  page = await signInToAdmin(context, baseUrl, ada);
  // A long name and a long page title: they must shorten, not push the actions onto a second line.
  const { documentId } = await startConversation(app, { name: 'Maximiliana Theodora Featherstonehaugh-Cholmondeley' });
  expect((await app.http().post(`/live-chat/conversations/${documentId}/assign`).set(bearer(ada.token))).status).toBe(200);
  chatUrl = `${inboxUrl(baseUrl)}/inbox/mine/${documentId}`;
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await app?.stop();
});

const details = () => page.locator('#live-chat-details');
const chatColumn = () => page.getByRole('log', { name: 'Conversation' });
const actions = () => page.getByRole('group', { name: 'Conversation actions' });

describe('issue 15 the inbox layout', () => {
  it.each([
    [1280, 800],
    [1440, 900],
  ])('at %i×%i the chat is the widest column and its header is one line', async (width, height) => {
    await page.setViewportSize({ width, height });
    await page.goto(chatUrl);
    await details().waitFor();
    const chat = (await chatColumn().boundingBox())!.width;
    const list = (await page.getByRole('navigation', { name: 'My conversations', exact: true }).boundingBox())!.width;
    const panel = (await details().boundingBox())!.width;
    expect(chat).toBeGreaterThan(panel);
    expect(chat).toBeGreaterThan(list);
    // Every action sits on the header's one line, beside the name.
    const heading = (await page.getByRole('heading', { level: 2 }).first().boundingBox())!;
    const group = (await actions().boundingBox())!;
    expect(group.height).toBeLessThan(48);
    expect(Math.abs(group.y + group.height / 2 - (heading.y + heading.height / 2))).toBeLessThan(32);
    expect(group.x).toBeGreaterThan(heading.x);
  });

  it('folds the details panel away, gives the chat the room, and remembers it for the agent after a reload', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(chatUrl);
    await details().waitFor();
    const before = (await chatColumn().boundingBox())!.width;
    await page.getByRole('button', { name: 'Hide details' }).click();
    await details().waitFor({ state: 'hidden' });
    const after = (await chatColumn().boundingBox())!.width;
    expect(after).toBeGreaterThanOrEqual(before + 280);
    expect(await page.getByRole('button', { name: 'Show details' }).getAttribute('aria-expanded')).toBe('false');

    await page.reload();
    await page.getByRole('button', { name: 'Show details' }).waitFor();
    expect(await details().isHidden()).toBe(true);
    await page.getByRole('button', { name: 'Show details' }).click();
    await details().waitFor();
  });

  it('confirms a save inside the details panel, with nothing laid over the chat header', async () => {
    await page.goto(chatUrl);
    const panel = page.getByRole('complementary', { name: 'Details' });
    await panel.getByLabel('Person name', { exact: true }).fill('Mia Short');
    await panel.getByRole('button', { name: 'Save' }).click();
    await panel.getByRole('status').getByText('Details saved').waitFor();
    // Strapi's toasts would cover the header's top right, where Reassign and Close are.
    const group = (await actions().boundingBox())!;
    const topmost = await page.evaluate(
      ({ x, y }) => document.elementFromPoint(x, y)?.closest('[role="group"]')?.getAttribute('aria-label') ?? null,
      { x: group.x + group.width / 2, y: group.y + group.height / 2 },
    );
    expect(topmost).toBe('Conversation actions');
  });
});
