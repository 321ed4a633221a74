import { ADMIN_ACTIONS, PLUGIN_ID } from '../../shared/constants';

/** The admin RBAC actions of the plugin, as they appear in Settings > Roles > Plugins. */
export const adminActions = [
  { uid: ADMIN_ACTIONS.useInbox, displayName: 'Use the inbox', subCategory: 'Inbox' },
  { uid: ADMIN_ACTIONS.seeAllConversations, displayName: 'See all conversations', subCategory: 'Inbox' },
  { uid: ADMIN_ACTIONS.managePlaybooks, displayName: 'Manage playbooks', subCategory: 'Playbooks' },
  {
    uid: ADMIN_ACTIONS.manageNotificationSettings,
    displayName: 'Manage notification settings',
    subCategory: 'Settings',
  },
  // G3: canned replies are managed in Settings > Live Chat; agents read them with "Use the inbox".
  { uid: ADMIN_ACTIONS.manageCannedReplies, displayName: 'Manage canned replies', subCategory: 'Settings' },
  // G7: agents' capacities for auto-assignment (Settings > Live Chat > Auto-assignment).
  { uid: ADMIN_ACTIONS.manageAssignment, displayName: 'Manage auto-assignment', subCategory: 'Settings' },
  // Issue 16: the Analytics page and its API; without "See all conversations" only one's own figures (B6).
  { uid: ADMIN_ACTIONS.viewAnalytics, displayName: 'View analytics', subCategory: 'Analytics' },
  // F5, G9: GDPR export and erasure, the erasure log and the retention setting.
  { uid: ADMIN_ACTIONS.managePersonalData, displayName: 'Export and erase personal data', subCategory: 'Personal data' },
].map((action) => ({ ...action, section: 'plugins' as const, pluginName: PLUGIN_ID }));
