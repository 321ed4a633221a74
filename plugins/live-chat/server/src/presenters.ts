import type { ConversationDetail, ConversationSummary, EarlierConversation, TimelineEntry } from '../../shared/contracts/conversations';
import { audienceOf } from '../../shared/domain/audience';
import { displayNameOf, displayNameText } from '../../shared/domain/display-name';
import type { ConversationRecord } from './repositories/conversations';
import type { StoredTimelineEntry } from './repositories/timeline';

/** Shapes the server's records into the JSON clients receive (admin API, content API, webhooks). */
const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** Issue 14: the one display-name rule (shared/domain/display-name.ts) applied to a record. */
export function displayNameOfRecord(record: ConversationRecord) {
  return displayNameOf({
    personName: record.sidePanel.personName,
    personEmail: record.sidePanel.personEmail,
    visitorName: record.visitorName,
    visitorEmail: record.visitorEmail,
    visitorId: record.visitorId,
  });
}

export function toConversationSummary(record: ConversationRecord): ConversationSummary {
  const name = displayNameOfRecord(record);
  return {
    documentId: record.documentId,
    status: record.status,
    assignee: record.assigneeId === null ? null : { id: record.assigneeId, name: record.assigneeName ?? '' },
    visitor: record.visitorId === null ? null : { name: record.visitorName, email: record.visitorEmail },
    createdAt: record.createdAt.toISOString(),
    assignedAt: iso(record.assignedAt),
    closedAt: iso(record.closedAt),
    waitDeadlineAt: iso(record.waitDeadlineAt),
    missedAt: iso(record.missedAt),
    lastActivityAt: iso(record.lastActivityAt),
    lastMessageSeq: record.lastMessageSeq,
    lastMessagePreview: record.lastMessagePreview,
    displayName: displayNameText(name),
    visitorNumber: name.kind === 'anonymous' ? name.number : null,
    page: record.visitorPage ? { url: record.visitorPage, title: record.visitorPageTitle } : null,
    unreadCount: record.unreadCount,
    rating:
      record.rating === null || record.ratedAt === null
        ? null
        : { score: record.rating, comment: record.ratingComment, ratedAt: record.ratedAt.toISOString() },
  };
}

/** G2: one of the visitor's or person's other conversations, for the side panel's links. */
export function toEarlierConversation(record: ConversationRecord, viewerId: number): EarlierConversation {
  return {
    documentId: record.documentId,
    status: record.status,
    folder: record.status !== 'assigned' ? record.status : record.assigneeId === viewerId ? 'mine' : 'assigned',
    createdAt: record.createdAt.toISOString(),
    closedAt: iso(record.closedAt),
    lastMessagePreview: record.lastMessagePreview,
  };
}

export function toConversationDetail(
  record: ConversationRecord,
  allowedActions: ConversationDetail['allowedActions'],
): ConversationDetail {
  return {
    ...toConversationSummary(record),
    sidePanel: record.sidePanel,
    person: record.personId === null ? null : { id: record.personId },
    organization: record.organizationId === null ? null : { id: record.organizationId },
    visitorReadSeq: record.visitorReadSeq,
    agentReadSeq: record.agentReadSeq,
    allowedActions,
  };
}

export function toTimelineEntry(entry: StoredTimelineEntry): TimelineEntry {
  return {
    seq: entry.seq,
    clientId: entry.clientId,
    kind: entry.kind,
    authorKind: entry.authorKind,
    authorName: entry.authorName,
    body: entry.body,
    event: entry.event,
    audience: audienceOf(entry),
    transcript: entry.transcript,
    attachment: entry.attachment,
    createdAt: entry.createdAt.toISOString(),
  };
}
