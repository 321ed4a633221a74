import type { VisitorConversation } from '../../../shared/events';
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
