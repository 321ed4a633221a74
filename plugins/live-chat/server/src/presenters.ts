import type { ConversationDetail, ConversationSummary, TimelineEntry } from '../../shared/contracts/conversations';
import type { ConversationRecord } from './repositories/conversations';
import type { StoredTimelineEntry } from './repositories/timeline';

/** Shapes the server's records into the JSON clients receive (admin API, content API, webhooks). */
const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function toConversationSummary(record: ConversationRecord): ConversationSummary {
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
    attachment: entry.attachment,
    createdAt: entry.createdAt.toISOString(),
  };
}
