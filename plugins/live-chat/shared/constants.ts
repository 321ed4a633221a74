/**
 * Names that server, admin and widget must agree on. Everything here is a constant so a typo is a
 * type error, never a silently different string.
 */
export const PLUGIN_ID = 'live-chat' as const;

/** Content-type UIDs of the plugin, by singular name. */
export const CONTENT_TYPE_NAMES = [
  'playbook',
  'card',
  'conversation',
  'message',
  'visitor',
  'person',
  'organization',
  'lead',
  'deal',
  'activity',
  'installation',
  'notification-setting',
  'agent-status',
  'canned-reply',
  'erasure',
] as const;
export type ContentTypeName = (typeof CONTENT_TYPE_NAMES)[number];
export type ContentTypeUid = `plugin::live-chat.${ContentTypeName}`;
export const uid = <N extends ContentTypeName>(name: N): `plugin::live-chat.${N}` =>
  `plugin::${PLUGIN_ID}.${name}`;

/** Admin RBAC actions (Settings > Roles > Plugins > Live Chat). */
export const ADMIN_ACTIONS = {
  useInbox: 'inbox.use',
  managePlaybooks: 'playbooks.manage',
  seeAllConversations: 'conversations.see-all',
  manageNotificationSettings: 'settings.notifications',
  manageCannedReplies: 'canned-replies.manage',
  manageAssignment: 'settings.assignment',
  viewAnalytics: 'analytics.view',
  /** F5, G9: export and erase a person's data, read the erasure log, set retention. */
  managePersonalData: 'personal-data.manage',
} as const;
export type AdminActionKey = keyof typeof ADMIN_ACTIONS;
/** The full action id as Strapi's admin permission engine knows it. */
export const adminAction = (key: AdminActionKey): string => `plugin::${PLUGIN_ID}.${ADMIN_ACTIONS[key]}`;

export const CONVERSATION_STATUSES = ['unassigned', 'assigned', 'closed'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

export const MESSAGE_AUTHOR_KINDS = ['visitor', 'agent', 'bot', 'system'] as const;
export type MessageAuthorKind = (typeof MESSAGE_AUTHOR_KINDS)[number];

/**
 * A timeline entry is a chat message, a file sent in the chat (G4), or an event the chat window
 * shows with its time (B7).
 */
export const MESSAGE_KINDS = ['text', 'file', 'event'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/**
 * G3: who a timeline entry is for. `agents` entries (internal notes, CRM and inbox bookkeeping
 * events) never reach the visitor; shared/domain/audience.ts is the one rule every channel asks.
 */
export const MESSAGE_AUDIENCES = ['everyone', 'agents'] as const;
export type MessageAudience = (typeof MESSAGE_AUDIENCES)[number];

/** G2: the kinds of line the bot part of a chat is recorded as (shared/domain/bot-transcript.ts). */
export const TRANSCRIPT_LINE_TYPES = ['bot_message', 'question', 'capture', 'button', 'capture_values'] as const;
export type TranscriptLineType = (typeof TRANSCRIPT_LINE_TYPES)[number];

export const CARD_KINDS = [
  'bot_message',
  'question',
  'capture',
  'qualify',
  'disqualify',
  'create_lead',
  'create_deal',
  'create_activity',
  'availability_branch',
  'live_chat',
] as const;
export type CardKind = (typeof CARD_KINDS)[number];

/** E2: the most timeline entries one `sync` answer reads; clients page on (shared/events.ts SyncPage). */
export const SYNC_PAGE_SIZE = 500;

/** A3: bounds of the Live Chat card's wait time, in seconds. */
export const WAIT_TIME_SECONDS = { min: 10, max: 3600, default: 120 } as const;

export const NOTIFICATION_KINDS = ['conversationUnassigned', 'conversationAssignedToMe', 'messageInMyConversation'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const AGENT_AVAILABILITIES = ['online', 'offline'] as const;
export type AgentAvailability = (typeof AGENT_AVAILABILITIES)[number];

/** Domain events the server publishes after a change is stored (DESIGN.md: `entity:verb`). */
export const DOMAIN_EVENTS = [
  'conversation:created',
  'conversation:assigned',
  'conversation:unassigned',
  'conversation:closed',
  'conversation:missed',
  /** Issue 14: what a list row shows changed (side panel name, the visitor's page); no state change. */
  'conversation:updated',
  /** Issue 16 (G6): the visitor rated the closed chat (CSAT). */
  'conversation:rated',
  'message:created',
  'lead:created',
  'deal:created',
  /** F5, G9: the conversation's personal content was erased; open clients drop what they show. */
  'conversation:erased',
] as const;
export type DomainEventName = (typeof DOMAIN_EVENTS)[number];

/** F2: the Strapi webhook event each domain event is delivered as (Settings > Webhooks). */
export const WEBHOOK_EVENTS: Partial<Record<DomainEventName, string>> = {
  'conversation:created': 'live-chat.conversation.created',
  'conversation:assigned': 'live-chat.conversation.assigned',
  'conversation:unassigned': 'live-chat.conversation.unassigned',
  'conversation:closed': 'live-chat.conversation.closed',
  'conversation:rated': 'live-chat.conversation.rated',
  'message:created': 'live-chat.message.created',
  'lead:created': 'live-chat.lead.created',
  'deal:created': 'live-chat.deal.created',
};

/** F5: announced once per erasure (one person or visitor, all their conversations), not per conversation. */
export const PERSON_ERASED_WEBHOOK = 'live-chat.person.erased';

/**
 * F4: the largest value an `integer` column holds on every supported database (PostgreSQL's int4;
 * SQLite would take more). Ids, seqs and positions from a client are bounded by it, so an overflow is
 * a 400 naming the field rather than a database error (500) on PostgreSQL.
 */
export const DB_INTEGER_MAX = 2_147_483_647;

/**
 * F4: the largest value a `decimal` column holds: Strapi 5 creates them as decimal(10, 2), so on
 * PostgreSQL eight digits before the point and two after (SQLite would store more).
 */
export const DB_DECIMAL_MAX = 99_999_999.99;
