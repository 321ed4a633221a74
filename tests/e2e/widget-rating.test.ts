import type { Browser } from 'playwright-core';
import { uid } from '../../plugins/live-chat/shared/constants';
import { CHAT_STRINGS } from '../../plugins/live-chat/widget/src/i18n/strings';
import { bearer, createAdmin } from '../harness/admin';
import { inboxUrl, signInToAdmin } from '../harness/admin-ui';
import { newContext, type StaticSite } from '../harness/browser';
import { nextEvent } from '../harness/sockets';
import type { TestApp } from '../harness/strapi';
import { eventually, onlineAgent, openWidget, publishLiveChatPlaybook, snippetPage, startWidgetTestBed, stopWidgetTestBed, texts, widget } from '../harness/widget-page';

/**
 * Issue 16 (G6) in real browsers: an agent closes the chat in the inbox; the visitor, on a phone
 * sized screen, rates it in the widget by keyboard (1–5 and a comment); the inbox shows the rating
 * in the timeline and the side panel at once; a reload does not ask again.
 */
jest.setTimeout(240_000);

const en = CHAT_STRINGS.en;
const PHONE = { width: 360, height: 740 };
let app: TestApp;
let url: string;
let site: StaticSite;
let browser: Browser;

beforeAll(async () => {
  ({ app, url, site, browser } = await startWidgetTestBed());
  await publishLiveChatPlaybook(app);
});
afterAll(() => stopWidgetTestBed({ app, site, browser }));

/** A visitor on a phone-sized page of the site whose chat `agentName` took (B1, B3). */
async function visitorInChat(path: string, agentName: string) {
  const agent = await onlineAgent(app, url, agentName);
  const context = await newContext(browser, { viewport: PHONE, hasTouch: true });
  const page = await context.newPage();
  const created = nextEvent<{ documentId: string; status: string }>(agent.socket, 'conversation:upsert', (c) => c.status === 'unassigned', 15_000);
  await page.goto(site.page(path, snippetPage(url)));
  const w = await openWidget(page);
  const { documentId } = await created;
  await agent.assign(documentId);
  return { agent, context, page, w, documentId };
}

