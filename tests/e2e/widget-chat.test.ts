import type { Browser } from 'playwright-core';
import type { TimelineEntry } from '../../plugins/live-chat/shared/contracts/conversations';
import { CHAT_STRINGS } from '../../plugins/live-chat/widget/src/i18n/strings';
import { newContext, type StaticSite } from '../harness/browser';
import { nextEvent } from '../harness/sockets';
import type { TestApp } from '../harness/strapi';
import { eventually, onlineAgent, openWidget, publishLiveChatPlaybook, RECORD_EVENTS, snippetPage, startWidgetTestBed, stopWidgetTestBed, texts, type, widget } from '../harness/widget-page';

/**
 * E1, E3, B1, B4, B8 in a real browser: a visitor on a company page (another origin than Strapi)
 * runs the playbook to the Live Chat card, an agent takes the chat, both write, and the agent closes it.
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

describe('the visitor widget, online path', () => {
  it('runs the playbook, hands over to an agent whose name replaces the bot\'s, chats both ways and closes', async () => {
    const agent = await onlineAgent(app, url, 'Ada');
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.addInitScript(RECORD_EVENTS);
    const created = nextEvent<{ documentId: string; status: string }>(agent.socket, 'conversation:upsert', (c) => c.status === 'unassigned', 15_000);
    await page.goto(site.page('/pricing', snippetPage(url)));

    const w = await openWidget(page);
    expect(await w.launcher.getAttribute('aria-expanded')).toBe('true');
    // The template's greeting and the Live Chat card's online message (A3), then the wait (B1).
    await eventually(() => texts(w.bot), (t) => t.length >= 2, 'greeting and online message');
    const bubbles = await texts(w.bot);
    expect(bubbles[0]).toContain('Hi there! Thanks for visiting.');
    expect(bubbles[1]).toContain('One of our team will be with you in a moment.');
    expect(await w.bot.nth(1).locator('strong').textContent()).toBe('One of our team');
    await eventually(() => w.status.textContent(), (s) => s === en.waiting, 'waiting status');
    expect(await w.title.textContent()).toBe(en.botName);

    // B1: the conversation is in Unassigned; the agent takes it (B3) and the widget shows them (B4).
    const { documentId } = await created;
    await agent.assign(documentId);
    await eventually(() => w.title.textContent(), (t) => t === agent.displayName, 'the agent\'s name as title');
    await eventually(() => texts(w.system), (t) => t.includes(`${agent.displayName} joined the chat`), 'joined line');
    expect(await w.status.textContent()).toBe(en.online);

    // Visitor → agent: shown at once, then "sent" once stored; the agent sees the visitor typing (E3).
    const typing = nextEvent<{ documentId: string; typing: boolean }>(agent.socket, 'typing', (p) => p.typing);
    const atAgent = nextEvent<{ documentId: string; entry: TimelineEntry }>(agent.socket, 'timeline:entry', (p) => p.entry.kind === 'text');
    await w.composer.pressSequentially('Hello from the pricing page', { delay: 5 });
    expect(await typing).toEqual({ documentId, typing: true });
    await w.composer.press('Enter');
    const fromVisitor = (await atAgent).entry;
    expect(fromVisitor).toMatchObject({ authorKind: 'visitor', body: 'Hello from the pricing page' });
    await eventually(() => w.mine.last().getAttribute('data-status'), (s) => s === 'sent', 'sent status');
    expect(await w.mine.last().locator('.meta').textContent()).toBe(en.sent);

    // Agent → visitor, with the typing indicator first and the visitor's read receipt after (E3).
    agent.socket.emit('typing', { documentId, typing: true });
    await eventually(() => w.typing.textContent(), (t) => t === `${agent.displayName} is typing…`, 'agent typing');
    const readByVisitor = nextEvent<{ documentId: string; upToSeq: number }>(agent.socket, 'read', (p) => p.documentId === documentId);
    const reply = await agent.send(documentId, 'Hi! Which plan are you looking at?');
    await eventually(() => texts(w.theirs), (t) => t.includes('Hi! Which plan are you looking at?'), 'agent reply');
    expect(await w.typing.textContent()).toBe('');
    expect((await readByVisitor).upToSeq).toBe(reply.seq);

    // The agent reads the visitor's message: it shows "Read".
    agent.socket.emit('read', { documentId, seq: reply.seq });
    await eventually(() => w.mine.last().getAttribute('data-status'), (s) => s === 'read', 'read receipt');
    expect(await w.mine.last().locator('.meta').textContent()).toBe(en.read);

    // A4: the inbox composer's markup (bold, italic, links) shows as rich text, as in the inbox.
    await agent.send(documentId, '**Pro** is _popular_: see [pricing](https://example.com/pricing)');
    await eventually(() => texts(w.theirs), (t) => t.includes('Pro is popular: see pricing'), 'rich reply');
    const rich = w.theirs.last();
    expect(await rich.locator('strong').textContent()).toBe('Pro');
    expect(await rich.locator('em').textContent()).toBe('popular');
    expect(await rich.locator('a').getAttribute('href')).toBe('https://example.com/pricing');
    expect(await rich.locator('a').getAttribute('rel')).toBe('noopener noreferrer nofollow');

    // B8: the agent closes; the widget says so and the composer is off.
    await agent.close(documentId);
    await eventually(() => w.status.textContent(), (s) => s === en.closed, 'closed status');
    expect(await w.composer.isDisabled()).toBe(true);
    expect(await page.locator('live-chat-widget button', { hasText: en.newChat }).isVisible()).toBe(true);

    // The host page heard it all through the JS API.
    const events = (await page.evaluate('window.__liveChatEvents')) as Array<{ name: string; payload: { body?: string; documentId?: string } | null }>;
    expect(events.map((e) => e.name)).toEqual(['opened', 'conversation:started', 'message', 'message', 'message']);
    expect(events[1]?.payload?.documentId).toBe(documentId);
    expect(events.filter((e) => e.name === 'message').map((e) => e.payload?.body)).toEqual([
      'Hello from the pricing page',
      'Hi! Which plan are you looking at?',
      '**Pro** is _popular_: see [pricing](https://example.com/pricing)',
    ]);
    await context.close();
    await agent.offline();
  });
});

describe('keyboard and screen reader (E1)', () => {
  it('labels the launcher and the dialog, moves focus in and back, and closes on Escape', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(site.page('/a11y', snippetPage(url)));
    const w = widget(page);
    await w.launcher.waitFor();
    expect(await w.launcher.getAttribute('aria-label')).toBe('Open chat');
    expect(await w.launcher.getAttribute('aria-expanded')).toBe('false');

    await w.launcher.focus();
    await page.keyboard.press('Enter');
    await w.panel.waitFor({ state: 'visible' });
    expect(await w.panel.getAttribute('aria-labelledby')).toBe('lc-title');
    expect(await w.log.getAttribute('aria-live')).toBe('polite');
    expect(await w.launcher.getAttribute('aria-label')).toBe('Close chat');
    // Focus is inside the panel (on what the visitor can act on), not left on the page.
    await eventually(
      () => page.evaluate(() => document.querySelector('live-chat-widget')?.shadowRoot?.activeElement?.closest('[role="dialog"]') !== null),
      (inside) => inside,
      'focus inside the dialog',
    );

    await page.keyboard.press('Escape');
    await w.panel.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.querySelector('live-chat-widget')?.shadowRoot?.activeElement?.className)).toBe('launcher');
    expect(await w.launcher.getAttribute('aria-expanded')).toBe('false');
    await context.close();
  });

  it('fits a 360 px wide phone screen', async () => {
    const context = await newContext(browser, { viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(site.page('/phone', snippetPage(url)));
    const w = await openWidget(page);
    await eventually(() => w.bot.count(), (n) => n >= 1, 'greeting');
    const box = await w.panel.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(360);
    expect(box!.y + box!.height).toBeLessThanOrEqual(640);
    // Nothing inside runs wider than the panel.
    expect(await w.log.evaluate((log) => log.scrollWidth <= log.clientWidth)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await context.close();
  });
});

describe('the JS API', () => {
  it('runs calls queued before the script loaded, opens and closes, and identifies the visitor', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const queued = `<script>window.LiveChat = window.LiveChat || []; LiveChat.push(['open']); LiveChat.push(['identify', { name: 'Jane Roe', email: 'Jane@Example.com' }]);</script>`;
    await page.goto(site.page('/api', snippetPage(url, { head: queued })));
    const w = widget(page);
    await w.panel.waitFor({ state: 'visible' });
    await eventually(async () => {
      const visitor = await app.strapi.db.query('plugin::live-chat.visitor').findOne({ where: { name: 'Jane Roe' } });
      return visitor?.email ?? null;
    }, (email) => email === 'jane@example.com', 'identified visitor');
    await page.evaluate('window.LiveChat.close()');
    await w.panel.waitFor({ state: 'hidden' });
    await page.evaluate('window.LiveChat.open()');
    await w.panel.waitFor({ state: 'visible' });
    await context.close();
  });
});

describe('A5 where the widget is installed', () => {
  it('reports the page as it loads, before anyone opens the chat, and only once an hour per page', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const reports: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/live-chat/widget/installations')) reports.push(request.postData() ?? '');
    });
    const address = site.page('/landing', snippetPage(url));
    await page.goto(address);
    const installed = () =>
      app.strapi.db.query('plugin::live-chat.installation').findOne({ where: { origin: site.origin, path: '/landing' } });
    await eventually(installed, (row) => row !== null, 'installation recorded');
    expect(await widget(page).panel.isVisible()).toBe(false);
    await page.reload();
    await widget(page).launcher.waitFor();
    expect(reports).toHaveLength(1);
    expect(JSON.parse(reports[0])).toEqual({ page: address });
    await context.close();
  });
});
