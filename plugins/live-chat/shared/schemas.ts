import { z } from 'zod';
import { AGENT_AVAILABILITIES, DB_INTEGER_MAX } from './constants';
import { CONVERSATION_FOLDERS } from './contracts/conversations';

/**
 * Runtime validation of every inbound request body and query of the plugin's APIs; the request
 * types are inferred from these schemas, so a client and the server cannot disagree silently.
 */

/** Strapi document ids: 24 lower-case letters and digits today; anything else is refused up front. */
export const documentIdSchema = z.string().regex(/^[a-z0-9]{1,64}$/, 'Not a valid document id');

const queryInt = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** An id or seq a client sends: a positive whole number an integer column can hold (F4). */
export const dbIdSchema = z.number().int().positive().max(DB_INTEGER_MAX);

export const folderListQuerySchema = z.strictObject({
  folder: z.enum(CONVERSATION_FOLDERS).default('unassigned'),
  search: z.string().trim().max(200).optional(),
  cursor: z.string().max(200).optional(),
  limit: queryInt(1, 100).default(25),
});
export type FolderListQuery = z.infer<typeof folderListQuerySchema>;

export const timelineQuerySchema = z
  .strictObject({
    afterSeq: queryInt(0, DB_INTEGER_MAX).optional(),
    beforeSeq: queryInt(1, DB_INTEGER_MAX).optional(),
    limit: queryInt(1, 200).default(50),
  })
  .refine((query) => query.afterSeq === undefined || query.beforeSeq === undefined, {
    message: 'Use afterSeq or beforeSeq, not both',
    path: ['beforeSeq'],
  });
export type TimelineQuery = z.infer<typeof timelineQuerySchema>;

export const reassignBodySchema = z.strictObject({
  /** An admin user id, or null for Unassigned (B5). */
  agentId: dbIdSchema.nullable(),
});

export const crmBodySchema = z.strictObject({
  title: z.string().trim().min(1).max(200).optional(),
});

export const availabilityBodySchema = z.strictObject({
  availability: z.enum(AGENT_AVAILABILITIES),
});

/** Content API actions name the agent an integration acts as (F1). */
export const actingAgentSchema = z.strictObject({
  actingAgentId: dbIdSchema,
});

/** D3: a change to notification preferences (company-wide or the agent's own). */
export const notificationPreferencesSchema = z
  .strictObject({
    conversationUnassigned: z.boolean().optional(),
    conversationAssignedToMe: z.boolean().optional(),
    messageInMyConversation: z.boolean().optional(),
    sound: z.boolean().optional(),
  })
  .refine((changes) => Object.keys(changes).length > 0, { message: 'Nothing to change' });
