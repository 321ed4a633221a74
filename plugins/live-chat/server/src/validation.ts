import type { z } from 'zod';
import { invalidInput } from './errors';

/** Parses input with a shared schema, or throws a 400 listing each bad field in Strapi's shape. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, message = 'Invalid request'): z.output<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  throw invalidInput(
    message,
    result.error.issues.map((issue) => ({
      path: issue.path.map(String),
      message: issue.message,
    })),
  );
}
