import { ChartPie, Message } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { PLUGIN_ID, adminAction } from '../../shared/constants';
import { prefixTranslations } from './translations/prefix';

/** Who sees the Live Chat menu entry: agents (inbox) and playbook managers. */
const menuPermissions = [
  { action: adminAction('useInbox'), subject: null },
  { action: adminAction('managePlaybooks'), subject: null },
];

export default {
  register(app: StrapiApp) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: Message,
      intlLabel: { id: `${PLUGIN_ID}.plugin.name`, defaultMessage: 'Live Chat' },
      Component: () => import('./pages/App'),
      permissions: menuPermissions,
    });
    // Issue 16: the Analytics page has its own menu entry, shown to whoever holds "View analytics".
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}-analytics`,
      icon: ChartPie,
      intlLabel: { id: `${PLUGIN_ID}.analytics.title`, defaultMessage: 'Analytics' },
      Component: () => import('./pages/AnalyticsPage'),
      permissions: [{ action: adminAction('viewAnalytics'), subject: null }],
    });
    // D3: Settings > Live Chat > Notifications, like "Company settings > Notifications" (agents see their own part).
    app.addSettingsLink(
      { id: PLUGIN_ID, intlLabel: { id: `${PLUGIN_ID}.notifications.settings.section`, defaultMessage: 'Live Chat' } },
      {
        id: 'notifications',
        to: `${PLUGIN_ID}/notifications`,
        intlLabel: { id: `${PLUGIN_ID}.notifications.settings.title`, defaultMessage: 'Notifications' },
        Component: () => import('./pages/NotificationSettingsPage'),
        permissions: [
          { action: adminAction('useInbox'), subject: null },
          { action: adminAction('manageNotificationSettings'), subject: null },
        ],
      },
    );
    // G3: Settings > Live Chat > Canned replies, managed with "Manage canned replies"; agents may look.
    app.addSettingsLink(PLUGIN_ID, {
      id: 'canned-replies',
      to: `${PLUGIN_ID}/canned-replies`,
      intlLabel: { id: `${PLUGIN_ID}.canned.settings.title`, defaultMessage: 'Canned replies' },
      Component: () => import('./pages/CannedRepliesSettingsPage'),
      permissions: [
        { action: adminAction('useInbox'), subject: null },
        { action: adminAction('manageCannedReplies'), subject: null },
      ],
    });
    // G7: Settings > Live Chat > Auto-assignment: agents' capacities, with "Manage auto-assignment".
    app.addSettingsLink(PLUGIN_ID, {
      id: 'assignment',
      to: `${PLUGIN_ID}/assignment`,
      intlLabel: { id: `${PLUGIN_ID}.assignment.settings.title`, defaultMessage: 'Auto-assignment' },
      Component: () => import('./assignment/AssignmentSettingsPage'),
      permissions: [{ action: adminAction('manageAssignment'), subject: null }],
    });
    // G8: Settings > Live Chat > Email, with the notification settings permission.
    app.addSettingsLink(PLUGIN_ID, {
      id: 'email',
      to: `${PLUGIN_ID}/email`,
      intlLabel: { id: `${PLUGIN_ID}.email.title`, defaultMessage: 'Email' },
      Component: () => import('./pages/EmailSettingsPage'),
      permissions: [{ action: adminAction('manageNotificationSettings'), subject: null }],
    });
    // Issue 16 (G6): Settings > Live Chat > Satisfaction rating (the CSAT switch); agents may look.
    app.addSettingsLink(PLUGIN_ID, {
      id: 'satisfaction-rating',
      to: `${PLUGIN_ID}/satisfaction-rating`,
      intlLabel: { id: `${PLUGIN_ID}.csat.settings.title`, defaultMessage: 'Satisfaction rating' },
      Component: () => import('./pages/CsatSettingsPage'),
      permissions: [
        { action: adminAction('useInbox'), subject: null },
        { action: adminAction('manageNotificationSettings'), subject: null },
      ],
    });
    // G9: Settings > Live Chat > Data retention, with "Export and erase personal data".
    app.addSettingsLink(PLUGIN_ID, {
      id: 'data-retention',
      to: `${PLUGIN_ID}/data-retention`,
      intlLabel: { id: `${PLUGIN_ID}.retention.title`, defaultMessage: 'Data retention' },
      Component: () => import('./pages/DataRetentionSettingsPage'),
      permissions: [{ action: adminAction('managePersonalData'), subject: null }],
    });
    app.registerPlugin({ id: PLUGIN_ID, name: 'Live Chat' });
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        const parts = await Promise.all([
          import(`./translations/${locale}.json`).catch(() => ({ default: {} })),
          import(`./translations/inbox/${locale}.json`).catch(() => ({ default: {} })),
          import(`./translations/notifications/${locale}.json`).catch(() => ({ default: {} })),
          import(`./translations/canned/${locale}.json`).catch(() => ({ default: {} })),
          import(`./translations/assignment/${locale}.json`).catch(() => ({ default: {} })),
          import(`./translations/email/${locale}.json`).catch(() => ({ default: {} })),
          import(`./translations/analytics/${locale}.json`).catch(() => ({ default: {} })),
          import(`./translations/personal-data/${locale}.json`).catch(() => ({ default: {} })),
        ]);
        // One file per area (playbooks, inbox, notifications, canned replies, assignment, email, analytics) so each screen's strings stay together.
        const data = Object.assign({}, ...parts.map((part: { default: Record<string, string> }) => part.default));
        return { data: prefixTranslations(data), locale };
      }),
    );
  },
};
