import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TimelineEntry } from '../../plugins/live-chat/shared/contracts/conversations';
import { bearer, createAgent, type TestAdmin } from '../harness/admin';
import { inboxUrl, signInToAdmin } from '../harness/admin-ui';
import { newContext, type StaticSite } from '../harness/browser';
import type { TestApp } from '../harness/strapi';
import {
  eventually,
  latestConversation,
  openWidget,
  publishLiveChatPlaybook,
  snippetPage,
  startWidgetTestBed,
  stopWidgetTestBed,
  texts,
} from '../harness/widget-page';

/**
 * G3, E5 in a real browser: an agent whose admin panel speaks Swedish types `/` in the reply box,
 * finds the Swedish copy of a canned reply by keyboard (a listbox the textarea points at with
 * aria-activedescendant), inserts it with `{visitor.name}` and `{agent.name}` filled in, edits it
 * and sends it; the Swedish visitor's widget shows it.
 */
jest.setTimeout(240_000);

let app: TestApp;
let url: string;
let site: StaticSite;
let browser: Browser;
let owner: TestAdmin;
let sara: TestAdmin;
let agentContext: BrowserContext;
let visitorContext: BrowserContext;

const VISITOR = 'Sven Svensson';

beforeAll(async () => {
  ({ app, url, site, browser } = await startWidgetTestBed());
  await app.strapi.plugin('i18n').service('locales').create({ code: 'sv', name: 'Swedish (sv)' });
  ({ owner } = await publishLiveChatPlaybook(app));
  const add = async (en: object, sv: object) => {
    const created = await app.http().post('/live-chat/canned-replies').set(bearer(owner.token)).send(en);
    expect(created.status).toBe(201);
    const copy = await app.http().put(`/live-chat/canned-replies/${created.body.data.documentId}?locale=sv`).set(bearer(owner.token)).send(sv);
    expect(copy.status).toBe(201);
  };
  await add(
    { shortcut: 'hello', title: 'Greeting', body: 'Hi {visitor.name}! I am {agent.name}.' },
    { shortcut: 'hej', title: 'Hälsning', body: 'Hej {visitor.name}! Jag heter {agent.name}.' },
  );
  await add({ shortcut: 'thanks', title: 'Thanks', body: 'Thank you!' }, { shortcut: 'tack', title: 'Tack', body: 'Tack så mycket!' });
  await add({ shortcut: 'hours', title: 'Opening hours', body: 'We are open 9-17.' }, { shortcut: 'oppettider', title: 'Öppettider', body: 'Vi har öppet 9–17.' });

  sara = await createAgent(app, 'Sara');
  await app.strapi.db.query('admin::user').update({ where: { id: sara.id }, data: { preferedLanguage: 'sv' } });
  agentContext = await newContext(browser, { locale: 'sv-SE' });
  await agentContext.addInitScript(() => window.localStorage.setItem('strapi-admin-language', 'sv'));
  visitorContext = await newContext(browser, { locale: 'sv-SE' });
});
afterAll(async () => {
  await agentContext?.close();
  await visitorContext?.close();
  await stopWidgetTestBed({ app, site, browser });
});

const composer = (page: Page) => page.getByRole('textbox', { name: 'Ditt svar' });
const picker = (page: Page) => page.getByRole('listbox', { name: 'Snabbsvar' });
const optionShortcuts = async (page: Page) =>
  picker(page)
    .getByRole('option')
    .evaluateAll((options) => options.map((option) => option.getAttribute('data-shortcut')));
/** The option the textarea points at (aria-activedescendant), by shortcut. */
const activeShortcut = (page: Page) =>
  page.evaluate(() => {
    const id = document.querySelector('textarea[name="message"]')?.getAttribute('aria-activedescendant');
    const option = id ? document.getElementById(id) : null;
    return option?.getAttribute('aria-selected') === 'true' ? option.getAttribute('data-shortcut') : null;
  });

