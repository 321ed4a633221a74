import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { bearer, createAdmin, type TestAdmin } from '../harness/admin';
import { inboxUrl, signInToAdmin } from '../harness/admin-ui';
import { launchBrowser, newContext } from '../harness/browser';
import { startConversation } from '../harness/fixtures';
import { readArchive } from '../harness/personal-data';
import { listen } from '../harness/sockets';
import { bootStrapi, type TestApp } from '../harness/strapi';

/**
 * F5 in a real browser: the side panel's "…" menu exports the person's data as a zip, and erases
 * it only after the admin typed the person's name; the open chat then shows none of the erased text.
 * An agent without the permission is not offered either.
 */
jest.setTimeout(180_000);

let app: TestApp;
let baseUrl: string;
let browser: Browser;
let context: BrowserContext;
let dana: TestAdmin;
let page: Page;

beforeAll(async () => {
  app = await bootStrapi();
  baseUrl = await listen(app);
  dana = await createAdmin(app, ['useInbox', 'seeAllConversations', 'managePersonalData'], 'Dana');
  browser = await launchBrowser();
  context = await newContext(browser, { acceptDownloads: true });
  page = await signInToAdmin(context, baseUrl, dana);
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await app?.stop();
});

async function openChat(agent: TestAdmin, onPage: Page, visitorName: string, text: string) {
  const { documentId, visitorId } = await startConversation(app, { name: visitorName });
  await app.strapi.plugin('live-chat').service('messages').sendAsVisitor({ id: visitorId, name: visitorName }, { clientId: `e2e-${documentId}`, body: text });
  expect((await app.http().post(`/live-chat/conversations/${documentId}/assign`).set(bearer(agent.token)).send({})).status).toBe(200);
  await onPage.goto(`${inboxUrl(baseUrl)}/inbox/mine/${documentId}`);
  await onPage.getByText(text).first().waitFor();
  const panel = onPage.getByRole('complementary', { name: 'Details' });
  await panel.waitFor();
  return { documentId, panel };
}

describe('F5 export and erase from the side panel', () => {
  it('downloads the export, then erases after the name is typed; the chat shows none of it any more', async () => {
    const text = 'Erin wants the blue plan e2eblueplan';
    const { documentId, panel } = await openChat(dana, page, 'Erin Exportsson', text);

    await panel.getByRole('button', { name: 'More actions' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'Export personal data' }).click()]);
    const entries = await readArchive(await readFile((await download.path()) as string));
    const json = JSON.parse(entries.get('personal-data.json')!.toString('utf8'));
    expect(json.visitors[0].name).toBe('Erin Exportsson');
    expect(json.conversations[0].timeline.map((entry: { body: string | null }) => entry.body)).toContain(text);

    await panel.getByRole('button', { name: 'More actions' }).click();
    await page.getByRole('menuitem', { name: 'Erase personal data…' }).click();
    const dialog = page.getByRole('alertdialog').or(page.getByRole('dialog'));
    const eraseButton = dialog.getByRole('button', { name: 'Erase for good' });
    await eraseButton.waitFor();
    expect(await eraseButton.isDisabled()).toBe(true);
    const input = dialog.getByLabel('Type Erin Exportsson to confirm');
    await input.fill('Erin');
    expect(await eraseButton.isDisabled()).toBe(true);
    await input.fill('erin exportsson');
    expect(await eraseButton.isDisabled()).toBe(false);
    await eraseButton.click();

    const erased = async () => (await app.strapi.db.query('plugin::live-chat.conversation').findOne({ where: { documentId } }))?.erasedAt ?? null;
    for (let tries = 0; tries < 60 && !(await erased()); tries++) await page.waitForTimeout(500);
    if (!(await erased())) throw new Error(`not erased; the page says: ${(await page.getByRole('alert').allTextContents()).join(' | ')}`);
    await page.getByText(text).waitFor({ state: 'detached' });
    // The list row and the header follow the conversation's update (a "Visitor #…" label now).
    await page.getByText('Erin Exportsson').first().waitFor({ state: 'detached', timeout: 15_000 });
  });

  it('offers neither to an agent without "Export and erase personal data"', async () => {
    const ada = await createAdmin(app, ['useInbox'], 'Ada');
    const adaContext = await newContext(browser);
    try {
      const adaPage = await signInToAdmin(adaContext, baseUrl, ada);
      const { panel } = await openChat(ada, adaPage, 'Olle Other', 'Just browsing e2eolle');
      await panel.getByRole('button', { name: 'More actions' }).click();
      await adaPage.getByRole('menuitem', { name: 'Create deal' }).waitFor();
      expect(await adaPage.getByRole('menuitem', { name: 'Export personal data' }).count()).toBe(0);
      expect(await adaPage.getByRole('menuitem', { name: 'Erase personal data…' }).count()).toBe(0);
    } finally {
      await adaContext.close();
    }
  });
});
