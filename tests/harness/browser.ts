import { existsSync, mkdirSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install -y chromium`); never a browser downloaded by Playwright. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Launches headless Chromium for the e2e tests. A machine without it fails loudly: a browser test
 * that cannot run is a failure, not a skip.
 */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM_PATH}: run "apt-get install -y chromium" (or set CHROMIUM_PATH)`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // Without the background-networking flags Chromium keeps dialling Google's hosts, which this
    // closed network refuses.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/** A fresh browser profile (its own localStorage and cookies), as a new visitor or agent would have. */
export async function newContext(browser: Browser, options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
}

export interface StaticSite {
  /** The site's origin, e.g. http://127.0.0.1:40123 (a different origin from Strapi's). */
  origin: string;
  /** Serves `html` at `path` (replacing what was there). */
  page: (path: string, html: string) => string;
  close: () => Promise<void>;
}

/**
 * A tiny host site on its own loopback port: the "company web page" the widget snippet is pasted
 * into, on a different origin from Strapi as in production.
 */
export async function startStaticSite(): Promise<StaticSite> {
  const pages = new Map<string, string>();
  const server = http.createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    const html = pages.get(path);
    if (html === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    page(path, html) {
      pages.set(path, html);
      return `${origin}${path}`;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Saves a screenshot of a main state under docs/screenshots/ (shown in the README) — only when
 * LIVE_CHAT_SCREENSHOTS=true, so an ordinary test run leaves the checkout unchanged.
 */
export async function saveScreenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  if (process.env.LIVE_CHAT_SCREENSHOTS !== 'true') return;
  const folder = path.resolve(__dirname, '..', '..', 'docs', 'screenshots');
  mkdirSync(folder, { recursive: true });
  await page.screenshot({ path: path.join(folder, name), ...options });
}
