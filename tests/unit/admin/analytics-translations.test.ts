import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ADMIN, LOCALES, itHasCompleteLocaleFiles, readLocale, sourceFiles } from './translation-files';

/** Issue 16: the Analytics page speaks every language the admin ships, with every key it asks for. */
const DIR = path.join(ADMIN, 'translations/analytics');
const english = readLocale(DIR, 'en');

describe('analytics translations', () => {
  itHasCompleteLocaleFiles(DIR);

  it.each(LOCALES.filter((locale) => locale !== 'en'))('%s translates the visible labels (not a copy of English)', (locale) => {
    const messages = readLocale(DIR, locale);
    const copied = ['analytics.title', 'analytics.csv', 'analytics.kpi.started', 'analytics.kpi.missed', 'analytics.chart.days'].filter(
      (key) => messages[key] === english[key],
    );
    expect(copied).toEqual([]);
  });

  it('has every key the page asks for, and no unused one', () => {
    const files = [...sourceFiles(path.join(ADMIN, 'pages/analytics')), path.join(ADMIN, 'pages/AnalyticsPage.tsx'), path.join(ADMIN, 'index.ts')];
    const used = new Set<string>();
    for (const file of files) {
      for (const match of readFileSync(file, 'utf8').matchAll(/['`](?:\$\{PLUGIN_ID\}\.)?(analytics\.[\w.]+)['`]/g)) used.add(match[1]);
    }
    expect([...used].filter((key) => !(key in english)).sort()).toEqual([]);
    expect(Object.keys(english).filter((key) => !used.has(key)).sort()).toEqual([]);
  });
});