describe('G3 canned replies in the composer, in Swedish', () => {
  it('inserts the Swedish reply with the visitor and agent names, editable, and the widget receives it', async () => {
    // Sara opens the inbox in Swedish and goes online, so the widget's Live Chat card hands over.
    const agentPage = await signInToAdmin(agentContext, url, sara);
    await agentPage.goto(`${inboxUrl(url)}/inbox/unassigned`);
    await agentPage.waitForURL(/\/inbox\/unassigned$/);
    expect((await app.http().put('/live-chat/availability').set(bearer(sara.token)).send({ availability: 'online' })).status).toBe(200);

    // A Swedish visitor (the page's language) starts a chat and tells the site their name.
    const visitorPage = await visitorContext.newPage();
    await visitorPage.goto(site.page('/sv', snippetPage(url, { pageLang: 'sv-SE' })));
    const w = await openWidget(visitorPage);
    const documentId = await eventually(() => latestConversation(app).catch(() => ''), (id) => id !== '', 'the conversation');
    await visitorPage.evaluate((name) => (window as unknown as { LiveChat: { identify: (i: { name: string }) => Promise<void> } }).LiveChat.identify({ name }), VISITOR);

    await agentPage.goto(`${inboxUrl(url)}/inbox/unassigned/${documentId}`);
    await agentPage.getByRole('button', { name: 'Tilldela till mig' }).click();
    await agentPage.waitForURL(new RegExp(`/inbox/mine/${documentId}$`));
    const box = composer(agentPage);
    await box.waitFor();
    expect(await box.getAttribute('aria-haspopup')).toBe('listbox');

    // `/` opens the picker with every reply in the visitor's language; typing filters it.
    await box.click();
    await box.pressSequentially('/');
    await picker(agentPage).waitFor();
    expect(await optionShortcuts(agentPage)).toEqual(['hej', 'oppettider', 'tack']);
    expect(await box.getAttribute('aria-controls')).toBe(await picker(agentPage).getAttribute('id'));
    expect(await activeShortcut(agentPage)).toBe('hej');
    await box.press('ArrowDown');
    expect(await activeShortcut(agentPage)).toBe('oppettider');
    await box.press('ArrowUp');
    await box.press('ArrowUp');
    expect(await activeShortcut(agentPage)).toBe('tack');

    // Escape closes it; the slash stays as typed.
    await box.press('Escape');
    await picker(agentPage).waitFor({ state: 'detached' });
    expect(await box.inputValue()).toBe('/');
    await box.press('Backspace');

    // A filter that matches nothing says so, in Swedish.
    await box.pressSequentially('/zz');
    await agentPage.getByText('Inget snabbsvar matchar "/zz"').waitFor();
    await box.fill('');

    // `/he` leaves the greeting; Enter inserts it with the names filled in, without sending.
    await box.pressSequentially('/he');
    await eventually(() => optionShortcuts(agentPage), (s) => s.length === 1 && s[0] === 'hej', 'the filtered picker');
    await box.press('Enter');
    await picker(agentPage).waitFor({ state: 'detached' });
    const inserted = `Hej ${VISITOR}! Jag heter Sara Tester.`;
    expect(await box.inputValue()).toBe(inserted);
    expect(await app.strapi.db.query('plugin::live-chat.message').count({ where: { body: inserted } })).toBe(0);

    // The agent edits it, then sends it with Enter.
    await box.press('End');
    await box.pressSequentially(' Vad kan jag hjälpa till med?');
    const sent = `${inserted} Vad kan jag hjälpa till med?`;
    expect(await box.inputValue()).toBe(sent);
    await box.press('Enter');
    // Shown in the chat (stored, then read at once by the open widget) and the reply box is empty again.
    await agentPage.getByRole('log', { name: 'Konversation' }).getByText(sent).waitFor();
    expect(await box.inputValue()).toBe('');

    // The visitor's widget receives exactly the edited reply.
    await eventually(() => texts(w.theirs), (t) => t.includes(sent), 'the reply in the widget');
    const stored: TimelineEntry[] = (await app.http().get(`/live-chat/conversations/${documentId}/messages`).set(bearer(sara.token))).body.data;
    expect(stored.filter((entry) => entry.kind === 'text' && entry.authorKind === 'agent').map((entry) => entry.body)).toEqual([sent]);
  });
});

describe('G3 Settings > Live Chat > Canned replies', () => {
  it('lets a manager add a reply and its Swedish copy, shows a taken shortcut at the field, and lets agents only look', async () => {
    const context = await newContext(browser);
    try {
      const page = await signInToAdmin(context, url, owner);
      await page.goto(`${url}/admin/settings/live-chat/canned-replies`);
      await page.getByRole('heading', { name: 'Canned replies' }).waitFor();
      await page.locator('[data-canned-reply="hello"]').waitFor();

      // A new reply whose shortcut another English reply uses: the API's 409 shows at the field.
      await page.getByRole('button', { name: 'New canned reply' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('textbox', { name: 'Shortcut' }).fill('Hours');
      expect(await dialog.getByRole('textbox', { name: 'Shortcut' }).inputValue()).toBe('hours');
      await dialog.getByRole('textbox', { name: 'Title' }).fill('Weekend hours');
      await dialog.getByRole('textbox', { name: 'Text' }).fill('On Saturdays we are open 10-14, {visitor.name}.');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.getByText('Another canned reply in en already uses the shortcut "hours"').waitFor();
      await dialog.getByRole('textbox', { name: 'Shortcut' }).fill('weekend');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await page.locator('[data-canned-reply="weekend"]').waitFor();

      // In Swedish, the new reply has no copy yet; the copy starts from the English texts.
      await page.getByRole('combobox', { name: 'Language' }).click();
      await page.getByRole('option', { name: 'Swedish (sv)' }).click();
      const row = page.locator('[data-canned-reply="weekend"]');
      await row.getByRole('button', { name: 'Add the Swedish (sv) copy' }).click();
      await dialog.getByRole('textbox', { name: 'Shortcut' }).fill('helg');
      await dialog.getByRole('textbox', { name: 'Text' }).fill('På lördagar har vi öppet 10–14, {visitor.name}.');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await page.locator('[data-canned-reply="helg"]').waitFor();
      // Editing the copy changes that language only.
      await page.getByRole('button', { name: 'Edit /helg' }).click();
      await dialog.getByRole('textbox', { name: 'Title' }).fill('Helgtider');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await page.locator('[data-canned-reply="helg"]').getByText('Helgtider').waitFor();
      const swedish = (await app.http().get('/live-chat/canned-replies?locale=sv').set(bearer(sara.token))).body.data as Array<{ shortcut: string; body: string }>;
      expect(swedish.find((reply) => reply.shortcut === 'helg')?.body).toBe('På lördagar har vi öppet 10–14, {visitor.name}.');

      // An agent sees the replies but no edit controls.
      const agentPage = await agentContext.newPage();
      await agentPage.goto(`${url}/admin/settings/live-chat/canned-replies`);
      await agentPage.locator('[data-canned-reply="hello"]').waitFor();
      expect(await agentPage.getByRole('button', { name: 'Nytt snabbsvar' }).count()).toBe(0);
      expect(await agentPage.locator('[data-canned-reply="hello"] button').count()).toBe(0);
      await agentPage.close();
    } finally {
      await context.close();
    }
  });
});

