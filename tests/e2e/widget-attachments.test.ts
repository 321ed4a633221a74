import type { Browser } from 'playwright-core';
import { bearer } from '../harness/admin';
import { removeAllMedia, samples } from '../harness/attachments';
import { newContext, type StaticSite } from '../harness/browser';
import type { TimelineEntry } from '../../plugins/live-chat/shared/contracts/conversations';
import { uid } from '../../plugins/live-chat/shared/constants';
import { mediaCount } from '../harness/attachments';
import { nextEvent, record } from '../harness/sockets';
import type { TestApp } from '../harness/strapi';
import { eventually, onlineAgent, openWidget, publishLiveChatPlaybook, snippetPage, startWidgetTestBed, stopWidgetTestBed } from '../harness/widget-page';

/**
 * G4 in the widget (a page on another origin than Strapi): the agent's image shows as a thumbnail
 * loaded from the Strapi server, the agent's PDF as a download link to it; the visitor sends files
 * with the composer's paperclip (the server's refusal shows in the chat, a lost answer is retried
 * with the same client id and stored once).
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

  it('lets the visitor send an image and a PDF with the paperclip; the agent receives both, each shown once', async () => {
    const agent = await onlineAgent(app, url, 'Grace');
    const context = await newContext(browser);
    const page = await context.newPage();
    const created = nextEvent<{ documentId: string; status: string }>(agent.socket, 'conversation:upsert', (c) => c.status === 'unassigned', 15_000);
    await page.goto(site.page('/shop', snippetPage(url)));
    const w = await openWidget(page);
    const { documentId } = await created;
    await agent.assign(documentId);
    const received = record<{ documentId: string; entry: TimelineEntry }>(agent.socket, 'timeline:entry');
    const attach = page.locator('live-chat-widget button.attach');
    await attach.waitFor({ state: 'visible' });
    expect(await attach.getAttribute('aria-label')).toBe('Attach a file');
    expect(await attach.isEnabled()).toBe(true);
    const input = page.locator('live-chat-widget input[type="file"]');

    await input.setInputFiles({ name: 'receipt.png', mimeType: 'image/png', buffer: await samples.photo() });
    await w.log.locator('a.file img[alt="receipt.png"]').waitFor();
    // By keyboard: Enter on the paperclip opens the browser's file picker.
    const chooser = page.waitForEvent('filechooser');
    await attach.focus();
    await page.keyboard.press('Enter');
    await (await chooser).setFiles({ name: 'order.pdf', mimeType: 'application/pdf', buffer: samples.pdf() });
    await eventually(() => w.log.locator('a.file', { hasText: 'order.pdf' }).count(), (n) => n === 1, 'pdf link');

    const files = await eventually(
      async () => received.filter((p) => p.documentId === documentId && p.entry.kind === 'file').map((p) => [p.entry.authorKind, p.entry.attachment?.name, p.entry.attachment?.mime]),
      (list) => list.length === 2,
      'the files at the agent',
    );
    expect(files).toEqual([
      ['visitor', 'receipt.png', 'image/png'],
      ['visitor', 'order.pdf', 'application/pdf'],
    ]);
    // The ack and the socket both brought each entry: one row each, no "Sending file…" left.
    await eventually(() => w.mine.count(), (n) => n === 2, 'two rows of mine');
    expect(await w.log.getByText('Sending file…').count()).toBe(0);
    await context.close();
  });

  it('shows the refusal of an .html renamed .png and stores nothing; a lost answer or a failed upload ends as one stored file each', async () => {
    const agent = await onlineAgent(app, url, 'Hedy');
    const context = await newContext(browser);
    const page = await context.newPage();
    const created = nextEvent<{ documentId: string; status: string }>(agent.socket, 'conversation:upsert', (c) => c.status === 'unassigned', 15_000);
    await page.goto(site.page('/shop', snippetPage(url)));
    const w = await openWidget(page);
    const { documentId } = await created;
    await agent.assign(documentId);
    const conversation = await app.strapi.db.query(uid('conversation')).findOne({ where: { documentId }, select: ['id'] });
    const fileMessages = () => app.strapi.db.query(uid('message')).count({ where: { conversation: conversation.id, kind: 'file' } });
    const input = page.locator('live-chat-widget input[type="file"]');
    await page.locator('live-chat-widget button.attach').waitFor({ state: 'visible' });
    const mediaBefore = await mediaCount(app);

    // The picker offers the types the server accepts (its allow-list, by extension).
    expect((await input.getAttribute('accept'))?.split(',')).toEqual(expect.arrayContaining(['.png', '.jpg', '.pdf', '.txt']));
    expect(await input.getAttribute('accept')).not.toContain('.html');

    await input.setInputFiles({ name: 'invoice.png', mimeType: 'image/png', buffer: samples.html() });
    const refused = w.system.filter({ hasText: 'This file can’t be sent here.' });
    await refused.waitFor();
    expect(await w.mine.count()).toBe(0); // the pending row went
    expect(await fileMessages()).toBe(0);
    expect(await mediaCount(app)).toBe(mediaBefore);

    // A type the server does not take and a file over the limit are refused on the page, without an upload.
    const uploadRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/live-chat/widget/attachments')) uploadRequests.push(request.url());
    });
    await input.setInputFiles({ name: 'setup.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ not really a program') });
    await eventually(() => refused.count(), (count) => count === 2, 'a second refusal note');
    await input.setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(10 * 1024 * 1024 + 1, 0x25) });
    await w.system.filter({ hasText: 'This file is larger than 10 MB.' }).waitFor();
    expect(await w.mine.count()).toBe(0);
    expect(uploadRequests).toEqual([]);

    // The server stores the upload but its answer never reaches the page: the socket's copy of the entry replaces the pending row.
    const route = `${url}/live-chat/widget/attachments`;
    // Every upload passes here: its client id is noted, then it is answered as `mode` says.
    const sentIds: string[] = [];
    let mode: 'lose answer' | 'unreachable' | 'pass' = 'lose answer';
    await page.route(route, async (r) => {
      const id = /name="clientId"\r\n\r\n([\w-]+)/.exec(r.request().postDataBuffer()?.toString('latin1') ?? '')?.[1];
      sentIds.push(id ?? '?');
      if (mode === 'unreachable') return r.abort('internetdisconnected');
      if (mode === 'pass') return r.continue();
      await r.fetch();
      return r.abort('connectionreset');
    });
    await input.setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: await samples.photo() });
    await w.log.locator('a.file img[alt="photo.png"]').waitFor();
    expect(await w.mine.count()).toBe(1);
    expect(await fileMessages()).toBe(1);

    // The upload never reaches the server: "not sent", and the retry sends the same client id.
    mode = 'unreachable';
    await input.setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: samples.pdf() });
    const retry = w.mine.locator('button.link');
    await retry.waitFor();
    mode = 'pass';
    await retry.click();
    await eventually(() => w.log.locator('a.file', { hasText: 'scan.pdf' }).count(), (n) => n === 1, 'the retried pdf');
    await eventually(() => w.mine.count(), (n) => n === 2, 'two rows of mine');
    expect(sentIds).toHaveLength(3);
    expect(sentIds[1]).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(sentIds[2]).toBe(sentIds[1]);
    expect(sentIds[0]).not.toBe(sentIds[1]);
    await page.unroute(route);
    expect(await fileMessages()).toBe(2);
    expect(await mediaCount(app)).toBe(mediaBefore + 2);

    // After the chat is closed the paperclip is gone.
    await agent.close(documentId);
    await page.locator('live-chat-widget button.attach').waitFor({ state: 'hidden' });
    await context.close();
  });
});
