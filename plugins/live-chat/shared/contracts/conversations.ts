import { z } from 'zod';
import { CONVERSATION_STATUSES, MESSAGE_AUDIENCES, MESSAGE_AUTHOR_KINDS, MESSAGE_KINDS } from '../constants';
import { transcriptDetailSchema } from '../domain/bot-transcript';
import { DEVICE_TYPES } from '../domain/visitor-context';

/** Inbox folders (B3, B5, B8); "assigned" lists every assigned chat the viewer may see. */
export const CONVERSATION_FOLDERS = ['unassigned', 'mine', 'assigned', 'closed'] as const;
export type ConversationFolder = (typeof CONVERSATION_FOLDERS)[number];

/**
 * The shapes below are zod schemas with their types inferred from them: the content API's OpenAPI
 * description (F1, G1) is generated from the same schemas, so the document cannot drift from them.
 */
export const agentRefSchema = z.object({ id: z.number().int(), name: z.string() });
export type AgentRef = z.infer<typeof agentRefSchema>;

const isoDateTime = z.iso.datetime();

/** One row of a folder list. Dates are ISO strings. */
export const conversationSummarySchema = z.object({
  documentId: z.string(),
  status: z.enum(CONVERSATION_STATUSES),
  assignee: agentRefSchema.nullable(),
  visitor: z.object({ name: z.string().nullable(), email: z.string().nullable() }).nullable(),
  createdAt: isoDateTime,
  assignedAt: isoDateTime.nullable(),
  closedAt: isoDateTime.nullable(),
  waitDeadlineAt: isoDateTime.nullable(),
  /** B9: nobody took the chat within the wait time. */
  missedAt: isoDateTime.nullable(),
  lastActivityAt: isoDateTime.nullable(),
  lastMessageSeq: z.number().int(),
  /** The last message as plain text (markup removed), at most 200 characters. */
  lastMessagePreview: z.string().nullable(),
  /**
   * Issue 14: who the chat is with, by the one rule of shared/domain/display-name.ts (the same
   * in the inbox, notifications and webhooks): the side panel's person name, the visitor's
   * identify name, an email, else "Visitor #<visitorNumber>".
   */
  displayName: z.string(),
  /** Set when nobody named the visitor: the number of the "Visitor #…" label (clients translate it). */
  visitorNumber: z.number().int().nullable(),
  /** G2: the page the visitor is on now (live), as the widget last reported it. */
  page: z.object({ url: z.string(), title: z.string().nullable() }).nullable(),
  /**
   * Visitor messages after the agents' read marker (E3). Null where it was not counted (socket
   * updates): a client keeps the count it has.
   */
  unreadCount: z.number().int().nullable(),
  /**
   * Issue 16 (G6): the visitor's satisfaction rating (1–5) and optional comment (plain text), once
   * they rated the closed chat; null until then.
   */
  rating: z.object({ score: z.number().int(), comment: z.string().nullable(), ratedAt: isoDateTime }).nullable(),
});
export type ConversationSummary = z.infer<typeof conversationSummarySchema>;

export const sidePanelValuesSchema = z.object({
  dealValue: z.number().nullable(),
  dealCurrency: z.string().nullable(),
  expectedCloseDate: z.string().nullable(),
  personName: z.string().nullable(),
  personEmail: z.string().nullable(),
  personPhone: z.string().nullable(),
  organizationName: z.string().nullable(),
  organizationAddress: z.string().nullable(),
  notes: z.string().nullable(),
});
export type SidePanelValues = z.infer<typeof sidePanelValuesSchema>;

export const conversationDetailSchema = conversationSummarySchema.extend({
  sidePanel: sidePanelValuesSchema,
  person: z.object({ id: z.number().int() }).nullable(),
  organization: z.object({ id: z.number().int() }).nullable(),
  visitorReadSeq: z.number().int(),
  agentReadSeq: z.number().int(),
  /** What the signed-in agent may do now (drives which buttons are live). */
  allowedActions: z.object({
    assignToMe: z.boolean(),
    reassign: z.boolean(),
    close: z.boolean(),
    editSidePanel: z.boolean(),
    createLead: z.boolean(),
    createDeal: z.boolean(),
  }),
});
export type ConversationDetail = z.infer<typeof conversationDetailSchema>;

