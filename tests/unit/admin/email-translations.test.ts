import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ADMIN, LOCALES, itHasCompleteLocaleFiles, readLocale } from './translation-files';

/**
 * E5, G8: Settings > Live Chat > Email speaks every language of the reference article: a file per
 * language with exactly the English keys, the switch labels translated, and every key the page
 * asks for present (and none unused).
 */
const DIR = path.join(ADMIN, 'translations/email');
const english = readLocale(DIR, 'en');

describe('email settings translations', () => {
  itHasCompleteLocaleFiles(DIR);

  it.each(LOCALES.filter((locale) => locale !== 'en'))('%s translates the visible labels (not a copy of English)', (locale) => {
    const messages = readLocale(DIR, locale);
    const copied = ['email.transcripts', 'email.followUps', 'email.missedChats', 'email.teamAddress', 'email.saved'].filter(
      (key) => messages[key] === english[key],
    );
    expect(copied).toEqual([]);
  });

  it('has every key the page asks for, and no unused one', () => {
    const used = new Set<string>();
    for (const file of [path.join(ADMIN, 'pages/EmailSettingsPage.tsx'), path.join(ADMIN, 'index.ts')]) {
      for (const match of readFileSync(file, 'utf8').matchAll(/['`](?:\$\{PLUGIN_ID\}\.)?(email\.[\w.]+)['`]/g)) used.add(match[1]);
    }
    expect([...used].filter((key) => !(key in english)).sort()).toEqual([]);
    expect(Object.keys(english).filter((key) => !used.has(key)).sort()).toEqual([]);
  });
});
