import { CONVERSATION_STATUSES, uid } from '../../../shared/constants';
import { defineContentType, enumeration, foreignKey, hasMany, hiddenFromContentApi, linkTo } from './define';

/**
 * B1–B9: a chat between a visitor and (eventually) one agent. The side panel's fields (C1) are kept
 * on the conversation until a lead or deal is created from them (C2).
 */
export default defineContentType({
  singularName: 'conversation',
  pluralName: 'conversations',
  displayName: 'Conversation',
  visibleInContentManager: false,
  attributes: {
    status: enumeration(CONVERSATION_STATUSES, { required: true, default: 'unassigned' }),
    // Admin users and playbooks are not content of the content API (F1): the assignee reaches
    // integrations only as the actions' `{ id, name }`.
    assignee: hiddenFromContentApi(foreignKey('admin::user')),
    visitor: foreignKey(uid('visitor'), { inversedBy: 'conversations' }),
    playbook: hiddenFromContentApi(linkTo(uid('playbook'))),
    assignedAt: { type: 'datetime' },
    // Issue 16: when the chat was first taken; assignedAt moves with every reassignment, analytics
    // measure the visitor's wait to the first one.
    firstAssignedAt: { type: 'datetime', private: true },
    closedAt: { type: 'datetime' },
    // B9: stored deadline, swept by the server; `missedAt` marks a chat nobody took in time.
    waitDeadlineAt: { type: 'datetime' },
    missedAt: { type: 'datetime' },
    lastActivityAt: { type: 'datetime' },
    lastMessageSeq: { type: 'integer', required: true, default: 0, min: 0 },
    // The inbox list shows the last message without reading the messages table.
    lastMessagePreview: { type: 'string', maxLength: 200 },
    // E3: read receipts, stored as "read up to seq".
    visitorReadSeq: { type: 'integer', default: 0, min: 0 },
    agentReadSeq: { type: 'integer', default: 0, min: 0 },
    messages: hasMany(uid('message'), 'conversation'),
    // C1: side panel.
    dealValue: { type: 'decimal', min: 0 },
    dealCurrency: { type: 'string', maxLength: 3 },
    expectedCloseDate: { type: 'date' },
    personName: { type: 'string', maxLength: 200 },
    personEmail: { type: 'email', maxLength: 254 },
    personPhone: { type: 'string', maxLength: 32 },
    organizationName: { type: 'string', maxLength: 200 },
    organizationAddress: { type: 'text', maxLength: 1000 },
    notes: { type: 'text', maxLength: 10000 },
    person: foreignKey(uid('person')),
    organization: foreignKey(uid('organization')),
    // Satisfaction rating (CSAT), asked of the visitor once the chat is closed; analytics read it.
    rating: { type: 'integer', min: 1, max: 5 },
    ratingComment: { type: 'text', maxLength: 1000 },
    ratedAt: { type: 'datetime' },
    // The visitor closed the rating question without answering: it is not asked again (issue 16).
    ratingDismissedAt: { type: 'datetime' },
    // F5, G9: when the personal content was erased (the row stays for analytics); retention skips it.
    erasedAt: { type: 'datetime' },
  },
  indexes: [
    // Folder lists (B3, B5, B8) are keyset-paged by last activity within a status.
    { name: 'live_chat_conversations_folder_idx', columns: ['status', 'last_activity_at', 'id'] },
    { name: 'live_chat_conversations_assignee_idx', columns: ['assignee_id', 'status', 'last_activity_at'] },
    { name: 'live_chat_conversations_visitor_idx', columns: ['visitor_id', 'status'] },
    // G2: a person's earlier conversations in the side panel.
    { name: 'live_chat_conversations_person_idx', columns: ['person_id'] },
    // B9: the sweeper looks for unassigned chats whose deadline passed.
    { name: 'live_chat_conversations_deadline_idx', columns: ['status', 'wait_deadline_at'] },
    // Issue 16: analytics read the chats started in a range of days.
    { name: 'live_chat_conversations_created_idx', columns: ['created_at'] },
    // …and an agent without "see all" reads only their own (B6).
    { name: 'live_chat_conversations_assignee_created_idx', columns: ['assignee_id', 'created_at'] },
    // G9: the retention sweep looks for closed chats not yet erased, oldest first.
    { name: 'live_chat_conversations_retention_idx', columns: ['status', 'erased_at', 'closed_at'] },
  ],
});
