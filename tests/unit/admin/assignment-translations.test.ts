import { readFileSync } from 'node:fs';
import path from 'node:path';
import { WEEKDAYS } from '../../../plugins/live-chat/shared/domain/business-hours';
import { ADMIN, LOCALES, itHasCompleteLocaleFiles, readLocale, sourceFiles } from './translation-files';

/**
 * E5, G7: the auto-assignment settings page and the Live Chat card's auto-assignment and business
 * hours fields speak every language of the reference article, with every key the code asks for.
 */
const DIR = path.join(ADMIN, 'translations/assignment');
const english = readLocale(DIR, 'en');

describe('auto-assignment and business hours translations', () => {
  itHasCompleteLocaleFiles(DIR);

  it.each(LOCALES.filter((locale) => locale !== 'en'))('%s translates the visible labels (not a copy of English)', (locale) => {
    const messages = readLocale(DIR, locale);
    const keys = ['assignment.settings.title', 'assignment.card.autoAssign', 'assignment.hours.enabled', 'assignment.hours.holidays', 'assignment.day.monday'];
    expect(keys.filter((key) => messages[key] === english[key])).toEqual([]);
  });

  it('has every key the screens ask for, and no unused one', () => {
    const used = new Set<string>(WEEKDAYS.map((day) => `assignment.day.${day}`));
    for (const file of [...sourceFiles(path.join(ADMIN, 'assignment')), path.join(ADMIN, 'index.ts')]) {
      for (const match of readFileSync(file, 'utf8').matchAll(/['`](?:\$\{PLUGIN_ID\}\.)?(assignment\.[\w.]+)['`]/g)) used.add(match[1]);
    }
    expect([...used].filter((key) => !(key in english)).sort()).toEqual([]);
    expect(Object.keys(english).filter((key) => !used.has(key)).sort()).toEqual([]);
  });
});
