import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ADMIN, LOCALES, itHasCompleteLocaleFiles, readLocale, sourceFiles } from './translation-files';

/**
 * E5, G3: the canned replies' settings page and the composer's picker speak every language of the
 * reference article: a file per language with exactly the English keys and ICU arguments, each
 * visible label translated, and every key the code asks for present (and none unused).
 */
const DIR = path.join(ADMIN, 'translations/canned');
const english = readLocale(DIR, 'en');

describe('canned reply translations', () => {
  itHasCompleteLocaleFiles(DIR);

  it.each(LOCALES.filter((locale) => locale !== 'en'))('%s translates the visible labels (not a copy of English)', (locale) => {
    const messages = readLocale(DIR, locale);
    const copied = ['canned.settings.title', 'canned.new', 'canned.field.shortcut', 'canned.picker.noMatch', 'canned.readOnly'].filter(
      (key) => messages[key] === english[key],
    );
    expect(copied).toEqual([]);
  });

  it('has every key the settings page and the picker ask for, and no unused one', () => {
    const files = [
      ...sourceFiles(path.join(ADMIN, 'inbox/canned')),
      ...sourceFiles(path.join(ADMIN, 'pages/canned-replies')),
      path.join(ADMIN, 'pages/CannedRepliesSettingsPage.tsx'),
      path.join(ADMIN, 'index.ts'),
    ];
    const used = new Set<string>();
    for (const file of files) {
      for (const match of readFileSync(file, 'utf8').matchAll(/['`](?:\$\{PLUGIN_ID\}\.)?(canned\.[\w.]+)['`]/g)) used.add(match[1]);
    }
    expect([...used].filter((key) => !(key in english)).sort()).toEqual([]);
    expect(Object.keys(english).filter((key) => !used.has(key)).sort()).toEqual([]);
  });
});
