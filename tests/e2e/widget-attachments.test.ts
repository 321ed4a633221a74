import type { Browser } from 'playwright-core';
import { bearer } from '../harness/admin';
import { removeAllMedia, samples } from '../harness/attachments';
import { newContext, type StaticSite } from '../harness/browser';
import { nextEvent } from '../harness/sockets';
import type { TestApp } from '../harness/strapi';
import { eventually, onlineAgent, openWidget, publishLiveChatPlaybook, snippetPage, startWidgetTestBed, stopWidgetTestBed } from '../harness/widget-page';

/**
 * G4 in the widget (a page on another origin than Strapi): the agent's image shows as a thumbnail
 * loaded from the Strapi server, the agent's PDF as a download link to it.
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
  if (app) await removeAllMedia(app);
  await stopWidgetTestBed({ app, site, browser });
});

describe('G4 files in the widget', () => {
  it("shows the agent's image as a thumbnail and a PDF as a download link, both from the Strapi server", async () => {
    const agent = await onlineAgent(app, url, 'Ada');
    const context = await newContext(browser);
    const page = await context.newPage();
    const created = nextEvent<{ documentId: string; status: string }>(agent.socket, 'conversation:upsert', (c) => c.status === 'unassigned', 15_000);
    await page.goto(site.page('/shop', snippetPage(url)));
    const w = await openWidget(page);
    const { documentId } = await created;
    await agent.assign(documentId);
    const upload = (clientId: string, name: string, bytes: Buffer) =>
      app.http().post(`/live-chat/conversations/${documentId}/attachments`).set(bearer(agent.admin.token)).field('clientId', clientId).attach('files', bytes, { filename: name });
    expect((await upload('w-photo-0001', 'map.png', await samples.photo())).status).toBe(201);
    expect((await upload('w-pdf-00001', 'price list.pdf', samples.pdf())).status).toBe(201);

    const image = w.log.locator('a.file img');
    await image.waitFor();
    expect(await image.getAttribute('alt')).toBe('map.png');
    expect(await image.getAttribute('src')).toMatch(new RegExp(`^${url}/live-chat/attachments/[A-Za-z0-9_-]{32}/thumbnail$`));
    await page.waitForFunction((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0, await image.elementHandle());
    const link = w.log.locator('a.file', { hasText: 'price list.pdf' });
    await eventually(() => link.count(), (n) => n === 1, 'pdf link');
    expect(await link.getAttribute('href')).toMatch(new RegExp(`^${url}/live-chat/attachments/[A-Za-z0-9_-]{32}$`));
    await context.close();
  });
});
