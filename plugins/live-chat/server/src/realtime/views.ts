import type { TimelineEntry } from '../../../shared/contracts/conversations';
import type { SyncPage, VisitorConversation } from '../../../shared/events';
import { shouldAskRating, type CsatSettings } from '../../../shared/domain/satisfaction';
import type { ConversationRecord } from '../repositories/conversations';

/**
 * What the visitor's widget may know of its conversation: no internal ids, notes or CRM data. The
 * CSAT settings decide whether the widget asks for a rating (issue 16).
 */
export function toVisitorConversation(record: ConversationRecord, csat: CsatSettings): VisitorConversation {
  return {
    documentId: record.documentId,
    status: record.status,
    agentName: record.assigneeId === null ? null : record.assigneeName,
    waitDeadlineAt: record.waitDeadlineAt ? record.waitDeadlineAt.toISOString() : null,
    missed: record.missedAt !== null,
    lastMessageSeq: record.lastMessageSeq,
    agentReadSeq: record.agentReadSeq,
    rating: record.rating,
    askRating: shouldAskRating(record, csat),
  };
}

/**
 * E2: a `sync` answer from one page read of the timeline. The next page continues after the last
 * seq read, shown or not, so a page of entries hidden from the reader still moves the client on.
 */
export function toSyncPage(read: { entries: ReadonlyArray<{ seq: number }>; hasMore: boolean }, afterSeq: number, shown: TimelineEntry[]): SyncPage {
  return { entries: shown, hasMore: read.hasMore, nextAfterSeq: read.entries.at(-1)?.seq ?? afterSeq };
}
