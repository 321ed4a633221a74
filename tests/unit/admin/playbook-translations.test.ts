import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CARD_KINDS } from '../../../plugins/live-chat/shared/constants';
import { ACTIVITY_TYPES, CAPTURE_FIELDS } from '../../../plugins/live-chat/shared/domain/playbook-cards';
import { ADMIN, LOCALES, itHasCompleteLocaleFiles, readLocale, sourceFiles } from './translation-files';

/**
 * E5, A1–A8: the playbook screens (list, editor, card forms) speak every language of the reference
 * article. Each locale file has exactly the English keys, none is empty, ICU placeholders survive,
 * every key the screens ask for exists, and the playbook area keeps no unused key.
 */
const DIR = path.join(ADMIN, 'translations');
/** The playbook area's key families; other areas' keys in the same files are checked by their own tests. */
const PLAYBOOK_PREFIXES = ['playbooks.', 'status.', 'action.', 'editor.', 'card.', 'embed.', 'installations.'];

const read = (locale: string) => readLocale(DIR, locale);
const english = read('en');
const playbookSources = () => [
  ...sourceFiles(path.join(ADMIN, 'components')),
  ...sourceFiles(path.join(ADMIN, 'hooks')),
  ...sourceFiles(path.join(ADMIN, 'utils')),
  ...readdirSync(path.join(ADMIN, 'pages'))
    .filter((file) => file.startsWith('Playbook'))
    .map((file) => path.join(ADMIN, 'pages', file)),
];

/** Literal keys passed to `tr('…'`, plus the families built from the domain's constants. */
function usedKeys(): Set<string> {
  const used = new Set<string>([
    ...CARD_KINDS.map((kind) => `card.kind.${kind}`),
    ...CAPTURE_FIELDS.map((field) => `card.capture.field.${field}`),
    ...ACTIVITY_TYPES.map((type) => `card.activityType.${type}`),
  ]);
  for (const file of playbookSources()) {
    for (const match of readFileSync(file, 'utf8').matchAll(/\btr\(\s*'([\w.]+)'/g)) used.add(match[1]);
  }
  return used;
}

describe('playbook screen translations', () => {
  itHasCompleteLocaleFiles(DIR);

  it.each(LOCALES.filter((locale) => locale !== 'en'))('%s translates the card forms (not a copy of English)', (locale) => {
    const messages = read(locale);
    const keys = ['card.field.next', 'card.button.add', 'card.field.offlinePath', 'card.capture.title', 'card.next.end'];
    expect(keys.filter((key) => messages[key] === english[key])).toEqual([]);
  });

  it('has every key the playbook screens ask for, and no unused playbook key', () => {
    const used = usedKeys();
    expect([...used].filter((key) => !(key in english)).sort()).toEqual([]);
    const unused = Object.keys(english).filter((key) => PLAYBOOK_PREFIXES.some((p) => key.startsWith(p)) && !used.has(key));
    expect(unused.sort()).toEqual([]);
  });
});
