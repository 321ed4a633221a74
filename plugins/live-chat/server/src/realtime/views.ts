import type { TimelineEntry } from '../../../shared/contracts/conversations';
import type { SyncPage, VisitorConversation } from '../../../shared/events';
import type { ConversationRecord } from '../repositories/conversations';

/** What the visitor's widget may know of its conversation: no internal ids, notes or CRM data. */
export function toVisitorConversation(record: ConversationRecord): VisitorConversation {
  return {
    documentId: record.documentId,
    status: record.status,
    agentName: record.assigneeId === null ? null : record.assigneeName,
    waitDeadlineAt: record.waitDeadlineAt ? record.waitDeadlineAt.toISOString() : null,
    missed: record.missedAt !== null,
    lastMessageSeq: record.lastMessageSeq,
    agentReadSeq: record.agentReadSeq,
  };
}

/**
 * E2: a `sync` answer from one page read of the timeline. The next page continues after the last
 * seq read, shown or not, so a page of entries hidden from the reader still moves the client on.
 */
export function toSyncPage(read: { entries: ReadonlyArray<{ seq: number }>; hasMore: boolean }, afterSeq: number, shown: TimelineEntry[]): SyncPage {
  return { entries: shown, hasMore: read.hasMore, nextAfterSeq: read.entries.at(-1)?.seq ?? afterSeq };
}
