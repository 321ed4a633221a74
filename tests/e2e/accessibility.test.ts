import type { BrowserContext } from 'playwright-core';
import { bearer, createAdmin, createAgent } from '../harness/admin';
import { inboxUrl, signInToAdmin } from '../harness/admin-ui';
import { axeViolations } from '../harness/axe';
import { newContext } from '../harness/browser';
import { startConversation } from '../harness/fixtures';
import { openWidget, publishLiveChatPlaybook, snippetPage, startWidgetTestBed, stopWidgetTestBed, type WidgetTestBed } from '../harness/widget-page';

/**
 * Issue 15: the plugin's own screens meet WCAG 2.1 AA as axe-core checks it (contrast, names,
 * roles, labels): the inbox with a chat open, the playbook list, and the visitor's widget on a phone.
 * Strapi's own navigation around the plugin is Strapi's, so each check covers the plugin's part.
 */
jest.setTimeout(180_000);

let bed: WidgetTestBed;
let playbookId: string;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  bed = await startWidgetTestBed();
  playbookId = (await publishLiveChatPlaybook(bed.app)).documentId;
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await stopWidgetTestBed(bed ?? {});
});

describe('issue 15 WCAG 2.1 AA (axe-core)', () => {
  it('the inbox with a chat open and one waiting, at 1280×800, in English and in Swedish', async () => {
    const ada = await createAgent(bed.app, 'Ada');
    const waiting = await startConversation(bed.app, { name: 'Wanda Waiting' });
    const { documentId } = await startConversation(bed.app, { name: 'Vera Visitor' });
    expect((await bed.app.http().post(`/live-chat/conversations/${documentId}/assign`).set(bearer(ada.token))).status).toBe(200);
    expect((await bed.app.http().post(`/live-chat/conversations/${documentId}/messages`).set(bearer(ada.token)).send({ clientId: 'axe-reply-0001', body: 'Hello **there**' })).status).toBe(201);
    for (const language of ['en', 'sv']) {
      const context = await newContext(bed.browser);
      contexts.push(context);
      await context.addInitScript((lang) => window.localStorage.setItem('strapi-admin-language', lang), language);
      const page = await signInToAdmin(context, bed.url, ada);
      await page.goto(`${inboxUrl(bed.url)}/inbox/mine/${documentId}`);
      await page.locator('#live-chat-details').waitFor();
      await page.locator('[data-receipt]').waitFor();
      expect({ language, violations: await axeViolations(page, ['main']) }).toEqual({ language, violations: [] });
      // A waiting chat: its waiting time in the list and the Unassigned badge.
      await page.goto(`${inboxUrl(bed.url)}/inbox/unassigned/${waiting.documentId}`);
      await page.locator('[data-testid="row-waiting"]').first().waitFor();
      expect({ language, violations: await axeViolations(page, ['main']) }).toEqual({ language, violations: [] });
    }
  });

  it('the playbook list and the playbook editor', async () => {
    const context = await newContext(bed.browser);
    contexts.push(context);
    const admin = await createAdmin(bed.app, 'super', 'Pat');
    const page = await signInToAdmin(context, bed.url, admin);
    await page.goto(`${inboxUrl(bed.url)}/playbooks`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await axeViolations(page, ['main'])).toEqual([]);
    await page.goto(`${inboxUrl(bed.url)}/playbooks/${playbookId}`);
    await page.getByText('Offline only: not embedded').first().waitFor();
    expect(await axeViolations(page, ['main'])).toEqual([]);
  });

  it('the widget on a phone, open on the playbook', async () => {
    const context = await newContext(bed.browser, { viewport: { width: 393, height: 851 }, isMobile: true, hasTouch: true });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(bed.site.page('/pricing', snippetPage(bed.url)));
    const w = await openWidget(page);
    await w.bot.first().waitFor();
    expect(await axeViolations(page, ['live-chat-widget'])).toEqual([]);
  });
});
