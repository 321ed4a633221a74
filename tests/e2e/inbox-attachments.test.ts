import type { Browser, BrowserContext, Page } from 'playwright-core';
import { bearer, createAgent, type TestAdmin } from '../harness/admin';
import { inboxUrl, signInToAdmin } from '../harness/admin-ui';
import { removeAllMedia, samples, visitorInConversation } from '../harness/attachments';
import { launchBrowser, newContext, saveScreenshot } from '../harness/browser';
import { listen } from '../harness/sockets';
import { bootStrapi, type TestApp } from '../harness/strapi';

/**
 * G4 in a real browser: a visitor's image and PDF show in the inbox as a thumbnail and a download
 * link; the agent sends a file back from the composer; an HTML page renamed .png is refused with
 * the server's reason and nothing appears.
 */
jest.setTimeout(180_000);

let app: TestApp;
let baseUrl: string;
let browser: Browser;
let context: BrowserContext;
let ada: TestAdmin;
let page: Page;

beforeAll(async () => {
  app = await bootStrapi();
  baseUrl = await listen(app);
  ada = await createAgent(app, 'Ada');
  browser = await launchBrowser();
  context = await newContext(browser);
  page = await signInToAdmin(context, baseUrl, ada);
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  if (app) await removeAllMedia(app);
  await app?.stop();
});

const visitorSends = (token: string, clientId: string, filename: string, bytes: Buffer) =>
  app.http().post('/live-chat/widget/attachments').set(bearer(token)).field('clientId', clientId).attach('files', bytes, { filename });

describe('G4 files in the inbox', () => {
  it("shows the visitor's image and PDF, sends a file back, and refuses an HTML page named .png", async () => {
    const visitor = await visitorInConversation(app);
    await app.http().post(`/live-chat/conversations/${visitor.documentId}/assign`).set(bearer(ada.token)).expect(200);
    expect((await visitorSends(visitor.token, 'e2e-photo-01', 'holiday.png', await samples.photo())).status).toBe(201);
    expect((await visitorSends(visitor.token, 'e2e-pdf-0001', 'invoice.pdf', samples.pdf())).status).toBe(201);

    await page.goto(`${inboxUrl(baseUrl)}/inbox/mine/${visitor.documentId}`);
    const log = page.getByRole('log', { name: 'Conversation' });
    const thumbnail = log.locator('[data-attachment="image"] img');
    await thumbnail.waitFor();
    expect(await thumbnail.getAttribute('alt')).toBe('holiday.png');
    // The thumbnail really loaded (served by the plugin's route, same origin as the admin).
    await page.waitForFunction((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0, await thumbnail.elementHandle());
    const pdfLink = log.locator('[data-attachment="file"]', { hasText: 'invoice.pdf' });
    await pdfLink.waitFor();
    const href = new URL((await pdfLink.getAttribute('href')) as string, baseUrl);
    const download = await app.http().get(href.pathname);
    expect(download.headers['content-disposition']).toMatch(/^attachment;/);

    // Ada sends a text file from the composer; it shows in her timeline as a download link.
    await page.getByTestId('composer-file').setInputFiles({ name: 'directions.txt', mimeType: 'text/plain', buffer: samples.text() });
    await log.locator('[data-attachment="file"]', { hasText: 'directions.txt' }).waitFor();

    // An HTML page named .png: the server's reason under the composer, nothing in the timeline.
    await page.getByTestId('composer-file').setInputFiles({ name: 'cat.png', mimeType: 'image/png', buffer: samples.html() });
    await page.getByText("The file was not sent: The file's content is text/plain, but its name ends in .png").waitFor();
    expect(await log.locator('[data-attachment]').count()).toBe(3);
    await saveScreenshot(page, 'inbox-attachments.png');
  });
});
