/**
 * The script the snippet loads with the page (E1): it reads the snippet, draws the launcher in a
 * shadow root, exposes `window.LiveChat`, and loads the chat itself only on first open, so a page
 * pays a few KB until the visitor actually wants to chat.
 */
import type { WidgetConfig } from '../contract';
import type { ChatController, ChatModule } from '../mount';
import { addStyles, openSession, post, readToken, writeToken } from '../http';
import { LAUNCHER_STRINGS } from '../i18n/launcher';
import { createEmitter, runEntry, type LiveChatApi, type QueueEntry } from './api';
import { pageUrlOf, readConfig } from './config';
import { pageContext, watchNavigation } from './context';
import { ICON_CHAT, ICON_CLOSE, LOADER_CSS } from './styles';

/** The content-hashed chat bundle's file name, written in by widget/build.mjs. */
/** The chat bundle of each language (widget/build.mjs): a visitor downloads their language only. */
declare const CHAT_FILES: Record<string, string>;
declare const WIDGET_VERSION: string;

/** Remembers, per tab, that the panel was open, so a reload mid-chat comes back to it (E4). */
const OPEN_KEY = 'live-chat:open';

function findScript(): HTMLScriptElement | null {
  const current = document.currentScript;
  if (current instanceof HTMLScriptElement) return current;
  return document.querySelector<HTMLScriptElement>('script[src*="/live-chat/widget.js"]');
}

/** A5: each page reports itself at most this often, so "embedded" does not wait for a visitor to open the chat. */
const REPORT_EVERY_MS = 60 * 60 * 1000;

function reportInstallation(config: WidgetConfig): void {
  const key = `live-chat:reported:${config.playbook ?? ''}:${new URL(config.page).pathname}`;
  try {
    if (Date.now() - Number(localStorage.getItem(key)) < REPORT_EVERY_MS) return;
    localStorage.setItem(key, String(Date.now()));
  } catch {
    // storage blocked: report on every load
  }
  const body = { page: config.page, ...(config.playbook ? { playbookDocumentId: config.playbook } : {}) };
  fetch(`${config.base}/live-chat/widget/installations`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
    credentials: 'omit',
    keepalive: true,
  }).catch(() => undefined);
}

/**
 * G2: a visitor who already has a token tells the server which page they are on now, so the agent
 * sees it live. Without a token nothing is sent: a page view alone never creates a visitor.
 */
function reportPageView(config: WidgetConfig): void {
  config.context = pageContext(config);
  const token = readToken();
  if (!token || config.off.includes('pages')) return;
  fetch(`${config.base}/live-chat/widget/page`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ page: config.page, language: config.language, ...config.context }),
    credentials: 'omit',
    keepalive: true,
  }).catch(() => undefined);
}

/** G8: the query parameter a follow-up email's link adds to the site's page. */
const RESUME_PARAM = 'livechat';

/**
 * G8: a follow-up email's link (`?livechat=<signed link>`) reopens that chat. The parameter leaves
 * the address bar at once (it must not be bookmarked, shared or reported as the page), and is
 * exchanged at POST /widget/resume for the visitor's session; resolves true when the chat should open.
 */
function takeResumeLink(config: WidgetConfig): Promise<boolean> {
  const url = new URL(location.href);
  const link = url.searchParams.get(RESUME_PARAM);
  if (!link) return Promise.resolve(false);
  url.searchParams.delete(RESUME_PARAM);
  history.replaceState(history.state, '', url.toString());
  config.page = pageUrlOf(location);
  return post<{ token: string }>(config.base, 'resume', { link }).then(
    ({ token }) => (writeToken(token), true),
    () => false, // expired or forged: the page works as usual
  );
}

