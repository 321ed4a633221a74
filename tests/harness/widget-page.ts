/**
 * Helpers for the widget's browser tests: a host page with the snippet, a published Live Chat
 * playbook, an agent on a socket, and the widget's parts (Playwright's CSS locators pierce the
 * widget's open shadow root).
 */
import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Socket } from 'socket.io-client';
import type { TimelineEntry } from '../../plugins/live-chat/shared/contracts/conversations';
import { bearer, createAdmin, createAgent, type TestAdmin } from './admin';
import { launchBrowser, startStaticSite, type StaticSite } from './browser';
import { connect, disconnectAll, listen, request } from './sockets';
import { bootStrapi, type TestApp } from './strapi';

/** What a widget browser test runs against. */
export interface WidgetTestBed {
  app: TestApp;
  /** Strapi's base URL. */
  url: string;
  /** The company site the snippet is pasted into, on its own origin. */
  site: StaticSite;
  browser: Browser;
}

/**
 * Strapi booted with the widget allowed on the host site only (as in production, not "*"), the host
 * site, and Chromium. Call in beforeAll; pass the result to stopWidgetTestBed in afterAll.
 */
export async function startWidgetTestBed(): Promise<WidgetTestBed> {
  const site = await startStaticSite();
  const app = await bootStrapi({ env: { LIVE_CHAT_WIDGET_ORIGINS: site.origin } });
  const url = await listen(app);
  const browser = await launchBrowser();
  return { app, url, site, browser };
}

/** Closes what startWidgetTestBed opened (whatever part of it did start). */
export async function stopWidgetTestBed(bed: Partial<WidgetTestBed>): Promise<void> {
  await bed.browser?.close();
  await bed.site?.close();
  disconnectAll();
  await bed.app?.stop();
}

export interface SnippetOptions {
  /** `<html lang>` of the host page. */
  pageLang?: string;
  /** The snippet's data-lang / data-playbook. */
  dataLang?: string;
  playbook?: string;
  /** Extra markup for <head> (e.g. aggressive CSS) and <body>. */
  head?: string;
  body?: string;
}

/** A company page embedding the widget exactly as docs/widget.md tells site owners to. */
export function snippetPage(strapiUrl: string, options: SnippetOptions = {}): string {
  const attrs = [
    options.playbook ? ` data-playbook="${options.playbook}"` : '',
    options.dataLang ? ` data-lang="${options.dataLang}"` : '',
  ].join('');
  return `<!doctype html>
<html${options.pageLang ? ` lang="${options.pageLang}"` : ''}>
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Host page</title>${options.head ?? ''}</head>
<body><h1>Acme</h1><p>A company page.</p>${options.body ?? ''}
<script src="${strapiUrl}/live-chat/widget.js"${attrs} async></script>
</body></html>`;
}

/** Rich text of one paragraph. */
export const paragraph = (text: string) => [{ type: 'paragraph', children: [{ type: 'text', text }] }];

/** A published, active playbook from the Live Chat template (greeting → Live Chat → capture → lead → thanks). */
export async function publishLiveChatPlaybook(app: TestApp, edit: Record<string, unknown> = {}): Promise<{ documentId: string; owner: TestAdmin }> {
  const owner = await createAdmin(app, 'super', 'Owner');
  const created = await app.http().post('/live-chat/playbooks').set(bearer(owner.token)).send({ name: `Site ${randomBytes(3).toString('hex')}`, template: 'live_chat' });
  if (created.status !== 201 && created.status !== 200) throw new Error(`playbook: ${created.status} ${JSON.stringify(created.body)}`);
  const documentId: string = created.body.data.documentId;
  if (Object.keys(edit).length) {
    const card = created.body.data.cards.find((c: { kind: string }) => c.kind === 'live_chat');
    const edited = await app.http().put(`/live-chat/playbooks/${documentId}/cards/${card.documentId}`).set(bearer(owner.token)).send(edit);
    if (edited.status !== 200) throw new Error(`card: ${edited.status} ${JSON.stringify(edited.body)}`);
  }
  const published = await app.http().post(`/live-chat/playbooks/${documentId}/publish`).set(bearer(owner.token));
  if (published.status !== 200) throw new Error(`publish: ${published.status} ${JSON.stringify(published.body)}`);
  return { documentId, owner };
}

