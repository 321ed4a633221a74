import { defineContentType, enumeration, foreignKey } from './define';

/**
 * D3: which notification kinds are on. One row with scope "company" (no agent) and at most one row
 * per agent with scope "agent"; an agent is notified of a kind only if both allow it.
 */
export default defineContentType({
  singularName: 'notification-setting',
  pluralName: 'notification-settings',
  displayName: 'Notification settings',
  visibleInContentManager: false,
  attributes: {
    // "company" or "agent:<id>": one unique key, because SQL treats two NULL agents as different.
    owner: { type: 'string', required: true, maxLength: 32 },
    scope: enumeration(['company', 'agent'], { required: true }),
    agent: foreignKey('admin::user'),
    conversationUnassigned: { type: 'boolean', default: true, required: true },
    conversationAssignedToMe: { type: 'boolean', default: true, required: true },
    messageInMyConversation: { type: 'boolean', default: true, required: true },
    sound: { type: 'boolean', default: false },
  },
  indexes: [{ name: 'live_chat_notification_settings_owner_uq', columns: ['owner'], type: 'unique' }],
});
