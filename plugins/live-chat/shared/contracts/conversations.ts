import type { ConversationStatus, MessageAuthorKind, MessageKind } from '../constants';

/** Inbox folders (B3, B5, B8); "assigned" lists every assigned chat the viewer may see. */
export const CONVERSATION_FOLDERS = ['unassigned', 'mine', 'assigned', 'closed'] as const;
export type ConversationFolder = (typeof CONVERSATION_FOLDERS)[number];

export interface AgentRef {
  id: number;
  name: string;
}

/** One row of a folder list. Dates are ISO strings. */
export interface ConversationSummary {
  documentId: string;
  status: ConversationStatus;
  assignee: AgentRef | null;
  visitor: { name: string | null; email: string | null } | null;
  createdAt: string;
  assignedAt: string | null;
  closedAt: string | null;
  waitDeadlineAt: string | null;
  /** B9: nobody took the chat within the wait time. */
  missedAt: string | null;
  lastActivityAt: string | null;
  lastMessageSeq: number;
  lastMessagePreview: string | null;
}

export interface SidePanelValues {
  dealValue: number | null;
  dealCurrency: string | null;
  expectedCloseDate: string | null;
  personName: string | null;
  personEmail: string | null;
  personPhone: string | null;
  organizationName: string | null;
  organizationAddress: string | null;
  notes: string | null;
}

export interface ConversationDetail extends ConversationSummary {
  sidePanel: SidePanelValues;
  person: { id: number } | null;
  organization: { id: number } | null;
  visitorReadSeq: number;
  agentReadSeq: number;
  /** What the signed-in agent may do now (drives which buttons are live). */
  allowedActions: {
    assignToMe: boolean;
    reassign: boolean;
    close: boolean;
    editSidePanel: boolean;
    createLead: boolean;
    createDeal: boolean;
  };
}

/** A message or a timeline event (B7), in seq order. */
export interface TimelineEntry {
  seq: number;
  clientId: string;
  kind: MessageKind;
  authorKind: MessageAuthorKind;
  authorName: string | null;
  body: string | null;
  event: { type: string; data: Record<string, string | number | null> } | null;
  createdAt: string;
}

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
