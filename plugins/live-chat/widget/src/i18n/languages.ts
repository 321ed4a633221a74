/**
 * E5: the widget speaks the languages of the reference article and English. Pure: no DOM, so the
 * loader, the chat bundle and the unit tests share it.
 */
export const LANGUAGES = ['en', 'tr', 'id', 'it', 'sv', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

const isLanguage = (value: string): value is Language => (LANGUAGES as readonly string[]).includes(value);

/** The primary subtag of a BCP 47 tag ("sv-SE" → "sv"), if it is a language the widget speaks. */
function supported(tag: string | null | undefined): Language | null {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return isLanguage(primary) ? primary : null;
}

/** The snippet's `data-lang` wins, then the page's `<html lang>`, then English. */
export function pickLanguage(snippetLang: string | null | undefined, pageLang: string | null | undefined): Language {
  return supported(snippetLang) ?? supported(pageLang) ?? 'en';
}

/** Fills `{name}` placeholders; a missing value leaves an empty string, never the raw placeholder. */
export function format(template: string, values: Record<string, string> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');
}
