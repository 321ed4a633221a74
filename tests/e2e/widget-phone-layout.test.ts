import type { Browser } from 'playwright-core';
import { newContext, type StaticSite } from '../harness/browser';
import type { TestApp } from '../harness/strapi';
import { onlineAgent, openWidget, publishLiveChatPlaybook, snippetPage, startWidgetTestBed, stopWidgetTestBed, eventually, latestConversation } from '../harness/widget-page';

/**
 * Issue 15, the widget on phones (390×844 and 360×640), measured in Chromium: inputs at 16px (iOS
 * zooms into smaller ones on focus), the close, send and attach buttons at least 44px, and a short
 * message in a bubble sized to its text, not stretched across the panel.
 */
let app: TestApp;
let url: string;
let site: StaticSite;
let browser: Browser;

beforeAll(async () => {
  ({ app, url, site, browser } = await startWidgetTestBed());
  await publishLiveChatPlaybook(app);
});
afterAll(async () => {
  await stopWidgetTestBed({ app, site, browser });
});

describe('issue 15 the widget on a phone', () => {
  it.each([
    [390, 844],
    [360, 640],
  ])('at %i×%i: 16px input, 44px targets, bubbles sized to their text', async (width, height) => {
    const agent = await onlineAgent(app, url, `Phone${width}`);
    const context = await newContext(browser, { viewport: { width, height }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(site.page('/pricing', snippetPage(url)));
    const w = await openWidget(page);
    const documentId = await eventually(() => latestConversation(app).catch(() => ''), (id) => id !== '', 'the conversation');
    await agent.assign(documentId);
    await w.composer.waitFor();
    await eventually(() => w.composer.isEnabled(), (enabled) => enabled, 'the composer');

    const fontSize = await w.composer.evaluate((element) => getComputedStyle(element).fontSize);
    expect(fontSize).toBe('16px');
    for (const selector of ['live-chat-widget .head .icon', 'live-chat-widget .send', 'live-chat-widget button.attach']) {
      const box = (await page.locator(selector).first().boundingBox())!;
      expect({ selector, width: box.width >= 44, height: box.height >= 44 }).toEqual({ selector, width: true, height: true });
    }

    await w.composer.fill('Hi');
    await w.composer.press('Enter');
    const bubble = w.mine.last().locator('.bubble');
    await bubble.waitFor();
    const log = (await w.log.boundingBox())!;
    expect((await bubble.boundingBox())!.width).toBeLessThan(log.width / 3);
    await context.close();
  });
});
