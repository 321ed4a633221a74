import { isFetchError } from '@strapi/strapi/admin';

export interface ApiProblem {
  message: string;
  /** Field errors by dotted path (`waitTimeSeconds`, `settings.buttons.0.label`, `cards.<id>.settings.next`). */
  fields: Record<string, string>;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** The server's error (Strapi's shape) as a message and field errors the forms can show inline. */
export function apiProblem(error: unknown): ApiProblem {
  if (!isFetchError(error)) return { message: error instanceof Error ? error.message : String(error), fields: {} };
  const apiError = error.response?.data.error;
  const details: unknown = apiError && 'details' in apiError ? apiError.details : undefined;
  const list = isRecord(details) && Array.isArray(details.errors) ? details.errors : [];
  const fields: Record<string, string> = {};
  for (const entry of list) {
    if (!isRecord(entry) || !Array.isArray(entry.path) || typeof entry.message !== 'string') continue;
    const key = entry.path.map(String).join('.');
    fields[key] ??= entry.message;
  }
  return { message: apiError?.message ?? error.message, fields };
}
