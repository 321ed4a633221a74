import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** E5: the admin speaks the reference article's languages and English. */
export const LOCALES = ['en', 'tr', 'id', 'it', 'sv', 'es'] as const;
export const ADMIN = path.resolve(__dirname, '../../../plugins/live-chat/admin/src');

/** One locale file of a translation area (`translations/`, `translations/inbox/`, …). */
export const readLocale = (dir: string, locale: string): Record<string, string> =>
  JSON.parse(readFileSync(path.join(dir, `${locale}.json`), 'utf8'));

/** Argument names of an ICU message: `{name}` and `{count, plural, …}` alike. */
export const icuArguments = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\s*[,}]/g)].map((match) => match[1]))].sort();

/** Every `.ts`/`.tsx` file under a folder, leaving out sub-folders named in `skip`. */
export function sourceFiles(folder: string, skip: string[] = []): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return skip.includes(entry.name) ? [] : sourceFiles(full, skip);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/**
 * The checks every translation area shares: a file per language and no other, each with exactly
 * the English keys (of the area: `keys` picks them when areas share files), no empty text, and the
 * same ICU arguments as English.
 */
export function itHasCompleteLocaleFiles(dir: string, keys: (key: string) => boolean = () => true) {
  const pick = (messages: Record<string, string>) => Object.fromEntries(Object.entries(messages).filter(([key]) => keys(key)));
  const english = pick(readLocale(dir, 'en'));

  it('has a file for each of the six languages and no other', () => {
    const files = readdirSync(dir).filter((file) => file.endsWith('.json')).map((file) => file.replace('.json', ''));
    expect(files.sort()).toEqual([...LOCALES].sort());
  });

  it.each(LOCALES)('%s has exactly the English keys, none empty, with the same ICU arguments', (locale) => {
    const messages = pick(readLocale(dir, locale));
    expect(Object.keys(messages).sort()).toEqual(Object.keys(english).sort());
    for (const [key, text] of Object.entries(messages)) {
      expect({ key, empty: text.trim() === '' }).toEqual({ key, empty: false });
      expect({ key, args: icuArguments(text) }).toEqual({ key, args: icuArguments(english[key] ?? '') });
    }
  });
}
