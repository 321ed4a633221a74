import type { Browser } from 'playwright-core';
import { CHAT_STRINGS } from '../../plugins/live-chat/widget/src/i18n/strings';
import { inboxUrl, signInToAdmin } from '../harness/admin-ui';
import { newContext, type StaticSite } from '../harness/browser';
import { agentMessages, appendToTimeline, internalEvents } from '../harness/fixtures';
import { nextEvent } from '../harness/sockets';
import type { TestApp } from '../harness/strapi';
import { eventually, networkSwitch, onlineAgent, openWidget, publishLiveChatPlaybook, snippetPage, startWidgetTestBed, stopWidgetTestBed, texts } from '../harness/widget-page';

/**
 * E2 in real browsers: the widget and the inbox, both cut off while 600 internal events and 2,000
 * messages are written to their chat, page through all of it once the network is back — each
 * message once, in order, up to the last. The entries are written straight to the database, so
 * no live event can bring them: only the clients' catch-up can.
 */
jest.setTimeout(180_000);

const en = CHAT_STRINGS.en;
const HIDDEN = 600;
const MISSED = 2000;
let app: TestApp;
let url: string;
let site: StaticSite;
let browser: Browser;

beforeAll(async () => {
  ({ app, url, site, browser } = await startWidgetTestBed());
  await publishLiveChatPlaybook(app);
});
afterAll(() => stopWidgetTestBed({ app, site, browser }));

describe('a visitor and an agent away for 2,000 messages', () => {
  it('both see every missed message once, in order, up to the last', async () => {
    const agent = await onlineAgent(app, url, 'Ada');
    const visitorContext = await newContext(browser);
    const visitorPage = await visitorContext.newPage();
    const created = nextEvent<{ documentId: string; status: string }>(agent.socket, 'conversation:upsert', (c) => c.status === 'unassigned', 15_000);
    await visitorPage.goto(site.page('/shop', snippetPage(url)));
    const w = await openWidget(visitorPage);
    const { documentId } = await created;
    await agent.assign(documentId);
    const hello = await agent.send(documentId, 'hello');
    await eventually(() => texts(w.theirs), (t) => t.includes('hello'), 'the first answer in the widget');

    // Ada has the chat open in the inbox.
    const agentContext = await newContext(browser);
    const inbox = await signInToAdmin(agentContext, url, agent.admin);
    await inbox.goto(`${inboxUrl(url)}/inbox/mine/${documentId}`);
    const log = inbox.getByRole('log', { name: 'Conversation' });
    await log.locator(`[data-message="${hello.clientId}"]`).waitFor();

    await Promise.all([networkSwitch(visitorContext).drop(), networkSwitch(agentContext).drop()]);
    await eventually(() => w.status.textContent(), (s) => s === en.reconnecting, 'the widget cut off');
    const missed = agentMessages('missed', MISSED, agent.admin.id);
    await appendToTimeline(app, documentId, [...internalEvents(HIDDEN), ...missed]);
    await Promise.all([networkSwitch(visitorContext).restore(), networkSwitch(agentContext).restore()]);

    // The widget: the messages only (the visitor never sees the CRM events).
    const last = `missed ${MISSED}`;
    await eventually(() => w.theirs.last().textContent(), (t) => t?.trim() === last, 'the widget caught up', 60_000);
    expect(await texts(w.theirs)).toEqual(['hello', ...missed.map((entry) => entry.body)]);
    expect(await w.status.textContent()).toBe(en.online);

    // The inbox: every entry, the events too, in seq order.
    // (The chat's first entries are the bot transcript, G2: the messages counted here come after it.)
    expect(await log.locator('[data-transcript]').count()).toBe(2);
    const messages = log.locator('[data-message]:not([data-transcript])');
    await eventually(() => messages.last().getAttribute('data-message'), (id) => id === missed[MISSED - 1].clientId, 'the inbox caught up', 60_000);
    const shown = await messages.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-message')));
    expect(shown).toEqual([hello.clientId, ...missed.map((entry) => entry.clientId)]);
    expect(await log.locator('[data-event="lead_created"]').count()).toBe(HIDDEN);
    expect(await messages.last().textContent()).toContain(last);

    await Promise.all([visitorContext.close(), agentContext.close()]);
    await agent.offline();
  });
});
