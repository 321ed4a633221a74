import type { z } from 'zod';
import { invalidInput } from './errors';

/** A list of typed nodes is rich text (A4): its sanitizer strips control characters on save. */
const isRichText = (value: unknown[]) =>
  value.length > 0 && value.every((node) => typeof node === 'object' && node !== null && typeof (node as { type?: unknown }).type === 'string');

/**
 * The path of the first string (or key) holding U+0000 in a parsed value, or null. PostgreSQL
 * cannot store that character in text or jsonb at all (it fails the whole statement), and it is
 * never meaningful in anything a person types. Rich text is left to its sanitizer.
 */
export function nulPath(value: unknown, path: string[] = [], depth = 0): string[] | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value === null || typeof value !== 'object' || depth > 32) return null;
  if (Array.isArray(value) && isRichText(value)) return null;
  for (const [key, child] of Object.entries(value)) {
    if (key.includes('\u0000')) return [...path, key];
    const found = nulPath(child, [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}

/** Parses input with a shared schema, or throws a 400 listing each bad field in Strapi's shape. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, message = 'Invalid request'): z.output<S> {
  const result = schema.safeParse(input ?? {});
  if (!result.success) {
    throw invalidInput(
      message,
      result.error.issues.map((issue) => ({
        path: issue.path.map(String),
        message: issue.message,
      })),
    );
  }
  const withNul = nulPath(result.data);
  if (withNul) throw invalidInput(message, [{ path: withNul, message: 'Contains a NUL character (U+0000)' }]);
  return result.data;
}
