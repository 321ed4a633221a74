import type { Browser } from 'playwright-core';
import { uid } from '../../plugins/live-chat/shared/constants';
import type { RichInline, RichText } from '../../plugins/live-chat/shared/domain/rich-text';
import { chatMessageBlocks } from '../../plugins/live-chat/shared/domain/rich-text-markup';
import { XSS_VECTORS } from '../fixtures/xss-vectors';
import { bearer } from '../harness/admin';
import { newContext, type StaticSite } from '../harness/browser';
import { nextEvent } from '../harness/sockets';
import type { TestApp } from '../harness/strapi';
import { eventually, onlineAgent, openWidget, publishLiveChatPlaybook, snippetPage, startWidgetTestBed, stopWidgetTestBed, texts } from '../harness/widget-page';

/**
 * A4 on the visitor's screen: playbook rich text and chat messages carrying the XSS corpus render
 * as inert content. Every payload calls alert(); the page replaces it (and confirm/prompt) with a
 * flag, and also listens for dialogs, so any payload that runs is caught.
 */
let app: TestApp;
let url: string;
let site: StaticSite;
let browser: Browser;

/** The text a block tree shows, as the DOM's textContent reads it (chat messages carry no images). */
function textOf(blocks: RichText): string {
  const inline = (nodes: RichInline[]): string => nodes.map((node) => (node.type === 'link' ? inline(node.children) : node.text)).join('');
  return blocks
    .map((block) => (block.type === 'paragraph' ? inline(block.children) : block.type === 'list' ? block.children.map((item) => inline(item.children)).join('') : ''))
    .join('')
    .trim();
}

/** Each vector as text, as a link URL, as an image URL and as stray node data (as in the unit tests). */
function corpusRichText(): unknown[] {
  return XSS_VECTORS.flatMap(({ payload }) => [
    { type: 'paragraph', children: [{ type: 'text', text: payload, bold: true }] },
    { type: 'paragraph', children: [{ type: 'link', url: payload, children: [{ type: 'text', text: 'link' }] }] },
    { type: 'image', image: { url: payload, alternativeText: payload }, children: [{ type: 'text', text: '' }] },
    { type: 'paragraph', onclick: payload, children: [{ type: 'text', text: 'x', onmouseover: payload, html: payload }] },
    { type: 'html', value: payload, children: [{ type: 'text', text: 'raw' }] },
  ]);
}

/** Messages refuse control characters (E2), so the corpus goes into chat messages without them. */
const asMessage = (payload: string) => payload.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim();
const MESSAGES = XSS_VECTORS.map(({ payload }) => asMessage(payload));

const TRAP = `
window.__xss = [];
['alert', 'confirm', 'prompt'].forEach(function (name) { window[name] = function () { window.__xss.push(name); }; });`;

beforeAll(async () => {
  ({ app, url, site, browser } = await startWidgetTestBed());
});
afterAll(() => stopWidgetTestBed({ app, site, browser }));

