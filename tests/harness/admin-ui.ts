import type { BrowserContext, Page } from 'playwright-core';
import type { TestAdmin } from './admin';

/**
 * Signs an admin in through the admin panel's own login form (as a person does) and opens the
 * Live Chat inbox. `baseUrl` is the booted Strapi's URL (`listen(app)`); the admin panel must be
 * built (jest's global setup builds it unless LIVE_CHAT_SKIP_ADMIN_BUILD=true).
 */
export async function signInToAdmin(context: BrowserContext, baseUrl: string, admin: TestAdmin): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${baseUrl}/admin/auth/login`);
  await page.locator('input[name="email"]').fill(admin.email);
  await page.locator('input[name="password"]').fill(admin.password);
  await page.locator('button[type="submit"]').click();
  // The login form disappears once the session is open.
  await page.waitForURL((url) => !url.pathname.includes('/auth/login'), { timeout: 30_000 });
  return page;
}

/** The plugin's pages live under /admin/plugins/live-chat (the inbox is its index page). */
export const inboxUrl = (baseUrl: string) => `${baseUrl}/admin/plugins/live-chat`;

/** Every text node and accessible label (aria-label, placeholder, title) on the page, trimmed. */
export const shownTexts = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.textContent?.trim()) texts.push(node.textContent.trim());
    for (const element of document.querySelectorAll('[aria-label], [placeholder], [title]')) {
      for (const name of ['aria-label', 'placeholder', 'title']) {
        const value = element.getAttribute(name);
        if (value) texts.push(value.trim());
      }
    }
    return texts;
  });
