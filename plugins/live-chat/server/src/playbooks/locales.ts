/**
 * E5: which locale a playbook request works in. The admin API takes `?locale=` (default: the i18n
 * plugin's default locale); a locale the i18n plugin does not know is a 400, not a silent fallback.
 */
import { invalidInput } from '../errors';
import type { PlaybookRepository } from '../repositories/playbooks';

export interface LocaleScope {
  /** The locale asked for (the default locale when none was). */
  locale: string;
  defaultLocale: string;
  isDefault: boolean;
}

/** The message of every refused structure change in a copy. */
export const structureMessage = (defaultLocale: string) =>
  `Cards are added, removed, reordered and shaped in the default locale (${defaultLocale}); other locales change texts only`;

/** Also used by canned replies (G3): any repository that knows the i18n plugin's locales. */
export async function resolveLocale(repository: Pick<PlaybookRepository, 'defaultLocale' | 'listLocales'>, requested: string | undefined): Promise<LocaleScope> {
  const defaultLocale = await repository.defaultLocale();
  if (requested === undefined || requested === defaultLocale) return { locale: defaultLocale, defaultLocale, isDefault: true };
  const known = await repository.listLocales();
  if (!known.some((l) => l.code === requested)) {
    throw invalidInput('Unknown locale', [{ path: ['locale'], message: `No locale "${requested}" in Settings > Internationalization` }]);
  }
  return { locale: requested, defaultLocale, isDefault: false };
}

/** Refuses a structure change (add, delete, reorder a card) outside the default locale with a 400. */
export function requireDefaultLocale(scope: LocaleScope): void {
  if (scope.isDefault) return;
  throw invalidInput(structureMessage(scope.defaultLocale), [{ path: ['locale'], message: structureMessage(scope.defaultLocale) }]);
}
