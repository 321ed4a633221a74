import { adminAction } from '../../../shared/constants';
import { requireAdmin, requireAnyPermission, requirePermission } from './policies';

/** G3: agents read canned replies (the composer and the settings page); managers read them too. */
const mayRead = requireAnyPermission(adminAction('useInbox'), adminAction('manageCannedReplies'));
/** Only super admins and roles with "Manage canned replies" change them. */
const mayWrite = requirePermission(adminAction('manageCannedReplies'));
/** The composer's list belongs to a conversation: the inbox's permission and B6 apply. */
const inbox = requirePermission(adminAction('useInbox'));

/** [method, path, handler of admin-canned-replies, who may call it]. */
const routes = [
  ['GET', '/canned-replies', 'find', mayRead],
  ['POST', '/canned-replies', 'create', mayWrite],
  ['GET', '/canned-replies/:documentId', 'findOne', mayRead],
  ['PUT', '/canned-replies/:documentId', 'update', mayWrite],
  ['DELETE', '/canned-replies/:documentId', 'delete', mayWrite],
  ['GET', '/conversations/:documentId/canned-replies', 'forConversation', inbox],
] as const;

/** The canned replies' admin API (G3), under /live-chat. */
export const cannedReplyAdminRoutes = routes.map(([method, path, handler, policy]) => ({
  method,
  path,
  handler: `admin-canned-replies.${handler}`,
  config: { policies: [requireAdmin, policy] },
}));
