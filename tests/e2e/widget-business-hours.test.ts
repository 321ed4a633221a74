import type { Browser } from 'playwright-core';
import { uid } from '../../plugins/live-chat/shared/constants';
import type { Clock } from '../../plugins/live-chat/server/src/services/clock';
import { bearer, createAdmin } from '../harness/admin';
import { newContext, type StaticSite } from '../harness/browser';
import type { TestApp } from '../harness/strapi';
import { eventually, onlineAgent, openWidget, snippetPage, startWidgetTestBed, stopWidgetTestBed, texts } from '../harness/widget-page';

/**
 * G7, A7 in a real browser: outside the playbook's business hours the widget takes the offline path
 * at once, though an agent is online, and says when the team is back in the visitor's own time zone.
 * The server's clock is moved (the clock service), so the test never waits for a real Saturday.
 */
let app: TestApp;
let url: string;
let site: StaticSite;
let browser: Browser;
let playbookId: string;

beforeAll(async () => {
  ({ app, url, site, browser } = await startWidgetTestBed());
  const owner = await createAdmin(app, 'super', 'Owner');
  const created = await app.http().post('/live-chat/playbooks').set(bearer(owner.token)).send({ name: 'Office hours', template: 'live_chat' });
  playbookId = created.body.data.documentId;
  const card = created.body.data.cards.find((c: { kind: string }) => c.kind === 'live_chat');
  const businessHours = { timeZone: 'Europe/Stockholm', weekly: { monday: [{ from: '09:00', to: '17:00' }] }, holidays: [] };
  const edited = await app
    .http()
    .put(`/live-chat/playbooks/${playbookId}/cards/${card.documentId}`)
    .set(bearer(owner.token))
    .send({ settings: { ...card.settings, businessHours } });
  expect(edited.status).toBe(200);
  expect((await app.http().post(`/live-chat/playbooks/${playbookId}/publish`).set(bearer(owner.token))).status).toBe(200);
});
afterAll(async () => {
  jest.restoreAllMocks();
  await stopWidgetTestBed({ app, site, browser });
});

describe('outside business hours (G7)', () => {
  it('shows the offline message and the capture form at once, and when the team is back in the visitor’s time zone', async () => {
    const agent = await onlineAgent(app, url, 'Awake');
    // Saturday noon in Stockholm; the team is back Monday 09:00 CET = 08:00 UTC = 03:00 in New York.
    jest.spyOn(app.strapi.plugin('live-chat').service('clock') as Clock, 'now').mockReturnValue(new Date('2026-12-05T11:00:00Z'));
    const context = await newContext(browser, { timezoneId: 'America/New_York', locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(site.page('/after-hours', snippetPage(url, { playbook: playbookId, pageLang: 'en' })));
    const w = await openWidget(page);
    await eventually(() => texts(w.bot), (t) => t.length >= 3, 'greeting, offline message, capture prompt');
    expect((await texts(w.bot))[2]).toBe('How can we reach you?');
    const note = await eventually(() => texts(w.system), (t) => t.some((line) => line.startsWith('The team is back')), 'the back-at note');
    const backAt = note.find((line) => line.startsWith('The team is back'))!;
    expect(backAt).toContain('Monday');
    expect(backAt).toContain('December 7');
    expect(backAt).toMatch(/\b03:00\b/);
    expect(await w.composer.isDisabled()).toBe(true);
    expect(await app.strapi.db.query(uid('conversation')).count()).toBe(0);
    await context.close();
    agent.socket.disconnect();
  });
});
