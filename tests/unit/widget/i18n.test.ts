import { LAUNCHER_STRINGS } from '../../../plugins/live-chat/widget/src/i18n/launcher';
import { LANGUAGES, format, pickLanguage } from '../../../plugins/live-chat/widget/src/i18n/languages';
import { CHAT_STRINGS } from '../../../plugins/live-chat/widget/src/i18n/strings';

/** E5: the widget speaks en, tr, id, it, sv, es, and picks the page's language. */
const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();

describe('widget strings', () => {
  const keys = Object.keys(CHAT_STRINGS.en).sort();

  it.each(LANGUAGES)('%s has every key of English, each non-empty and with the same placeholders', (language) => {
    const strings = CHAT_STRINGS[language] as Record<string, string>;
    expect(Object.keys(strings).sort()).toEqual(keys);
    for (const key of keys) {
      expect(strings[key]?.trim()).not.toBe('');
      expect(placeholders(strings[key] as string)).toEqual(placeholders((CHAT_STRINGS.en as Record<string, string>)[key] as string));
    }
    expect(LAUNCHER_STRINGS[language].open.trim()).not.toBe('');
    expect(LAUNCHER_STRINGS[language].close.trim()).not.toBe('');
  });

  it('translates, rather than copies English, the sentences a visitor reads', () => {
    for (const language of LANGUAGES.filter((l) => l !== 'en')) {
      for (const key of ['composerPlaceholder', 'waiting', 'reconnecting', 'closed', 'errorRequired'] as const) {
        expect(CHAT_STRINGS[language][key]).not.toBe(CHAT_STRINGS.en[key]);
      }
    }
  });
});

describe('pickLanguage', () => {
  it('prefers the snippet, then the page, then English', () => {
    expect(pickLanguage('tr', 'sv')).toBe('tr');
    expect(pickLanguage(null, 'sv-SE')).toBe('sv');
    expect(pickLanguage(undefined, 'ES')).toBe('es');
    expect(pickLanguage('', 'id_ID')).toBe('id');
    expect(pickLanguage(null, null)).toBe('en');
  });

  it('falls through languages the widget does not speak', () => {
    expect(pickLanguage('de', 'it')).toBe('it');
    expect(pickLanguage('fr', 'ja')).toBe('en');
    expect(pickLanguage('  ', 'x-klingon')).toBe('en');
  });
});

describe('format', () => {
  it('fills placeholders and never leaves one raw', () => {
    expect(format('{name} joined the chat', { name: 'Ada' })).toBe('Ada joined the chat');
    expect(format('{name} is typing…')).toBe(' is typing…');
  });
});