/** G2: what the inbox shows of the visitor (side panel and chat header). Dates are ISO strings. */
export const visitorContextSchema = z.object({
  page: z.object({ url: z.string(), title: z.string().nullable() }).nullable(),
  landingPage: z.string().nullable(),
  referrer: z.string().nullable(),
  language: z.string().nullable(),
  /** IANA time zone from the visitor's browser; the inbox shows their local time from it. */
  timeZone: z.string().nullable(),
  browser: z.string().nullable(),
  os: z.string().nullable(),
  deviceType: z.enum(DEVICE_TYPES).nullable(),
  firstSeenAt: isoDateTime.nullable(),
  lastSeenAt: isoDateTime.nullable(),
  /** Visits: runs of page views with no gap of 30 minutes or more (shared/domain/visitor-context.ts). */
  visitCount: z.number().int(),
});
export type VisitorContext = z.infer<typeof visitorContextSchema>;

/** The visitor's or person's other conversations the agent may see (B6), newest first. */
export const earlierConversationSchema = z.object({
  documentId: z.string(),
  status: z.enum(CONVERSATION_STATUSES),
  /** The inbox folder it is listed in for the asking agent (for the link). */
  folder: z.enum(CONVERSATION_FOLDERS),
  createdAt: isoDateTime,
  closedAt: isoDateTime.nullable(),
  lastMessagePreview: z.string().nullable(),
});
export type EarlierConversation = z.infer<typeof earlierConversationSchema>;

/** GET /live-chat/conversations/:documentId/context */
export interface ConversationContextResponse {
  data: { visitor: VisitorContext | null; earlierConversations: EarlierConversation[] };
}

/** G4: the file of a `file` entry (shared/domain/attachments.ts AttachmentView). */
export const attachmentSchema = z.object({
  name: z.string().nullable(),
  mime: z.string(),
  size: z.number().int(),
  url: z.string().nullable(),
  thumbnailUrl: z.string().nullable(),
  removedAt: isoDateTime.nullable(),
});

/** A message, a file (G4) or a timeline event (B7), in seq order. */
export const timelineEntrySchema = z.object({
  seq: z.number().int(),
  clientId: z.string(),
  kind: z.enum(MESSAGE_KINDS),
  authorKind: z.enum(MESSAGE_AUTHOR_KINDS),
  authorName: z.string().nullable(),
  body: z.string().nullable(),
  event: z.object({ type: z.string(), data: z.record(z.string(), z.union([z.string(), z.number(), z.null()])) }).nullable(),
  /** G3: `agents` for internal notes and events the visitor is not shown (shared/domain/audience.ts). */
  audience: z.enum(MESSAGE_AUDIENCES),
  /** G2: set on the lines of the bot part of the chat (what the playbook showed, what the visitor answered). */
  // A union with null rather than .nullable(): OpenAPI 3.0 has no "nullable" without a type (G1).
  transcript: z.union([transcriptDetailSchema, z.null()]),
  /** Set on `file` entries only. */
  attachment: attachmentSchema.nullable(),
  createdAt: isoDateTime,
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export interface FolderCounts {
  unassigned: number;
  mine: number;
  assigned: number;
  closed: number;
}

/** GET /live-chat/conversations */
export interface ConversationListResponse {
  data: ConversationSummary[];
  /** `counts` on the first page; null on later pages (cursor given). */
  meta: { nextCursor: string | null; counts: FolderCounts | null };
}

/** GET /live-chat/conversations/:documentId */
export interface ConversationResponse {
  data: ConversationDetail;
}

/** GET /live-chat/conversations/:documentId/messages */
export interface TimelineResponse {
  data: TimelineEntry[];
  meta: { hasMore: boolean };
}