describe('the XSS corpus in the widget', () => {
  it('renders bot cards, the online message and messages both ways without running anything', async () => {
    const { documentId: playbookId, owner } = await publishLiveChatPlaybook(app, { onlineMessage: corpusRichText() });
    const added = await app
      .http()
      .post(`/live-chat/playbooks/${playbookId}/cards`)
      .set(bearer(owner.token))
      .send({ kind: 'bot_message', title: 'Hostile', position: 0, settings: { message: [{ type: 'paragraph', children: [{ type: 'text', text: 'hello' }] }] } });
    expect(added.status).toBe(201);
    expect((await app.http().post(`/live-chat/playbooks/${playbookId}/publish`).set(bearer(owner.token))).status).toBe(200);
    // Behind the admin API's back (a database edited by hand, an old row): the raw corpus, unsanitized.
    // (PostgreSQL's jsonb cannot hold U+0000 at all, so a row there never carries one.)
    const raw = app.strapi.db.dialect.client === 'postgres' ? JSON.parse(JSON.stringify(corpusRichText()).replace(/\\u0000/g, '')) : corpusRichText();
    await app.strapi.db.query(uid('card')).updateMany({ where: { documentId: added.body.data.documentId }, data: { settings: { message: raw } } });

    const agent = await onlineAgent(app, url, 'Ada');
    const created = nextEvent<{ documentId: string; status: string }>(agent.socket, 'conversation:upsert', (c) => c.status === 'unassigned', 15_000);
    const context = await newContext(browser);
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.addInitScript(TRAP);
    await page.goto(site.page('/xss', snippetPage(url, { playbook: playbookId })));
    const w = await openWidget(page);
    await eventually(() => w.bot.count(), (n) => n >= 3, 'hostile card, greeting and online message');

    const { documentId } = await created;
    await agent.assign(documentId);
    for (const body of MESSAGES) await agent.send(documentId, body);
    // The visitor's side: the whole corpus in a few messages (the visitor rate limit is 30 events / 5 s).
    const visitorBodies: string[] = [];
    let chunk = '';
    for (const body of MESSAGES) {
      if (chunk.length + body.length > 2000) {
        visitorBodies.push(chunk.trim());
        chunk = '';
      }
      chunk += `${body}\n`;
    }
    visitorBodies.push(chunk.trim());
    for (const body of visitorBodies) {
      await w.composer.fill(body);
      await w.composer.press('Enter');
    }
    await eventually(() => w.theirs.count(), (n) => n === MESSAGES.length, 'every agent message');
    await eventually(() => page.locator('live-chat-widget .row.me[data-status="sent"], live-chat-widget .row.me[data-status="read"]').count(), (n) => n === visitorBodies.length, 'visitor messages stored');
    // Let lazy images, failing sources and timers have their chance.
    await w.log.evaluate((log) => log.scrollTo(0, 0));
    await page.waitForTimeout(1500);

    expect(await page.evaluate('window.__xss')).toEqual([]);
    expect(dialogs).toEqual([]);
    // Messages are markup read by the shared converter (as the inbox reads them): every character of
    // text survives as text, only the markup itself (**, _, [](), "- ", line breaks) becomes structure.
    // (\r, \r\n and \n are all line breaks.)
    const shownText = (body: string) => textOf(chatMessageBlocks(body));
    expect(await texts(w.theirs)).toEqual(MESSAGES.map(shownText));
    expect(await texts(w.mine.locator('.bubble'))).toEqual(visitorBodies.map(shownText));
    // Nothing but the allow-list in the panel: no script, frame, style, form, handler or non-http(s) URL.
    const report = await page.evaluate(() => {
      const root = document.querySelector('live-chat-widget')?.shadowRoot;
      const log = root?.querySelector('[role="log"]');
      const all = Array.from(log?.querySelectorAll('*') ?? []);
      return {
        tags: Array.from(new Set(all.map((el) => el.tagName.toLowerCase()))).sort(),
        handlers: all.flatMap((el) => Array.from(el.attributes).filter((a) => a.name.startsWith('on')).map((a) => a.name)),
        styles: all.filter((el) => el.hasAttribute('style')).length,
        hrefs: Array.from(log?.querySelectorAll('a') ?? []).map((a) => a.getAttribute('href') ?? ''),
        srcs: Array.from(log?.querySelectorAll('img') ?? []).map((img) => img.getAttribute('src') ?? ''),
      };
    });
    expect(report.handlers).toEqual([]);
    expect(report.styles).toBe(0);
    for (const tag of report.tags) expect(['a', 'div', 'em', 'img', 'li', 'p', 'span', 'strong', 'ul']).toContain(tag);
    for (const href of report.hrefs) expect(href).toMatch(/^(https?:\/\/|mailto:)/);
    for (const src of report.srcs) expect(src).toMatch(/^https:\/\//);
    await context.close();
    await agent.offline();
  });
});
