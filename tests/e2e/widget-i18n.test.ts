import type { Browser } from 'playwright-core';
import { uid } from '../../plugins/live-chat/shared/constants';
import { LAUNCHER_STRINGS } from '../../plugins/live-chat/widget/src/i18n/launcher';
import { LANGUAGES, type Language } from '../../plugins/live-chat/widget/src/i18n/languages';
import { CHAT_STRINGS } from '../../plugins/live-chat/widget/src/i18n/strings';
import { newContext, type StaticSite } from '../harness/browser';
import type { TestApp } from '../harness/strapi';
import { eventually, openWidget, publishLiveChatPlaybook, snippetPage, startWidgetTestBed, stopWidgetTestBed, widget, type SnippetOptions } from '../harness/widget-page';

/** E5: the widget speaks en, tr, id, it, sv, es: the page's language, or the snippet's data-lang. */
let app: TestApp;
let url: string;
let site: StaticSite;
let browser: Browser;

beforeAll(async () => {
  ({ app, url, site, browser } = await startWidgetTestBed());
  await publishLiveChatPlaybook(app);
});
afterAll(() => stopWidgetTestBed({ app, site, browser }));

/** Opens the widget on a page (nobody online: the offline path's form shows many UI strings) and reads its strings. */
async function renderedStrings(path: string, options: SnippetOptions) {
  const context = await newContext(browser);
  const page = await context.newPage();
  await page.goto(site.page(path, snippetPage(url, options)));
  const w = widget(page);
  await w.launcher.waitFor();
  const launcherOpen = await w.launcher.getAttribute('aria-label');
  await openWidget(page);
  await page.locator('live-chat-widget form.form').waitFor();
  const read = (selector: string, attribute?: string) => {
    const locator = page.locator(`live-chat-widget ${selector}`).first();
    return attribute ? locator.getAttribute(attribute) : locator.textContent();
  };
  const strings = {
    launcherOpen,
    launcherClose: await w.launcher.getAttribute('aria-label'),
    dialogTitle: await read('.title'),
    close: await read('.head button', 'aria-label'),
    log: await read('[role="log"]', 'aria-label'),
    composerLabel: await read('label[for="lc-input"]'),
    placeholder: await read('textarea', 'placeholder'),
    send: await read('button.send', 'aria-label'),
    nameLabel: await read('.field label'),
    submit: await read('.form button[type="submit"]'),
  };
  // A required field left empty: the inline error in the page's language.
  await page.locator('live-chat-widget .form button[type="submit"]').click();
  const error = await eventually(() => read('.field .error') as Promise<string | null>, (text) => Boolean(text), 'inline error');
  await context.close();
  return { ...strings, error };
}

const expected = (language: Language) => {
  const t = CHAT_STRINGS[language];
  return {
    launcherOpen: LAUNCHER_STRINGS[language].open,
    launcherClose: LAUNCHER_STRINGS[language].close,
    dialogTitle: t.botName,
    close: t.close,
    log: t.messagesLabel,
    composerLabel: t.composerLabel,
    placeholder: t.composerPlaceholder,
    send: t.send,
    nameLabel: `${t.field_name} ${t.requiredMark}`,
    submit: t.submit,
    error: t.errorRequired,
  };
};

describe('each language renders its own strings', () => {
  it.each(LANGUAGES)('%s (data-lang)', async (language) => {
    expect(await renderedStrings(`/lang-${language}`, { dataLang: language })).toEqual(expected(language));
    // The session tells the server the visitor's language (stored on the visitor).
    const visitor = await app.strapi.db.query(uid('visitor')).findOne({ orderBy: { id: 'desc' } });
    expect(visitor.language).toBe(language);
  });
});

describe('picking the language', () => {
  it('a page in Swedish gets Swedish', async () => {
    expect(await renderedStrings('/sv-page', { pageLang: 'sv-SE' })).toEqual(expected('sv'));
  });

  it('the snippet\'s data-lang overrides the page', async () => {
    expect(await renderedStrings('/sv-page-es-widget', { pageLang: 'sv', dataLang: 'es' })).toEqual(expected('es'));
  });

  it('a page in a language the widget does not speak gets English', async () => {
    expect(await renderedStrings('/de-page', { pageLang: 'de' })).toEqual(expected('en'));
  });
});
