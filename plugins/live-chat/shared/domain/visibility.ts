/**
 * B6: who may see a conversation. This is the one rule the inbox, the REST API, the socket rooms,
 * search and notifications all use, so it lives here once and nowhere else.
 */
import type { ConversationStatus } from '../constants';

/** Whoever is looking: an agent, an admin, or a user without inbox access. */
export interface Viewer {
  id: number;
  canUseInbox: boolean;
  canSeeAll: boolean;
}

/** The part of a conversation the visibility rule depends on. */
export interface VisibilitySubject {
  status: ConversationStatus;
  assigneeId: number | null;
}

/**
 * The visibility rule as data, so a repository can turn it into a WHERE clause instead of
 * filtering rows in memory (which would break pagination and counts).
 */
export type VisibilityFilter =
  | { kind: 'none' }
  | { kind: 'all' }
  | { kind: 'unassigned-closed-or-mine'; agentId: number };

/** Whether `viewer` may see `conversation` (B6). */
export function canSee(viewer: Viewer, conversation: VisibilitySubject): boolean {
  if (!viewer.canUseInbox) return false;
  if (viewer.canSeeAll) return true;
  // A chat owned by someone else stays private until it is dropped back to Unassigned or closed.
  return (
    conversation.status === 'unassigned' ||
    conversation.status === 'closed' ||
    conversation.assigneeId === viewer.id
  );
}

/** The same rule as canSee, expressed as a filter over all conversations a viewer may list. */
export function visibleConversationFilter(viewer: Viewer): VisibilityFilter {
  if (!viewer.canUseInbox) return { kind: 'none' };
  if (viewer.canSeeAll) return { kind: 'all' };
  return { kind: 'unassigned-closed-or-mine', agentId: viewer.id };
}

/** Ids of the viewers allowed to see `conversation`, ascending and without duplicates (socket rooms, notifications). */
export function recipientsOf(conversation: VisibilitySubject, viewers: Viewer[]): number[] {
  const ids = new Set<number>();
  for (const viewer of viewers) {
    if (canSee(viewer, conversation)) ids.add(viewer.id);
  }
  return [...ids].sort((a, b) => a - b);
}