function start(config: WidgetConfig, queued: QueueEntry[]): void {
  const resuming = takeResumeLink(config);
  const strings = LAUNCHER_STRINGS[config.language];
  const events = createEmitter();

  // A custom element name, so page rules on div/section/… never match the host either.
  const host = document.createElement('live-chat-widget');
  const root = host.attachShadow({ mode: 'open' });
  addStyles(root, LOADER_CSS);
  const launcher = document.createElement('button');
  launcher.type = 'button';
  launcher.className = 'launcher';
  launcher.setAttribute('aria-haspopup', 'dialog');
  root.appendChild(launcher);
  document.body.appendChild(host);

  let isOpen = false;
  let chat: Promise<ChatController> | null = null;

  const render = () => {
    launcher.setAttribute('aria-label', isOpen ? strings.close : strings.open);
    launcher.setAttribute('aria-expanded', String(isOpen));
    // Constant markup of this file, never data.
    launcher.innerHTML = isOpen ? ICON_CLOSE : ICON_CHAT;
    host.toggleAttribute('data-open', isOpen);
  };

  const load = (): Promise<ChatController> => {
    chat ??= (import(`${config.base}/live-chat/widget/assets/${CHAT_FILES[config.language] ?? CHAT_FILES.en}`) as Promise<ChatModule>)
      .then((module) => module.mount({ root, config, emit: events.emit, requestClose: () => api.close() }))
      .catch((error: unknown) => {
        chat = null; // the next click tries again
        throw error;
      });
    return chat;
  };

  const remember = (open: boolean) => {
    try {
      if (open) sessionStorage.setItem(OPEN_KEY, '1');
      else sessionStorage.removeItem(OPEN_KEY);
    } catch {
      // storage blocked: the panel simply starts closed after a reload
    }
  };

  const api: LiveChatApi = {
    version: WIDGET_VERSION,
    async open() {
      if (isOpen) return;
      isOpen = true;
      render();
      remember(true);
      try {
        const controller = await load();
        if (!isOpen) return;
        controller.open();
        events.emit('opened', null);
      } catch (error) {
        isOpen = false;
        render();
        console.error('[live-chat] the chat could not be loaded', error);
      }
    },
    close() {
      if (!isOpen) return;
      // Focus goes back to the launcher only if it was inside the widget: never steal the page's focus.
      const focusInside = root.activeElement !== null;
      isOpen = false;
      render();
      remember(false);
      void chat?.then((controller) => controller.close()).catch(() => undefined);
      if (focusInside) launcher.focus();
      events.emit('closed', null);
    },
    async identify(identity) {
      const person = { name: identity?.name, email: identity?.email };
      const { token } = await openSession(config);
      await post(config.base, 'identify', person, token);
    },
    on: events.on,
    off: events.off,
    push: (entry) => runEntry(api, entry),
  };

  launcher.addEventListener('click', () => (isOpen ? api.close() : void api.open()));
  // Start fetching the chat as soon as the visitor shows intent, so opening feels instant.
  const warm = () => void load().catch(() => undefined);
  launcher.addEventListener('pointerenter', warm, { once: true });
  launcher.addEventListener('focus', warm, { once: true });
  render();

  window.LiveChat = api;
  reportInstallation(config);
  void resuming.then((resumed) => {
    reportPageView(config);
    if (resumed) void api.open();
  });
  if (!config.off.includes('navigation') && !config.off.includes('pages')) {
    watchNavigation(() => {
      config.page = pageUrlOf(location);
      reportPageView(config);
    });
  }
  for (const entry of queued) runEntry(api, entry);
  let wasOpen = false;
  try {
    wasOpen = sessionStorage.getItem(OPEN_KEY) === '1';
  } catch {
    wasOpen = false;
  }
  if (wasOpen) void api.open();
  window.dispatchEvent(new CustomEvent('live-chat:ready', { detail: api }));
}

(() => {
  const existing = window.LiveChat;
  if (existing && !Array.isArray(existing)) return; // the snippet is on the page twice
  const script = findScript();
  const config =
    script &&
    readConfig({
      src: script.src,
      playbook: script.getAttribute('data-playbook'),
      lang: script.getAttribute('data-lang'),
      collectOff: script.getAttribute('data-collect-off'),
      pageLang: document.documentElement.getAttribute('lang'),
      href: location.href,
    });
  if (!config) {
    console.error('[live-chat] widget.js must be loaded from <strapi>/live-chat/widget.js');
    return;
  }
  const queued = Array.isArray(existing) ? existing : [];
  const go = () => start(config, queued);
  if (document.body) go();
  else document.addEventListener('DOMContentLoaded', go, { once: true });
})();
