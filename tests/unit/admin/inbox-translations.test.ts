import { readFileSync } from 'node:fs';
import path from 'node:path';
import { INBOX_FOLDERS } from '../../../plugins/live-chat/admin/src/inbox/state/conversation-list';
import { ADMIN, LOCALES, itHasCompleteLocaleFiles, readLocale, sourceFiles } from './translation-files';

/**
 * E5: the inbox speaks every language of the reference article. Each locale file has exactly the
 * English keys, none is empty, ICU placeholders survive translation, and every key the inbox
 * code asks for (including those built from a folder or conflict code) exists.
 */
const DIR = path.join(ADMIN, 'translations/inbox');
const english = readLocale(DIR, 'en');

describe('inbox translations', () => {
  itHasCompleteLocaleFiles(DIR);

  it('keys are unprefixed (the admin entry point adds the plugin id) and all start with "inbox."', () => {
    for (const key of Object.keys(english)) expect(key).toMatch(/^inbox\.[\w.]+$/);
  });

  it('the area-less locale files no longer hold inbox keys', () => {
    for (const name of LOCALES) {
      const keys = Object.keys(readLocale(path.join(ADMIN, 'translations'), name));
      expect(keys.filter((key) => key.startsWith('inbox.'))).toEqual([]);
    }
  });

  it('every key the inbox code uses exists in English', () => {
    const files = [path.join(ADMIN, 'pages/InboxPage.tsx'), path.join(ADMIN, 'components/PluginNav.tsx'), ...sourceFiles(path.join(ADMIN, 'inbox'), ['side-panel'])];
    const code = files.map((file) => readFileSync(file, 'utf8')).join('\n');
    const literal = [...code.matchAll(/tr\(\s*'(inbox\.[\w.]+)'/g)].map((match) => match[1]);
    // Keys built at run time from a finite set: the folders and the state machine's refusal codes.
    const built = [
      ...INBOX_FOLDERS.flatMap((folder) => [`inbox.folder.${folder}`, `inbox.empty.${folder}`]),
      ...['already_assigned', 'conversation_closed', 'not_assigned', 'no_change', 'unknown_agent'].map((code) => `inbox.problem.${code}`),
    ];
    expect(literal.length).toBeGreaterThan(40);
    const missing = [...literal, ...built].filter((key) => !(key in english));
    expect(missing).toEqual([]);
  });
});
