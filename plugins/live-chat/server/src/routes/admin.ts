import { widgetRoutes } from './widget';
import { playbookAdminRoutes } from './playbook-admin';
import { cannedReplyAdminRoutes } from './canned-reply-admin';
import { assignmentAdminRoutes } from './assignment-admin';
import { analyticsAdminRoutes } from './analytics-admin';
import { adminAction } from '../../../shared/constants';
import { requireAdmin, requireAnyPermission, requirePermission } from './policies';


/** The inbox (B1–B9, C1–C2): [method, path, handler of admin-conversations]; all need "use the inbox". */
const inboxRoutes = [
  ['GET', '/conversations', 'list'],
  ['GET', '/conversations/:documentId', 'findOne'],
  ['GET', '/conversations/:documentId/messages', 'timeline'],
  ['POST', '/conversations/:documentId/messages', 'sendMessage'],
  ['POST', '/conversations/:documentId/assign', 'assignToMe'],
  ['POST', '/conversations/:documentId/reassign', 'reassign'],
  ['POST', '/conversations/:documentId/close', 'close'],
  ['PUT', '/conversations/:documentId/side-panel', 'updateSidePanel'],
  ['POST', '/conversations/:documentId/leads', 'createLead'],
  ['POST', '/conversations/:documentId/deals', 'createDeal'],
  ['GET', '/conversations/:documentId/crm-records', 'crmRecords'],
  ['GET', '/conversations/:documentId/context', 'context'],
  ['GET', '/agents', 'agents'],
  ['GET', '/availability', 'getAvailability'],
  ['PUT', '/availability', 'setAvailability'],
] as const;

/**
 * F5, G9: export and erasure of one person's data, the erasure log and retention; all need "Export
 * and erase personal data" (B6 is checked by the service: without "See all conversations" only a
 * person whose every chat the admin may see).
 */
const personalDataRoutes = [
  ['GET', '/personal-data/erasures', 'erasures'],
  ['GET', '/personal-data/:kind/:documentId', 'describe'],
  ['GET', '/personal-data/:kind/:documentId/export', 'export'],
  ['POST', '/personal-data/:kind/:documentId/erase', 'erase'],
  ['GET', '/settings/retention', 'getRetention'],
  ['PUT', '/settings/retention', 'setRetention'],
  ['GET', '/settings/retention/preview', 'previewRetention'],
] as const;

/**
 * D3: notification settings: the company's (read by agents and by whoever may change them, changed
 * with the settings permission) and each agent's own. An admin passes with ANY of the listed actions.
 */
const settingsRoutes = [
  ['GET', '/settings/notifications', 'getCompany', ['useInbox', 'manageNotificationSettings']],
  ['PUT', '/settings/notifications', 'setCompany', ['manageNotificationSettings']],
  // Issue 16 (G6): the CSAT switch is a company setting of the same kind: read by agents, changed by
  // whoever may change the company's notification settings (README, "Permissions").
  ['GET', '/settings/csat', 'getCsat', ['useInbox', 'manageNotificationSettings']],
  ['PUT', '/settings/csat', 'setCsat', ['manageNotificationSettings']],
  ['GET', '/me/notifications', 'getMine', ['useInbox']],
  ['PUT', '/me/notifications', 'setMine', ['useInbox']],
  // G8: email settings are a kind of notification settings: the same permission reads and changes them.
  ['GET', '/settings/email', 'getEmail', ['manageNotificationSettings']],
  ['PUT', '/settings/email', 'setEmail', ['manageNotificationSettings']],
] as const;

/** Routes of the admin panel's plugin pages; each names the RBAC action it needs. */
export default {
  type: 'admin' as const,
  routes: [
    {
      method: 'GET',
      path: '/me',
      handler: 'admin-agent.me',
      config: { policies: [requireAdmin] },
    },
    ...inboxRoutes.map(([method, path, handler]) => ({
      method,
      path,
      handler: `admin-conversations.${handler}`,
      config: { policies: [requireAdmin, requirePermission(adminAction('useInbox'))] },
    })),
    ...settingsRoutes.map(([method, path, handler, actions]) => ({
      method,
      path,
      handler: `admin-settings.${handler}`,
      config: { policies: [requireAdmin, requireAnyPermission(...actions.map((key) => adminAction(key)))] },
    })),
    // G4: files in the chat. Uploads follow the rule of a reply; erasing a chat's files (GDPR) needs
    // "see all conversations" too; the files themselves are served to whoever holds their URL.
    {
      method: 'POST',
      path: '/conversations/:documentId/attachments',
      handler: 'attachments.upload',
      config: { policies: [requireAdmin, requirePermission(adminAction('useInbox'))] },
    },
    {
      method: 'DELETE',
      path: '/conversations/:documentId/attachments',
      handler: 'attachments.erase',
      config: { policies: [requireAdmin, requirePermission(adminAction('useInbox'), adminAction('seeAllConversations'))] },
    },
    { method: 'GET', path: '/attachments/:fileKey', handler: 'attachments.serve', config: { auth: false, policies: [] } },
    { method: 'GET', path: '/attachments/:fileKey/thumbnail', handler: 'attachments.serveThumbnail', config: { auth: false, policies: [] } },
    ...personalDataRoutes.map(([method, path, handler]) => ({
      method,
      path,
      handler: `personal-data.${handler}`,
      config: { policies: [requireAdmin, requirePermission(adminAction('managePersonalData'))] },
    })),
    ...playbookAdminRoutes,
    ...cannedReplyAdminRoutes,
    ...assignmentAdminRoutes,
    ...analyticsAdminRoutes,
    ...widgetRoutes,
    // E1: the visitor widget's script, its lazily loaded chunk, and the host page's identify() call.
    { method: 'GET', path: '/widget.js', handler: 'widget-assets.loader', config: { auth: false, policies: [] } },
    { method: 'GET', path: '/widget/assets/:file', handler: 'widget-assets.chunk', config: { auth: false, policies: [] } },
    { method: 'POST', path: '/widget/identify', handler: 'widget.identify', config: { auth: false, policies: [] } },
    { method: 'POST', path: '/widget/installations', handler: 'widget.installation', config: { auth: false, policies: [] } },
    // G2: the page the visitor is on, reported by the loader as they navigate.
    { method: 'POST', path: '/widget/page', handler: 'widget.pageView', config: { auth: false, policies: [] } },
  ],
};
