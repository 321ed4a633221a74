import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * E5: the inbox speaks every language of the reference article. Each locale file has exactly the
 * English keys, none is empty, ICU placeholders survive translation, and every key the inbox
 * code asks for (including those built from a folder or conflict code) exists.
 */
const ADMIN = path.resolve(__dirname, '../../../plugins/live-chat/admin/src');
const DIR = path.join(ADMIN, 'translations/inbox');
const LOCALES = ['en', 'tr', 'id', 'it', 'sv', 'es'];

const read = (file: string): Record<string, string> => JSON.parse(readFileSync(file, 'utf8'));
const locale = (name: string) => read(path.join(DIR, `${name}.json`));
/** Argument names of an ICU message: `{name}` and `{count, plural, …}` alike. */
const argumentsOf = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\s*[,}]/g)].map((match) => match[1]))].sort();
const english = locale('en');

function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'side-panel' ? [] : sources(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe('inbox translations', () => {
  it('has a file for each of the six languages and no other', () => {
    const files = readdirSync(DIR).filter((file) => file.endsWith('.json')).map((file) => file.replace('.json', ''));
    expect(files.sort()).toEqual([...LOCALES].sort());
  });

  it.each(LOCALES)('%s has exactly the English keys, none empty, with the same placeholders', (name) => {
    const messages = locale(name);
    expect(Object.keys(messages).sort()).toEqual(Object.keys(english).sort());
    for (const [key, text] of Object.entries(messages)) {
      expect({ key, empty: text.trim() === '' }).toEqual({ key, empty: false });
      expect({ key, args: argumentsOf(text) }).toEqual({ key, args: argumentsOf(english[key] ?? '') });
    }
  });

  it('keys are unprefixed (the admin entry point adds the plugin id) and all start with "inbox."', () => {
    for (const key of Object.keys(english)) expect(key).toMatch(/^inbox\.[\w.]+$/);
  });

  it('the area-less locale files no longer hold inbox keys', () => {
    for (const name of LOCALES) {
      const keys = Object.keys(read(path.join(ADMIN, 'translations', `${name}.json`)));
      expect(keys.filter((key) => key.startsWith('inbox.'))).toEqual([]);
    }
  });

  it('every key the inbox code uses exists in English', () => {
    const files = [path.join(ADMIN, 'pages/InboxPage.tsx'), path.join(ADMIN, 'components/PluginNav.tsx'), ...sources(path.join(ADMIN, 'inbox'))];
    const code = files.map((file) => readFileSync(file, 'utf8')).join('\n');
    const literal = [...code.matchAll(/tr\(\s*'(inbox\.[\w.]+)'/g)].map((match) => match[1]);
    // Keys built at run time from a finite set: the folders and the state machine's refusal codes.
    const built = [
      ...['unassigned', 'mine', 'closed'].flatMap((folder) => [`inbox.folder.${folder}`, `inbox.empty.${folder}`]),
      ...['already_assigned', 'conversation_closed', 'not_assigned', 'no_change', 'unknown_agent'].map((code) => `inbox.problem.${code}`),
    ];
    expect(literal.length).toBeGreaterThan(40);
    const missing = [...literal, ...built].filter((key) => !(key in english));
    expect(missing).toEqual([]);
  });
});
