/**
 * The Socket.IO event maps (E2, E3, B1–B4, D2): one per namespace, shared by the server, the inbox
 * and the widget so an event name or payload cannot drift between them. Inbound payloads are
 * validated with the schemas in realtime-schemas.ts before any handler sees them.
 */
import type { ConversationSummary, TimelineEntry } from './contracts/conversations';
import type { MessageAudience, NotificationKind } from './constants';

export const SOCKET_PATH = '/live-chat/socket.io';
export const NAMESPACES = { agent: '/agent', visitor: '/visitor' } as const;

/**
 * F3: how the widget and the inbox reconnect. A node that shuts down (or dies) drops its clients
 * all at once; the first retry comes after 250–750 ms (randomised, so they do not all land on the
 * next node in the same instant), later ones back off to 5 s.
 */
export const RECONNECTION = { reconnectionDelay: 500, reconnectionDelayMax: 5_000, randomizationFactor: 0.5 } as const;

/** Every acknowledgement: `{ ok: true, data }` or `{ ok: false, error: { code, message } }`. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
export type AckCallback<T> = (ack: Ack<T>) => void;

/**
 * E2: one page of a catch-up `sync`, at most SYNC_PAGE_SIZE entries read. While `hasMore`, ask again
 * with `afterSeq: nextAfterSeq` until it is false. `nextAfterSeq` is the last seq the page read,
 * shown or not (a visitor's page leaves out internal events, so it may even hold no entry).
 */
export interface SyncPage {
  entries: TimelineEntry[];
  hasMore: boolean;
  nextAfterSeq: number;
}

/** What the visitor's widget sees of its conversation. */
export interface VisitorConversation {
  documentId: string;
  status: 'unassigned' | 'assigned' | 'closed';
  /** B4: the agent's name once one joined; the widget shows it instead of the bot's. */
  agentName: string | null;
  waitDeadlineAt: string | null;
  missed: boolean;
  lastMessageSeq: number;
  /** E3: the agent has read up to this seq. */
  agentReadSeq: number;
  /** Issue 16 (G6): the visitor's rating of the closed chat, once given. */
  rating: number | null;
  /** Ask the visitor to rate the chat now (closed, CSAT on, neither rated nor declined): shared/domain/satisfaction.ts. */
  askRating: boolean;
}

/** The visitor's `sync` page carries their conversation as it is now. */
export interface VisitorSyncPage extends SyncPage {
  conversation: VisitorConversation | null;
}

export interface VisitorClientEvents {
  'conversation:start': (payload: { playbookDocumentId?: string }, ack: AckCallback<VisitorConversation>) => void;
  'conversation:get': (payload: Record<string, never>, ack: AckCallback<VisitorConversation | null>) => void;
  'message:send': (payload: { clientId: string; body: string }, ack: AckCallback<TimelineEntry>) => void;
  /** E2: the entries after `afterSeq`, in order, from the database, a page at a time. */
  sync: (payload: { afterSeq: number }, ack: AckCallback<VisitorSyncPage>) => void;
  typing: (payload: { typing: boolean }, ack?: AckCallback<null>) => void;
  read: (payload: { seq: number }, ack?: AckCallback<null>) => void;
  /** Issue 16 (G6): rate the closed chat 1–5 with an optional comment, once. */
  'rating:submit': (payload: { score: number; comment?: string | null }, ack: AckCallback<VisitorConversation>) => void;
  /** Issue 16: "no thanks": the rating is not asked again for this chat. */
  'rating:dismiss': (payload: Record<string, never>, ack: AckCallback<VisitorConversation>) => void;
}

export interface VisitorServerEvents {
  'timeline:entry': (entry: TimelineEntry) => void;
  'conversation:updated': (conversation: VisitorConversation) => void;
  /** B4 */
  'agent:joined': (payload: { agentName: string }) => void;
  /** B9: nobody took the chat in time; the widget shows the offline message and runs the offline path. */
  'conversation:offline': (payload: { offlineMessage: unknown }) => void;
  typing: (payload: { typing: boolean }) => void;
  read: (payload: { upToSeq: number }) => void;
  /** F3: broadcasts may have been missed (the server's Redis link came back): run the catch-up `sync` again (E2). */
  resync: () => void;
}

export interface AgentClientEvents {
  /** E2; with `audience: 'agents'` an internal note (G3), which only agents who may see the chat receive. */
  'message:send': (
    payload: { documentId: string; clientId: string; body: string; audience?: MessageAudience },
    ack: AckCallback<TimelineEntry>,
  ) => void;
  sync: (payload: { documentId: string; afterSeq: number }, ack: AckCallback<SyncPage>) => void;
  typing: (payload: { documentId: string; typing: boolean }, ack?: AckCallback<null>) => void;
  read: (payload: { documentId: string; seq: number }, ack?: AckCallback<null>) => void;
}

export interface AgentNotification {
  kind: NotificationKind;
  documentId: string;
  /** English text, for clients that do not translate; the inbox builds its own from kind and visitorName (E5). */
  title: string;
  body: string;
  /** The chat's display name when someone named the visitor (shared/domain/display-name.ts) … */
  visitorName: string | null;
  /** … else the number of its "Visitor #…" label (issue 14). */
  visitorNumber: number | null;
}

export interface AgentServerEvents {
  /** A conversation the agent may see was created or changed (B1, B3, B5, B8). */
  'conversation:upsert': (conversation: ConversationSummary) => void;
  /** The agent may no longer see this conversation (reassigned away, B6). */
  /** B6: the agent may no longer see the chat; `assigneeName` is who has it now (a reassign), if anyone. */
  'conversation:removed': (payload: { documentId: string; assigneeName: string | null }) => void;
  'timeline:entry': (payload: { documentId: string; entry: TimelineEntry }) => void;
  /** F5, G9: the conversation's personal content was erased; a client showing it reloads its timeline. */
  'conversation:erased': (payload: { documentId: string }) => void;
  typing: (payload: { documentId: string; typing: boolean }) => void;
  read: (payload: { documentId: string; upToSeq: number }) => void;
  /** D2 */
  notification: (notification: AgentNotification) => void;
  /** F3: broadcasts may have been missed (the server's Redis link came back): run the catch-up `sync` again (E2). */
  resync: () => void;
}

/** Names of the inbound events, for the "unknown event" check. */
export const VISITOR_CLIENT_EVENTS = [
  'conversation:start',
  'conversation:get',
  'message:send',
  'sync',
  'typing',
  'read',
  'rating:submit',
  'rating:dismiss',
] as const;
export const AGENT_CLIENT_EVENTS = ['message:send', 'sync', 'typing', 'read'] as const;
