import type { Browser } from 'playwright-core';
import { uid } from '../../plugins/live-chat/shared/constants';
import { CHAT_STRINGS } from '../../plugins/live-chat/widget/src/i18n/strings';
import { newContext, type StaticSite } from '../harness/browser';
import { nextEvent } from '../harness/sockets';
import type { TestApp } from '../harness/strapi';
import { eventually, onlineAgent, openWidget, paragraph, publishLiveChatPlaybook, snippetPage, startWidgetTestBed, stopWidgetTestBed, texts } from '../harness/widget-page';

/** A7, B9, A6 in a real browser: nobody online, or nobody taking the chat in time → offline path → lead. */
const en = CHAT_STRINGS.en;
let app: TestApp;
let url: string;
let site: StaticSite;
let browser: Browser;
let playbookId: string;

beforeAll(async () => {
  ({ app, url, site, browser } = await startWidgetTestBed());
  // The shortest wait time a card allows, so B9 is real time in this test, not a faked clock.
  playbookId = (await publishLiveChatPlaybook(app, { waitTimeSeconds: 10, offlineMessage: paragraph('Nobody could take your chat in time.') })).documentId;
});
afterAll(() => stopWidgetTestBed({ app, site, browser }));

const leadsFor = (email: string) => app.strapi.db.query(uid('lead')).findMany({ where: { person: { email } }, populate: ['person'] });

describe('nobody online (A7)', () => {
  it('shows the offline message, validates the capture form inline, and the answers create the lead', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(site.page('/contact', snippetPage(url, { playbook: playbookId })));
    const w = await openWidget(page);
    await eventually(() => texts(w.bot), (t) => t.length >= 3, 'greeting, offline message, capture prompt');
    expect((await texts(w.bot)).slice(0, 3)).toEqual([
      'Hi there! Thanks for visiting. How can we help you today?',
      'Nobody could take your chat in time.',
      'How can we reach you?',
    ]);
    expect(await w.composer.isDisabled()).toBe(true); // no conversation: nobody to write to

    const name = page.getByLabel('Name');
    const email = page.getByLabel('Email');
    expect(await name.getAttribute('aria-required')).toBe('true');
    await page.getByRole('button', { name: en.submit }).click();
    // Inline errors, tied to their fields for screen readers, focus on the first.
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    const nameError = page.locator(`live-chat-widget #${await name.getAttribute('aria-describedby')}`);
    expect(await nameError.textContent()).toBe(en.errorRequired);
    expect(await name.evaluate((input) => input === (input.getRootNode() as ShadowRoot).activeElement)).toBe(true);

    // The server's check (the shared capture rules) refuses a bad email: shown at the field.
    await name.fill('Vera Visitor');
    await email.fill('vera-at-example');
    await page.getByRole('button', { name: en.submit }).click();
    // (The email is still marked from the empty submit above: wait for the server's own error.)
    const emailError = async () => page.locator(`live-chat-widget #${await email.getAttribute('aria-describedby')}`).textContent();
    await eventually(emailError, (text) => text === en.errorEmail, 'email refused by the server');
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    expect(await name.getAttribute('aria-invalid')).toBe('false');
    expect(await leadsFor('vera@example.com')).toHaveLength(0);

    await email.fill('Vera@Example.com');
    await page.getByRole('button', { name: en.submit }).click();
    await eventually(() => texts(w.bot), (t) => t.includes('Thanks! We have your details and will be in touch soon.'), 'thank-you card');
    const leads = await leadsFor('vera@example.com');
    expect(leads).toHaveLength(1);
    expect(leads[0]).toMatchObject({ source: 'playbook', person: { name: 'Vera Visitor' } });
    expect(await app.strapi.db.query(uid('conversation')).count()).toBe(0);
    await context.close();
  });
});

describe('nobody takes the chat in time (B9)', () => {
  it('waits, then shows the offline message and runs the offline path; the chat stays as missed', async () => {
    const agent = await onlineAgent(app, url, 'Idle');
    const created = nextEvent<{ documentId: string; status: string }>(agent.socket, 'conversation:upsert', (c) => c.status === 'unassigned', 15_000);
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(site.page('/late', snippetPage(url, { playbook: playbookId })));
    const w = await openWidget(page);
    await eventually(() => w.status.textContent(), (s) => s === en.waiting, 'waiting for an agent');
    const { documentId } = await created;
    expect(await w.composer.isDisabled()).toBe(false); // the visitor may write while waiting

    // The 10 s wait time runs out (swept by the server's timer): offline message, then the capture form.
    await eventually(() => texts(w.bot), (t) => t.includes('Nobody could take your chat in time.'), 'offline message', 25_000);
    await page.getByLabel('Name').waitFor();
    await page.getByLabel('Name').fill('Late Larry');
    await page.getByLabel('Email').fill('larry@example.com');
    await page.getByRole('button', { name: en.submit }).click();
    await eventually(() => texts(w.bot), (t) => t.includes('Thanks! We have your details and will be in touch soon.'), 'thank-you card');
    expect(await leadsFor('larry@example.com')).toHaveLength(1);
    const conversation = await app.strapi.db.query(uid('conversation')).findOne({ where: { documentId } });
    expect(conversation.status).toBe('unassigned');
    expect(conversation.missedAt).not.toBeNull();
    await context.close();
    await agent.offline();
  });
});
