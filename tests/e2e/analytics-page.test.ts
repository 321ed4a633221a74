import type { Browser, BrowserContext, Page } from 'playwright-core';
import { toDbDatetime, TABLES } from '../../plugins/live-chat/server/src/repositories/sql';
import { createAdmin, type TestAdmin } from '../harness/admin';
import { signInToAdmin } from '../harness/admin-ui';
import { launchBrowser, newContext, saveScreenshot } from '../harness/browser';
import { startConversation } from '../harness/fixtures';
import { listen } from '../harness/sockets';
import { bootStrapi, type TestApp } from '../harness/strapi';

/**
 * Issue 16 in a real browser: a manager holding "View analytics" finds Analytics in the admin menu,
 * and the page shows the seeded chats' KPIs in the locale's number format, a line per day, bars per
 * agent, the agents' table, and downloads the CSV.
 */
jest.setTimeout(240_000);

let app: TestApp;
let baseUrl: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let manager: TestAdmin;
let ada: TestAdmin;

/** Three chats of the last two days: two taken by Ada (rated 4 and 5), one missed. */
async function seed() {
  const db = (date: Date) => toDbDatetime(app.strapi, date);
  const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000);
  const chats = [
    { start: hoursAgo(30), assignee: ada.id, waitSeconds: 20, rating: 4 },
    { start: hoursAgo(3), assignee: ada.id, waitSeconds: 40, rating: 5 },
    { start: hoursAgo(2), assignee: null, waitSeconds: null, rating: null },
  ];
  for (const chat of chats) {
    const { id } = await startConversation(app);
    const assignedAt = chat.waitSeconds === null ? null : db(new Date(chat.start.getTime() + chat.waitSeconds * 1000));
    await app.strapi.db.connection(TABLES.conversations).where({ id }).update({
      created_at: db(chat.start),
      status: chat.assignee ? 'closed' : 'unassigned',
      assignee_id: chat.assignee,
      assigned_at: assignedAt,
      first_assigned_at: assignedAt,
      missed_at: chat.assignee ? null : db(new Date(chat.start.getTime() + 120_000)),
      wait_deadline_at: null,
      rating: chat.rating,
    });
  }
}

beforeAll(async () => {
  app = await bootStrapi();
  baseUrl = await listen(app);
  manager = await createAdmin(app, ['viewAnalytics', 'seeAllConversations'], 'Maja');
  ada = await createAdmin(app, ['useInbox'], 'Ada');
  await seed();
  browser = await launchBrowser();
  context = await newContext(browser, { acceptDownloads: true, locale: 'en-US' });
  page = await signInToAdmin(context, baseUrl, manager);
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await app?.stop();
});

const tile = (label: string) => page.getByRole('group', { name: label }).getByTestId('kpi-value');

describe('the Analytics page (issue 16)', () => {
  it('is in the admin menu for a manager with "View analytics", and shows the KPIs of the seeded chats', async () => {
    await page.getByRole('link', { name: 'Analytics' }).click();
    await page.getByRole('heading', { name: 'Analytics', level: 1 }).waitFor();
    await expect(tile('Chats started').textContent()).resolves.toBe('3');
    await expect(tile('Taken').textContent()).resolves.toBe('2');
    await expect(tile('Missed').textContent()).resolves.toBe('1');
    await expect(tile('Closed').textContent()).resolves.toBe('2');
    // Waits of 20 s and 40 s: the median is 30 s, written in the locale's unit format.
    await expect(tile('Wait to assignment (median)').textContent()).resolves.toBe('30 sec');
    await expect(tile('Satisfaction (CSAT)').textContent()).resolves.toBe('4.5 / 5');
  });

  it('draws a line per figure over the days and a bar per agent', async () => {
    const days = page.getByTestId('analytics-days-chart');
    await days.locator('.recharts-line').first().waitFor();
    expect(await days.locator('.recharts-line').count()).toBe(3);
    const agents = page.getByTestId('analytics-agents-chart');
    await agents.locator('.recharts-bar-rectangle').first().waitFor();
    // Ada's "Taken" and "Closed" bars at least ("Not taken" has zeros).
    expect(await agents.locator('.recharts-bar-rectangle').count()).toBeGreaterThanOrEqual(2);
    expect((await agents.locator('.recharts-legend-item-text').allTextContents()).sort()).toEqual(['Closed', 'Taken']);
    await expect(page.getByRole('row', { name: /Ada Tester/ }).textContent()).resolves.toContain('Ada Tester');
    await saveScreenshot(page, 'analytics-page.png', { fullPage: true });
  });

  it('downloads the CSV of the same figures', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^live-chat-analytics-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    const stream = await download.createReadStream();
    let text = '';
    for await (const chunk of stream) text += String(chunk);
    const [header, total] = text.split('\r\n');
    expect(header.startsWith('section,day,agent_id,agent')).toBe(true);
    expect(total.split(',').slice(6, 10)).toEqual(['3', '2', '1', '2']);
  });
});
