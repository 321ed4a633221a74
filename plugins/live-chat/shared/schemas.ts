import { z } from 'zod';
import { AGENT_AVAILABILITIES, DB_INTEGER_MAX } from './constants';
import { CONVERSATION_FOLDERS } from './contracts/conversations';
import { AGENT_CAPACITY } from './domain/auto-assignment';
import { VISITOR_CONTEXT_LIMITS, cleanPageUrl, cleanTitle, isTimeZone } from './domain/visitor-context';

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

/**
 * G2: the page context the widget reports. A URL that is not http(s) or too long, or an unknown
 * time zone, is refused (400); a title is cut to plain bounded text. Nothing is stored raw.
 */
const pageUrlSchema = z
  .string()
  .max(VISITOR_CONTEXT_LIMITS.url * 2)
  .transform((value, ctx) => {
    const url = cleanPageUrl(value);
    if (url === null) {
      ctx.addIssue({ code: 'custom', message: `Must be an http(s) URL of at most ${VISITOR_CONTEXT_LIMITS.url} characters`, input: value });
      return z.NEVER;
    }
    return url;
  });
/** document.referrer is '' when there is none. */
const referrerSchema = z.union([z.literal('').transform(() => null), pageUrlSchema]);
/** Other control characters become spaces; a NUL is refused, as everywhere in the plugin (F4). */
const titleSchema = z
  .string()
  .max(VISITOR_CONTEXT_LIMITS.title * 10)
  .refine((value) => !value.includes('\u0000'), 'The title contains a NUL character')
  .transform(cleanTitle);
const timeZoneSchema = z.string().refine(isTimeZone, 'Not an IANA time zone');
export const languageTagSchema = z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'Not a language tag').max(16);

const pageContextFields = {
  title: titleSchema.optional(),
  referrer: referrerSchema.optional(),
  /** The first page of this visit in the tab (the loader remembers it per tab). */
  landingPage: pageUrlSchema.optional(),
  timeZone: timeZoneSchema.optional(),
  language: languageTagSchema.optional(),
  /** The site turned device collection off: the User-Agent header is not parsed (docs/widget.md). */
  device: z.literal(false).optional(),
};

/** POST /live-chat/widget/session (E4): first contact or a return, with the page's context. */
export const widgetSessionSchema = z.strictObject({
  token: z.string().max(2048).optional(),
  page: pageUrlSchema.optional(),
  ...pageContextFields,
});

/** POST /live-chat/widget/page (G2): the visitor moved to another page (a load or an SPA navigation). */
export const widgetPageViewSchema = z.strictObject({ page: pageUrlSchema, ...pageContextFields });
export type WidgetPageView = z.output<typeof widgetPageViewSchema>;

/** G7: an admin sets one agent's capacity for auto-assignment (null: back to the default). */
export const agentCapacitySchema = z.strictObject({
  maxOpenChats: z
    .number({ error: 'Enter a whole number of chats' })
    .int('Enter a whole number of chats')
    .min(AGENT_CAPACITY.min, `At least ${AGENT_CAPACITY.min} chat`)
    .max(AGENT_CAPACITY.max, `At most ${AGENT_CAPACITY.max} chats`)
    .nullable(),
});
export type AgentCapacityInput = z.infer<typeof agentCapacitySchema>;
