import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ADMIN, LOCALES, itHasCompleteLocaleFiles, readLocale, sourceFiles } from './translation-files';

/**
 * E5, F5, G9: the side panel's export / erase and the data retention page speak every language of
 * the reference article, with every key the code asks for present (and none unused).
 */
const DIR = path.join(ADMIN, 'translations/personal-data');
const english = readLocale(DIR, 'en');

describe('personal data translations', () => {
  itHasCompleteLocaleFiles(DIR);

  it.each(LOCALES.filter((locale) => locale !== 'en'))('%s translates the labels (not a copy of English)', (locale) => {
    const messages = readLocale(DIR, locale);
    expect(Object.keys(english).filter((key) => messages[key] === english[key])).toEqual([]);
  });

  it('has every key the side panel and the retention page ask for, and no unused one', () => {
    const files = [
      ...sourceFiles(path.join(ADMIN, 'inbox/side-panel')),
      path.join(ADMIN, 'pages/DataRetentionSettingsPage.tsx'),
      path.join(ADMIN, 'index.ts'),
    ];
    const used = new Set<string>();
    for (const file of files) {
      for (const match of readFileSync(file, 'utf8').matchAll(/['`](?:\$\{PLUGIN_ID\}\.)?((?:personalData|retention)\.[\w.]+)['`]/g)) used.add(match[1]);
    }
    expect([...used].filter((key) => !(key in english)).sort()).toEqual([]);
    expect(Object.keys(english).filter((key) => !used.has(key)).sort()).toEqual([]);
  });
});
