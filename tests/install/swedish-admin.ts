import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, newContext } from '../harness/browser';
import { inboxUrl, shownTexts, signInToAdmin } from '../harness/admin-ui';
import { json } from './http';

const TRANSLATIONS = path.resolve(__dirname, '..', '..', 'plugins', 'live-chat', 'admin', 'src', 'translations');

/** The plugin's messages in one language, all areas together (translations/, inbox/, notifications/). */
function messages(locale: string): Record<string, string> {
  return Object.assign({}, ...['', 'inbox', 'notifications'].map((area) => require(path.join(TRANSLATIONS, area, `${locale}.json`))));
}

/** A message as a whole-text pattern: ICU arguments match anything. */
const pattern = (text: string) => new RegExp(`^${text.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '.*')}$`);

export interface SwedishInbox {
  /** Swedish plugin texts on screen (that differ from English). */
  swedish: string[];
  /** English plugin texts on screen that have a different Swedish text. */
  english: string[];
  /** Untranslated message ids (`live-chat.…`) on screen. */
  rawKeys: string[];
  /** Console errors about MIME types or failed module loads, and failed requests to the app. */
  loadProblems: string[];
}

/**
 * E5 in the installed package: an admin whose language is Swedish opens the Live Chat inbox in a
 * real Chromium. The translations are lazy chunks of the package's admin build, so this also proves
 * they were bundled and are served (a missing chunk shows as English, raw ids or a MIME error).
 */
export async function openInboxAsSwedishAdmin(baseUrl: string, admin: { email: string; password: string; token: string }): Promise<SwedishInbox> {
  const language = await json(`${baseUrl}/admin/users/me`, { token: admin.token, method: 'PUT', body: { preferedLanguage: 'sv' } });
  expect(language.status).toBe(200);

  const swedish = messages('sv');
  const english = messages('en');
  const differing = Object.keys(english).filter((key) => swedish[key] !== english[key] && !english[key].includes('plural'));

  const browser = await launchBrowser();
  const loadProblems: string[] = [];
  try {
    const context = await newContext(browser, { locale: 'sv-SE' });
    context.on('console', (message) => {
      const text = message.text();
      if (/MIME type|dynamically imported module|Failed to load module/i.test(text)) loadProblems.push(`console: ${text}`);
    });
    context.on('requestfailed', (request) => {
      const reason = request.failure()?.errorText ?? '';
      // ERR_ABORTED: a request the admin's own navigation cancelled (after the login), not a failure.
      if (request.url().startsWith(baseUrl) && !reason.includes('ERR_ABORTED')) loadProblems.push(`request failed: ${request.url()} ${reason}`);
    });
    context.on('response', (response) => {
      if (response.url().startsWith(baseUrl) && response.status() >= 400) loadProblems.push(`HTTP ${response.status()}: ${response.url()}`);
    });
    const page = await signInToAdmin(context, baseUrl, { id: 0, ...admin });
    await page.goto(inboxUrl(baseUrl));
    // Waits for the inbox by structure, not by text, so an English or untranslated page is reported
    // by the assertions on what it shows rather than as a timeout.
    await page.locator('[data-folder="unassigned"]').waitFor({ timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    const texts = await shownTexts(page);
    return {
      swedish: differing.map((key) => swedish[key]).filter((text) => texts.some((shown) => pattern(text).test(shown))),
      english: texts.filter((shown) => differing.some((key) => pattern(english[key]).test(shown))),
      rawKeys: texts.filter((shown) => shown.includes('live-chat.')),
      loadProblems,
    };
  } finally {
    await browser.close();
  }
}
