/**
 * The folder list as pure functions over plain data, so the real-time rules of the list are unit
 * tested without a browser. Rows only ever come from the server (a page, or a socket upsert): these
 * functions place, move and drop rows, they never invent one (B6).
 */
import type { ConversationFolder, ConversationSummary, TimelineEntry } from '../../../../shared/contracts/conversations';
import { entryPreview, messagePreview } from '../../../../shared/domain/message-preview';

/**
 * The folders the inbox shows, in menu order (B3, B8). "All assigned" lists every assigned chat and
 * is shown only to viewers who may see other agents' chats (B6: see-all permission, or super admins
 * when configured); for anyone else it would repeat "My conversations".
 */
export const INBOX_FOLDERS = ['unassigned', 'mine', 'assigned', 'closed'] as const satisfies readonly ConversationFolder[];
export type InboxFolder = (typeof INBOX_FOLDERS)[number];

/** The folders a viewer gets in the menu. */
export const foldersFor = (seesAll: boolean): readonly InboxFolder[] =>
  seesAll ? INBOX_FOLDERS : INBOX_FOLDERS.filter((folder) => folder !== 'assigned');

export const isInboxFolder = (value: unknown, seesAll = false): value is InboxFolder =>
  typeof value === 'string' && (foldersFor(seesAll) as readonly string[]).includes(value);

type FolderSubject = Pick<ConversationSummary, 'status' | 'assignee'>;

/**
 * Whether a folder lists a conversation, mirroring the server's folder filters
 * (repositories/conversations.ts `whereFolder`): an agent's own chat is in "My conversations" and,
 * for see-all viewers, also in "All assigned".
 */
export function belongsTo(conversation: FolderSubject, folder: InboxFolder, agentId: number): boolean {
  switch (folder) {
    case 'unassigned':
    case 'closed':
      return conversation.status === folder;
    case 'mine':
      return conversation.status === 'assigned' && conversation.assignee?.id === agentId;
    case 'assigned':
      return conversation.status === 'assigned';
  }
}

/**
 * The folder to show a conversation in when it has to move (taken, closed): its own folder; for a
 * chat another agent holds, "All assigned" for see-all viewers and null for anyone else (they are
 * never sent one, B6).
 */
export function folderOf(conversation: FolderSubject, agentId: number, seesAll = false): InboxFolder | null {
  switch (conversation.status) {
    case 'unassigned':
      return 'unassigned';
    case 'closed':
      return 'closed';
    case 'assigned':
      if (conversation.assignee?.id === agentId) return 'mine';
      return seesAll ? 'assigned' : null;
  }
}

/** The list's order: newest activity first (the server's order too). */
export const activityOf = (row: ConversationSummary): string => row.lastActivityAt ?? row.createdAt;

function byActivity(a: ConversationSummary, b: ConversationSummary): number {
  const diff = Date.parse(activityOf(b)) - Date.parse(activityOf(a));
  return diff !== 0 ? diff : a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : 0;
}

export interface ListState {
  rows: ConversationSummary[];
  /** More rows wait on the server beyond the last loaded one. */
  hasMore: boolean;
}

/** Appends a fetched page; a row already present (moved in by a socket event) is kept once. */
export function appendPage(state: ListState, page: ConversationSummary[], hasMore: boolean): ListState {
  const seen = new Set(state.rows.map((row) => row.documentId));
  return { rows: [...state.rows, ...page.filter((row) => !seen.has(row.documentId))].sort(byActivity), hasMore };
}

/**
 * A conversation changed (B1, B3, B5, B8): it is placed in the list when it belongs to `folder`,
 * and dropped when it moved out. A row that would sort after the loaded page while more pages
 * remain is left for the next page, so paging neither skips nor repeats it.
 */
export function applyUpsert(state: ListState, conversation: ConversationSummary, folder: InboxFolder, agentId: number): ListState {
  const rest = state.rows.filter((row) => row.documentId !== conversation.documentId);
  if (!belongsTo(conversation, folder, agentId)) {
    return rest.length === state.rows.length ? state : { ...state, rows: rest };
  }
  const last = rest[rest.length - 1];
  if (state.hasMore && last && byActivity(conversation, last) > 0) return { ...state, rows: rest };
  // Socket upserts carry no unread count (null): the row keeps the one it has.
  const previous = state.rows.find((row) => row.documentId === conversation.documentId);
  const placed = conversation.unreadCount === null ? { ...conversation, unreadCount: previous?.unreadCount ?? 0 } : conversation;
  return { ...state, rows: [...rest, placed].sort(byActivity) };
}

/** The agent may no longer see it (B6): it leaves the list at once. */
export function applyRemoved(state: ListState, documentId: string): ListState {
  const rows = state.rows.filter((row) => row.documentId !== documentId);
  return rows.length === state.rows.length ? state : { ...state, rows };
}

/** One line of a message for a list row: the server's own rule (plain text, issue 14). */
export const previewOf = messagePreview;

/**
 * A new timeline entry of a listed conversation: its activity time, last seq and (for a message)
 * preview move, and the row rises to the top. Entries of unlisted conversations change nothing.
 */
export function applyEntry(state: ListState, documentId: string, entry: TimelineEntry): ListState {
  const row = state.rows.find((candidate) => candidate.documentId === documentId);
  if (!row || entry.seq <= row.lastMessageSeq) return state;
  const updated: ConversationSummary = {
    ...row,
    lastActivityAt: entry.createdAt,
    lastMessageSeq: entry.seq,
    // As the server keeps it: public text, a file by its name (G4); a note is no "last message" (G3).
    lastMessagePreview: entryPreview(entry) ?? row.lastMessagePreview,
    // A visitor's message is unread until an agent reads the chat (markRead).
    unreadCount: (row.unreadCount ?? 0) + (entry.kind === 'text' && entry.authorKind === 'visitor' ? 1 : 0),
  };
  return { ...state, rows: state.rows.map((candidate) => (candidate === row ? updated : candidate)).sort(byActivity) };
}

/** The chat was read up to its end (the agent opened it): its row shows no unread count. */
export function markRowRead(state: ListState, documentId: string): ListState {
  const row = state.rows.find((candidate) => candidate.documentId === documentId);
  if (!row || !row.unreadCount) return state;
  return { ...state, rows: state.rows.map((candidate) => (candidate === row ? { ...row, unreadCount: 0 } : candidate)) };
}
