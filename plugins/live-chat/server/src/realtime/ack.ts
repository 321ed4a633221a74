import { errors } from '@strapi/utils';
import type { Ack } from '../../../shared/events';

type AckError = Extract<Ack<never>, { ok: false }>;

const fail = (code: string, message: string): AckError => ({ ok: false, error: { code, message } });

/** Maps a thrown error to an error ack; unexpected errors are logged and never leak details. */
export function toAckError(error: unknown, log: (message: string) => void): AckError {
  if (error instanceof errors.ValidationError) return fail('invalid_payload', error.message);
  if (error instanceof errors.NotFoundError) return fail('not_found', error.message);
  const http = error as { status?: number; details?: { code?: string }; message?: string };
  if (error instanceof errors.ForbiddenError || http?.status === 403) return fail(http.details?.code ?? 'not_allowed', http.message ?? 'Not allowed');
  if (http?.status === 409) return fail(http.details?.code ?? 'conflict', http.message ?? 'Conflict');
  log(`[live-chat] socket handler failed: ${String((error as Error)?.stack ?? error)}`);
  return fail('internal_error', 'Something went wrong; try again.');
}

export const ackError = fail;
