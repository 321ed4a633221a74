import { z } from 'zod';
import { RETENTION_DAYS, SUBJECT_KINDS } from '../domain/personal-data';
import { documentIdSchema } from '../schemas';

/**
 * F5, G9: requests and answers of the personal data endpoints (admin API and content API), read by
 * the routes' validation, the admin client and the OpenAPI description.
 */

/** `/personal-data/:kind/:documentId/…`: whose data. */
export const subjectParamsSchema = z.object({
  kind: z.enum(SUBJECT_KINDS, { message: `Must be one of ${SUBJECT_KINDS.join(', ')}` }),
  documentId: documentIdSchema,
});

/** The explicit confirmation an erasure needs: the subject's name, or ERASE. */
export const eraseBodySchema = z.strictObject({
  confirm: z.string({ message: "Required: the person's name or ERASE" }).trim().min(1, "Required: the person's name or ERASE").max(200),
});
export type EraseBody = z.infer<typeof eraseBodySchema>;

/** G9: the retention setting as stored under plugin-settings key `retention`. */
export const retentionSettingsSchema = z.strictObject({
  enabled: z.boolean(),
  days: z.number().int().min(RETENTION_DAYS.min).max(RETENTION_DAYS.max),
});

/** The retention dry run may try a value before saving it. */
export const retentionPreviewQuerySchema = z.strictObject({
  days: z.coerce.number().int().min(RETENTION_DAYS.min).max(RETENTION_DAYS.max).optional(),
});

export const erasureListQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});

export const erasureCountsSchema = z.object({
  conversations: z.number().int(),
  messages: z.number().int(),
  files: z.number().int(),
  visitors: z.number().int(),
  persons: z.number().int(),
  leads: z.number().int(),
  deals: z.number().int(),
  activities: z.number().int(),
});

export const subjectSummarySchema = z.object({
  kind: z.enum(['visitor', 'person']),
  documentId: z.string(),
  name: z.string().nullable(),
  conversations: z.number().int(),
});
export type SubjectSummaryView = z.infer<typeof subjectSummarySchema>;

export const erasureResultSchema = z.object({ subject: subjectSummarySchema, counts: erasureCountsSchema });

export const erasureLogEntrySchema = z.object({
  id: z.number().int(),
  createdAt: z.string(),
  actor: z.object({ kind: z.string(), id: z.number().int().nullable(), name: z.string().nullable() }),
  subjectKind: z.string(),
  counts: erasureCountsSchema,
});
export type ErasureLogEntry = z.infer<typeof erasureLogEntrySchema>;
