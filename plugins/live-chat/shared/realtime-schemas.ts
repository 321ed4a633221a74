import { z } from 'zod';
import { DB_INTEGER_MAX } from './constants';
import { agentMessageInputSchema, messageInputSchema } from './domain/messaging';
import { ratingInputSchema } from './domain/satisfaction';
import { documentIdSchema } from './schemas';

/** Runtime validation of every inbound socket payload (shared/events.ts names the events). */
// Seqs live in integer columns (F4): a larger one can match nothing, and PostgreSQL refuses to compare it.
const seq = z.number().int().min(0).max(DB_INTEGER_MAX);

export const visitorPayloadSchemas = {
  'conversation:start': z.strictObject({ playbookDocumentId: documentIdSchema.optional() }),
  'conversation:get': z.strictObject({}),
  'message:send': messageInputSchema,
  sync: z.strictObject({ afterSeq: seq }),
  typing: z.strictObject({ typing: z.boolean() }),
  read: z.strictObject({ seq }),
  'rating:submit': ratingInputSchema,
  'rating:dismiss': z.strictObject({}),
} as const;

export const agentPayloadSchemas = {
  'message:send': agentMessageInputSchema.extend({ documentId: documentIdSchema }),
  sync: z.strictObject({ documentId: documentIdSchema, afterSeq: seq }),
  typing: z.strictObject({ documentId: documentIdSchema, typing: z.boolean() }),
  read: z.strictObject({ documentId: documentIdSchema, seq }),
} as const;
