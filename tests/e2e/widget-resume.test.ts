import type { Browser } from 'playwright-core';
import { uid } from '../../plugins/live-chat/shared/constants';
import { CHAT_STRINGS } from '../../plugins/live-chat/widget/src/i18n/strings';
import { newContext, type StaticSite } from '../harness/browser';
import { nextEvent, settle } from '../harness/sockets';
import type { TestApp } from '../harness/strapi';
import { eventually, networkSwitch, onlineAgent, openWidget, publishLiveChatPlaybook, snippetPage, startWidgetTestBed, stopWidgetTestBed, texts, type, widget } from '../harness/widget-page';

/**
 * E2, E4 in a real browser: a reload resumes the conversation with its history, shown once; a
 * network drop shows "reconnecting" and catches up with everything, once and in order; a failed
 * send can be retried and is never stored or shown twice.
 */
const en = CHAT_STRINGS.en;
let app: TestApp;
let url: string;
let site: StaticSite;
let browser: Browser;

beforeAll(async () => {
  ({ app, url, site, browser } = await startWidgetTestBed());
  await publishLiveChatPlaybook(app);
});
afterAll(() => stopWidgetTestBed({ app, site, browser }));

const countMessages = (documentId: string, body: string) =>
  app.strapi.db.query(uid('message')).count({ where: { body, conversation: { documentId } } });

describe('a returning visitor and a flaky network', () => {
  it('resumes after a reload, survives a drop, and never duplicates a message', async () => {
    const agent = await onlineAgent(app, url, 'Ada');
    const context = await newContext(browser);
    const page = await context.newPage();
    const network = networkSwitch(context);
    const created = nextEvent<{ documentId: string; status: string }>(agent.socket, 'conversation:upsert', (c) => c.status === 'unassigned', 15_000);
    await page.goto(site.page('/shop', snippetPage(url)));
    const w = await openWidget(page);
    const { documentId } = await created;
    await agent.assign(documentId);
    await eventually(() => w.title.textContent(), (t) => t === agent.displayName, 'agent joined');
    await type(page, 'first question');
    await eventually(() => w.mine.last().getAttribute('data-status'), (s) => s === 'sent' || s === 'read', 'first sent');
    await agent.send(documentId, 'first answer');
    await eventually(() => texts(w.theirs), (t) => t.includes('first answer'), 'first answer');

    // E4: reload mid-chat. The token in localStorage brings the same visitor back to the same chat.
    await page.reload();
    const after = widget(page);
    await after.panel.waitFor({ state: 'visible' }); // it was open: it opens again
    await eventually(() => texts(after.theirs), (t) => t.includes('first answer'), 'history after reload');
    expect(await texts(after.mine.locator('.bubble'))).toEqual(['first question']);
    expect(await texts(after.theirs)).toEqual(['first answer']);
    expect(await texts(after.system)).toEqual([`${agent.displayName} joined the chat`]);
    // G2: the bot part comes back from the server's record, once; the playbook did not start again.
    const botLines = await texts(after.bot);
    expect(botLines).toHaveLength(2);
    expect(botLines[0]).toBe('Hi there! Thanks for visiting. How can we help you today?');
    expect(botLines[1]).toContain('One of our team will be with you in a moment.');
    expect(await after.title.textContent()).toBe(agent.displayName);
    expect(await app.strapi.db.query(uid('conversation')).count()).toBe(1);

    // A network drop while the agent writes: "reconnecting", then everything, once, in order (E2).
    await network.drop();
    await eventually(() => after.status.textContent(), (s) => s === en.reconnecting, 'reconnecting state');
    for (const body of ['while away 1', 'while away 2', 'while away 3']) await agent.send(documentId, body);
    await settle(1500);
    expect(await texts(after.theirs)).toEqual(['first answer']); // really cut off
    await network.restore();
    await eventually(() => after.status.textContent(), (s) => s === en.online, 'back online', 15_000);
    await eventually(() => texts(after.theirs), (t) => t.length === 4, 'caught up');
    expect(await texts(after.theirs)).toEqual(['first answer', 'while away 1', 'while away 2', 'while away 3']);

    // A send while cut off fails visibly; a retry (same client id) stores and shows it once.
    await network.drop();
    await eventually(() => after.status.textContent(), (s) => s === en.reconnecting, 'reconnecting again');
    await type(page, 'sent into the void');
    expect(await after.mine.last().getAttribute('data-status')).toBe('sending');
    await eventually(() => after.mine.last().getAttribute('data-status'), (s) => s === 'failed', 'failed send', 15_000);
    expect(await after.mine.last().locator('.meta').textContent()).toBe(`${en.failed}${en.retry}`);
    await after.mine.last().getByRole('button', { name: en.retry }).click();
    expect(await after.mine.last().getAttribute('data-status')).toBe('sending');
    await network.restore();
    await eventually(() => after.mine.last().getAttribute('data-status'), (s) => s === 'sent' || s === 'read', 'retried send stored', 20_000);
    await settle(1000);
    expect(await texts(after.mine.locator('.bubble'))).toEqual(['first question', 'sent into the void']);
    expect(await countMessages(documentId, 'sent into the void')).toBe(1);
    await context.close();
    await agent.offline();
  });
});
