import type { FieldErrors } from './types';

const under = (path: string, shown: string) => path === shown || path.startsWith(`${shown}.`);

/** The server's message for a field: at its path or under it (`settings.prompt.0` shows at `settings.prompt`). */
export function errorAt(errors: FieldErrors, path: string): string | undefined {
  const hit = Object.keys(errors).find((key) => under(key, path));
  return hit === undefined ? undefined : errors[hit];
}

/** Errors no field of the form shows, so none is lost (e.g. a field the form does not edit). */
export function unshownErrors(errors: FieldErrors, shown: readonly string[]): string[] {
  return Object.entries(errors)
    .filter(([key]) => !shown.some((path) => under(key, path)))
    .map(([key, message]) => `${key}: ${message}`);
}
