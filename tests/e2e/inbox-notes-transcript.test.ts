import type { Browser, BrowserContext, Page } from 'playwright-core';
import { bearer, createAdmin, createAgent, type TestAdmin } from '../harness/admin';
import { inboxUrl, signInToAdmin } from '../harness/admin-ui';
import { newContext, type StaticSite } from '../harness/browser';
import type { TestApp } from '../harness/strapi';
import { eventually, latestConversation, openWidget, paragraph, snippetPage, startWidgetTestBed, stopWidgetTestBed, texts, widget } from '../harness/widget-page';

/**
 * G2 and G3 in real browsers: a visitor walks the playbook on a company page (a question, a button)
 * and the agent's inbox shows that bot transcript before "started"; the agent writes an internal
 * note, then a reply: the widget, open all along (and after a reload), shows the reply and never
 * the note, which never even crosses the widget's socket.
 */
jest.setTimeout(240_000);

let app: TestApp;
let url: string;
let site: StaticSite;
let browser: Browser;
let ada: TestAdmin;
let adaContext: BrowserContext;
let inbox: Page;
let visitorContext: BrowserContext;
let visitor: Page;
/** Every websocket frame the visitor's page received. */
const visitorFrames: string[] = [];
let documentId: string;

beforeAll(async () => {
  ({ app, url, site, browser } = await startWidgetTestBed());
  const owner = await createAdmin(app, 'super', 'Owner');
  const created = await app.http().post('/live-chat/playbooks').set(bearer(owner.token)).send({ name: 'Desk', template: 'live_chat' });
  const playbookId = created.body.data.documentId as string;
  const question = await app
    .http()
    .post(`/live-chat/playbooks/${playbookId}/cards`)
    .set(bearer(owner.token))
    .send({
      kind: 'question',
      title: 'Topic',
      position: 1,
      settings: { prompt: paragraph('What is it about?'), buttons: [{ id: 'sales', label: 'Buying' }, { id: 'help', label: 'Support' }] },
    });
  expect(question.status).toBe(201);
  expect((await app.http().post(`/live-chat/playbooks/${playbookId}/publish`).set(bearer(owner.token))).status).toBe(200);

  ada = await createAgent(app, 'Ada');
  expect((await app.http().put('/live-chat/availability').set(bearer(ada.token)).send({ availability: 'online' })).status).toBe(200);
  adaContext = await newContext(browser);
  inbox = await signInToAdmin(adaContext, url, ada);
  await inbox.goto(inboxUrl(url));
  await inbox.waitForURL(/\/inbox\/unassigned$/);

  visitorContext = await newContext(browser);
  visitor = await visitorContext.newPage();
  visitor.on('websocket', (socket) => socket.on('framereceived', (frame) => visitorFrames.push(String(frame.payload))));
});
afterAll(async () => {
  await adaContext?.close();
  await visitorContext?.close();
  await stopWidgetTestBed({ app, site, browser });
});

const timeline = () => inbox.getByRole('log', { name: 'Conversation' });

describe('the agent\'s desk in the browser', () => {
  it('G2: a new chat shows the bot transcript in the inbox, in order, before "started"', async () => {
    await visitor.goto(site.page('/pricing', snippetPage(url)));
    const w = await openWidget(visitor);
    await eventually(() => texts(w.bot), (t) => t.includes('What is it about?'), 'the question');
    await visitor.locator('live-chat-widget button.choice', { hasText: 'Buying' }).click();
    await eventually(() => texts(w.bot), (t) => t.some((line) => line.includes('One of our team')), 'the online message');
    documentId = await eventually(() => latestConversation(app).catch(() => ''), (id) => id !== '', 'the conversation');

    await inbox.locator(`[data-conversation="${documentId}"]`).click();
    await timeline().locator('[data-event="conversation_created"]').waitFor();
    const order = await timeline()
      .locator('[data-transcript], [data-event]')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-transcript') ?? `event:${node.getAttribute('data-event')}`));
    expect(order).toEqual(['bot_message', 'question', 'button', 'bot_message', 'event:conversation_created']);
    const question = timeline().locator('[data-transcript="question"]');
    expect(await question.textContent()).toContain('What is it about?');
    expect(await question.getByRole('listitem').allTextContents()).toEqual(['Buying', 'Support']);
    const answer = timeline().locator('[data-transcript="button"]');
    expect(await answer.textContent()).toContain('Buying');
    expect(await answer.textContent()).toContain('answer to the bot');
    expect(await timeline().locator('[data-transcript="bot_message"]').first().textContent()).toContain('Bot');
    expect(await timeline().locator('[data-transcript] time').count()).toBe(4);
    // The widget shows its flow once: the lines that came back through the timeline are not repeated.
    expect((await texts(w.bot)).filter((line) => line.includes('What is it about?'))).toHaveLength(1);
  });

  it('G3: a note written in the inbox never reaches the widget, which shows the reply that follows', async () => {
    await inbox.getByRole('button', { name: 'Assign to me' }).click();
    await timeline().locator('[data-event="agent_joined"]').waitFor();

    await inbox.getByRole('button', { name: 'Note', exact: true }).click();
    const noteBox = inbox.getByRole('textbox', { name: 'Internal note' });
    await noteBox.fill('Secret: wants a discount');
    await noteBox.press('Enter');
    const note = timeline().locator('[data-audience="agents"]', { hasText: 'Secret: wants a discount' });
    await note.waitFor();
    expect(await note.textContent()).toContain('Internal note');
    await eventually(() => note.getAttribute('data-status'), (s) => s === 'stored', 'the note stored');

    await inbox.getByRole('button', { name: 'Reply', exact: true }).click();
    const replyBox = inbox.getByRole('textbox', { name: 'Your reply' });
    await replyBox.fill('Happy to help with pricing');
    await replyBox.press('Enter');
    const w = widget(visitor);
    await eventually(() => texts(w.theirs), (t) => t.includes('Happy to help with pricing'), 'the reply in the widget', 20_000);
    expect(await w.log.textContent()).not.toContain('Secret');

    // After a reload the widget catches up from the database: the reply again, never the note.
    await visitor.reload();
    const after = widget(visitor);
    await after.panel.waitFor({ state: 'visible' });
    await eventually(() => texts(after.theirs), (t) => t.includes('Happy to help with pricing'), 'the reply after a reload', 20_000);
    expect(await after.log.textContent()).not.toContain('Secret');
    expect((await texts(after.bot)).filter((line) => line.includes('What is it about?'))).toHaveLength(1);
    expect(visitorFrames.some((frame) => frame.includes('Happy to help with pricing'))).toBe(true);
    expect(visitorFrames.some((frame) => frame.includes('Secret'))).toBe(false);
  });
});
