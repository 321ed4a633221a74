import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * E5: the side panel, desktop notifications and their settings speak every language of the
 * reference article. Each locale file has exactly the English keys, nothing is left empty, and
 * the ICU placeholders ({name}, {title}) survive translation; every key the code asks for exists.
 */
const ADMIN = path.resolve(__dirname, '../../../plugins/live-chat/admin/src');
const DIR = path.join(ADMIN, 'translations/notifications');
const LOCALES = ['en', 'tr', 'id', 'it', 'sv', 'es'];

const read = (locale: string): Record<string, string> => JSON.parse(readFileSync(path.join(DIR, `${locale}.json`), 'utf8'));
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
const english = read('en');

/** Every `.ts`/`.tsx` file under a folder. */
function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe('notification and side-panel translations', () => {
  it('has a file for each of the six languages and no other', () => {
    expect(readdirSync(DIR).filter((file) => file.endsWith('.json')).map((file) => file.replace('.json', '')).sort()).toEqual(
      [...LOCALES].sort(),
    );
  });

  it.each(LOCALES.filter((locale) => locale !== 'en'))('%s has exactly the English keys', (locale) => {
    expect(Object.keys(read(locale)).sort()).toEqual(Object.keys(english).sort());
  });

  it.each(LOCALES)('%s has no empty text and keeps the placeholders', (locale) => {
    const messages = read(locale);
    for (const [key, text] of Object.entries(messages)) {
      expect({ key, empty: text.trim() === '' }).toEqual({ key, empty: false });
      expect({ key, placeholders: placeholders(text) }).toEqual({ key, placeholders: placeholders(english[key]) });
    }
  });

  it.each(LOCALES.filter((locale) => locale !== 'en'))('%s translates the visible labels (not a copy of English)', (locale) => {
    const messages = read(locale);
    const copied = ['sidePanel.createDeal', 'sidePanel.dealValue', 'notifications.settings.title', 'notifications.mine.title'].filter(
      (key) => messages[key] === english[key],
    );
    expect(copied).toEqual([]);
  });

  it('has every key the side panel, the notifications and the settings page ask for, and no unused one', () => {
    const files = [
      ...sources(path.join(ADMIN, 'inbox/side-panel')),
      ...sources(path.join(ADMIN, 'notifications')),
      ...sources(path.join(ADMIN, 'pages/settings')),
      path.join(ADMIN, 'pages/NotificationSettingsPage.tsx'),
      path.join(ADMIN, 'index.ts'),
    ];
    const used = new Set<string>();
    for (const file of files) {
      for (const match of readFileSync(file, 'utf8').matchAll(/['`](?:\$\{PLUGIN_ID\}\.)?((?:sidePanel|notifications)\.[\w.]+)['`]/g)) {
        used.add(match[1]);
      }
    }
    expect([...used].filter((key) => !(key in english)).sort()).toEqual([]);
    expect(Object.keys(english).filter((key) => !used.has(key)).sort()).toEqual([]);
  });
});