describe('the satisfaction rating, from the inbox to the widget and back', () => {
  it('asks the visitor once the agent closed the chat, and shows their answer in the inbox', async () => {
    const { agent, context: visitorContext, page, w, documentId } = await visitorInChat('/support', 'Ada');
    await eventually(() => w.title.textContent(), (t) => t === agent.displayName, "the agent's name as title");

    // The agent closes the chat in the inbox (B8).
    const inbox = await signInToAdmin(await newContext(browser), url, agent.admin);
    await inbox.goto(`${inboxUrl(url)}/inbox/mine/${documentId}`);
    await inbox.getByRole('group', { name: 'Conversation actions' }).getByRole('button', { name: 'Close', exact: true }).click();
    await inbox.getByRole('alertdialog').getByRole('button', { name: 'Confirm' }).click();
    await inbox.waitForURL(new RegExp(`/inbox/closed/${documentId}$`));

    // The widget asks: a labelled group of five stars, a comment box, Send (off until a score) and No thanks.
    const form = page.locator('live-chat-widget form.rating');
    await form.waitFor();
    await eventually(() => texts(w.system), (t) => t.includes(en.closed), 'the chat has ended');
    const stars = form.getByRole('radio');
    expect(await stars.count()).toBe(5);
    expect(await form.getByRole('group', { name: en.ratePrompt }).count()).toBe(1);
    expect(await form.getByRole('radio', { name: '4 out of 5' }).count()).toBe(1);
    const send = form.getByRole('button', { name: en.rateSubmit });
    expect(await send.isDisabled()).toBe(true);
    await form.getByRole('button', { name: en.rateDismiss }).waitFor();

    // Phone-sized: the panel fills the screen, nothing overflows sideways, the stars are big enough to tap.
    const panel = await w.panel.boundingBox();
    expect(panel).toMatchObject({ x: 0, y: 0, width: PHONE.width, height: PHONE.height });
    const box = await form.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
    expect(await w.log.evaluate((log) => log.scrollWidth <= log.clientWidth)).toBe(true);
    for (const star of await page.locator('live-chat-widget .star').all()) {
      const size = await star.boundingBox();
      expect(Math.min(size!.width, size!.height)).toBeGreaterThanOrEqual(44);
    }

    // By keyboard: focus starts on the first star; arrows choose 4; Tab to the comment, then to Send.
    await eventually(() => stars.first().evaluate((radio) => radio.getRootNode() instanceof ShadowRoot && (radio.getRootNode() as ShadowRoot).activeElement === radio), Boolean, 'focus on the first star');
    for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowRight');
    expect(await form.getByRole('radio', { name: '4 out of 5' }).isChecked()).toBe(true);
    expect(await page.locator('live-chat-widget .star.on').count()).toBe(4);
    expect(await send.isDisabled()).toBe(false);
    await page.keyboard.press('Tab');
    await page.keyboard.type('<b>Quick</b> & kind');
    await page.keyboard.press('Tab');
    const rated = nextEvent<{ documentId: string; entry: { event: { type: string } | null } }>(agent.socket, 'timeline:entry', (p) => p.entry.event?.type === 'rated', 15_000);
    await page.keyboard.press('Enter');
    await rated;
    await eventually(() => texts(w.system), (t) => t.includes(en.rateThanks), 'thanks');
    expect(await form.count()).toBe(0);
    expect(await app.strapi.db.query(uid('conversation')).findOne({ where: { documentId } })).toMatchObject({ rating: 4, ratingComment: '<b>Quick</b> & kind' });

    // The inbox: the rating in the timeline, marked as the visitor's, live; the comment as text, not markup.
    const event = inbox.getByRole('log', { name: 'Conversation' }).locator('[data-event="rated"]');
    await event.waitFor();
    expect(await event.getAttribute('data-author')).toBe('visitor');
    expect(await event.textContent()).toContain('The visitor rated the chat 4 out of 5');
    expect(await event.getByTestId('rating-comment').textContent()).toBe('“<b>Quick</b> & kind”');
    expect(await event.locator('b').count()).toBe(0);
    const sidePanel = inbox.getByTestId('side-panel-rating');
    await sidePanel.waitFor();
    expect(await sidePanel.textContent()).toContain('4 out of 5');
    expect(await sidePanel.textContent()).toContain('<b>Quick</b> & kind');

    // Asked once: after a reload the widget starts a new flow and does not ask again.
    // A reload keeps the panel open (docs/widget.md).
    await page.reload();
    const again = widget(page);
    await again.panel.waitFor({ state: 'visible' });
    await eventually(() => texts(again.bot), (t) => t.length >= 1, 'a new flow');
    expect(await page.locator('live-chat-widget form.rating').count()).toBe(0);
    await visitorContext.close();
  });

  it('asks again after a reload while unanswered, and "No thanks" ends the question for good', async () => {
    const { agent, context, page, documentId } = await visitorInChat('/help', 'Bea');
    await agent.close(documentId);
    await page.locator('live-chat-widget form.rating').waitFor();

    // Unanswered survives a reload: the closed chat comes back with its question.
    await page.reload();
    await widget(page).panel.waitFor({ state: 'visible' });
    const form = page.locator('live-chat-widget form.rating');
    await form.waitFor();
    await form.getByRole('button', { name: en.rateDismiss }).click();
    await form.waitFor({ state: 'detached' });
    expect((await app.strapi.db.query(uid('conversation')).findOne({ where: { documentId } })).ratingDismissedAt).toBeTruthy();

    await page.reload();
    const w = widget(page);
    await w.panel.waitFor({ state: 'visible' });
    await eventually(() => texts(w.bot), (t) => t.length >= 1, 'a new flow');
    expect(await page.locator('live-chat-widget form.rating').count()).toBe(0);
    expect(await widget(page).system.allTextContents()).not.toContain(en.rateThanks);
    await context.close();
  });

  it('Settings > Live Chat > Satisfaction rating turns it off: the widget then does not ask', async () => {
    const manager = await createAdmin(app, ['manageNotificationSettings'], 'Manager');
    const settings = await signInToAdmin(await newContext(browser), url, manager);
    await settings.goto(`${url}/admin/settings/live-chat/satisfaction-rating`);
    const section = settings.getByRole('region', { name: 'After a chat' });
    const toggle = section.getByRole('checkbox', { name: 'Ask visitors to rate closed chats' });
    await toggle.waitFor({ state: 'attached' });
    expect(await toggle.isChecked()).toBe(true);
    await toggle.click({ force: true });
    await section.getByRole('button', { name: 'Save' }).click();
    await settings.getByText('Saved').first().waitFor();
    expect((await app.http().get('/live-chat/settings/csat').set(bearer(manager.token))).body.data).toEqual({ enabled: false });

    const { agent, context, page, w, documentId } = await visitorInChat('/off', 'Cy');
    await agent.close(documentId);
    await eventually(() => texts(w.system), (t) => t.includes(en.closed), 'the chat has ended');
    await page.locator('live-chat-widget button', { hasText: en.newChat }).waitFor();
    expect(await page.locator('live-chat-widget form.rating').count()).toBe(0);
    expect((await app.http().put('/live-chat/settings/csat').set(bearer(manager.token)).send({ enabled: true })).status).toBe(200);
    await context.close();
  });
});