/** An agent in the inbox: online, with a live socket, who can take, answer and close chats. */
export async function onlineAgent(app: TestApp, url: string, name = 'Ada') {
  const admin = await createAgent(app, name);
  const online = await app.http().put('/live-chat/availability').set(bearer(admin.token)).send({ availability: 'online' });
  if (online.status !== 200) throw new Error(`availability: ${online.status}`);
  const socket: Socket = await connect(url, 'agent', admin.token);
  let counter = 0;
  return {
    admin,
    socket,
    /** The display name visitors see (B4). */
    displayName: `${name} Tester`,
    async assign(documentId: string) {
      const response = await app.http().post(`/live-chat/conversations/${documentId}/assign`).set(bearer(admin.token));
      if (response.status !== 200) throw new Error(`assign: ${response.status} ${JSON.stringify(response.body)}`);
    },
    async send(documentId: string, body: string): Promise<TimelineEntry> {
      counter += 1;
      const ack = await request<TimelineEntry>(socket, 'message:send', { documentId, clientId: `agent-${randomBytes(6).toString('hex')}-${counter}`, body });
      if (!ack.ok) throw new Error(`agent send: ${ack.error.code}`);
      return ack.data;
    },
    async close(documentId: string) {
      const response = await app.http().post(`/live-chat/conversations/${documentId}/close`).set(bearer(admin.token));
      if (response.status !== 200) throw new Error(`close: ${response.status}`);
    },
    async offline() {
      await app.http().put('/live-chat/availability').set(bearer(admin.token)).send({ availability: 'offline' });
      socket.disconnect();
    },
  };
}
export type OnlineAgent = Awaited<ReturnType<typeof onlineAgent>>;

/** The widget's parts on a page. */
export function widget(page: Page) {
  return {
    launcher: page.locator('live-chat-widget .launcher'),
    panel: page.locator('live-chat-widget [role="dialog"]'),
    title: page.locator('live-chat-widget .title'),
    status: page.locator('live-chat-widget .status'),
    log: page.locator('live-chat-widget [role="log"]'),
    composer: page.locator('live-chat-widget .composer textarea'),
    typing: page.locator('live-chat-widget .typing'),
    /** Bot bubbles (playbook messages). */
    bot: page.locator('live-chat-widget .row.bot .bubble'),
    mine: page.locator('live-chat-widget .row.me'),
    theirs: page.locator('live-chat-widget .row.them .bubble'),
    system: page.locator('live-chat-widget .system'),
  };
}

/** Opens the widget and waits for the panel. */
export async function openWidget(page: Page) {
  const w = widget(page);
  await w.launcher.click();
  await w.panel.waitFor({ state: 'visible' });
  return w;
}

/** Sends a message from the composer. */
export async function type(page: Page, text: string) {
  const w = widget(page);
  await w.composer.fill(text);
  await w.composer.press('Enter');
}

/** The documentId of the visitor's conversation once the widget has one (from the database, newest first). */
export async function latestConversation(app: TestApp): Promise<string> {
  const row = await app.strapi.db.query('plugin::live-chat.conversation').findOne({ orderBy: { id: 'desc' }, select: ['documentId'] });
  if (!row) throw new Error('no conversation yet');
  return row.documentId as string;
}

/** Polls `read` until `check` passes (Playwright's expect is not available under jest); returns the last value. */
export async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!check(value)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

/** The trimmed texts of every element a locator matches. */
export const texts = async (locator: ReturnType<Page['locator']>) => (await locator.allTextContents()).map((t) => t.trim());

/** Records the JS API's events on the page from before the widget loads (the documented queue). */
export const RECORD_EVENTS = `
window.__liveChatEvents = [];
window.LiveChat = window.LiveChat || [];
window.LiveChat.push(function (api) {
  ['opened', 'closed', 'message', 'conversation:started'].forEach(function (name) {
    api.on(name, function (payload) { window.__liveChatEvents.push({ name: name, payload: payload }); });
  });
});`;

/**
 * Cuts the browser's network, as a dropped Wi-Fi does. Measured here: in Chromium `setOffline`
 * closes the widget's open websocket at once and fails new connections until it is lifted, while
 * Playwright's `page.route` does not see websockets at all, so it cannot cut an open one.
 */
export function networkSwitch(context: BrowserContext) {
  return {
    drop: () => context.setOffline(true),
    restore: () => context.setOffline(false),
  };
}
