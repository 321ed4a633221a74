import { adminAction } from '../../../shared/constants';
import { requireAdmin, requirePermission } from './policies';

/** A2: reading is for agents (they see which playbook a chat came from) and playbook managers. */
const mayRead = {
  name: 'plugin::live-chat.has-any-permission',
  config: { actions: [adminAction('useInbox'), adminAction('managePlaybooks')] },
};
/** A2: only super admins (who hold every action) and roles with "manage playbooks" may write. */
const mayWrite = requirePermission(adminAction('managePlaybooks'));

/**
 * [method, path, handler of admin-playbook, who may call it]. `cards/order` comes before
 * `cards/:cardDocumentId`: the router takes the first match, and "order" would pass as an id.
 */
const routes = [
  ['GET', '/playbooks', 'find', mayRead],
  ['POST', '/playbooks', 'create', mayWrite],
  ['GET', '/playbooks/:documentId', 'findOne', mayRead],
  ['PUT', '/playbooks/:documentId', 'update', mayWrite],
  ['DELETE', '/playbooks/:documentId', 'delete', mayWrite],
  ['POST', '/playbooks/:documentId/publish', 'publish', mayWrite],
  ['POST', '/playbooks/:documentId/unpublish', 'unpublish', mayWrite],
  ['POST', '/playbooks/:documentId/locales/:locale', 'createCopy', mayWrite],
  ['POST', '/playbooks/:documentId/cards', 'addCard', mayWrite],
  ['PUT', '/playbooks/:documentId/cards/order', 'reorderCards', mayWrite],
  ['PUT', '/playbooks/:documentId/cards/:cardDocumentId', 'updateCard', mayWrite],
  ['DELETE', '/playbooks/:documentId/cards/:cardDocumentId', 'deleteCard', mayWrite],
] as const;

/** The playbook screens' admin API (A1–A5, A8), under /live-chat. */
export const playbookAdminRoutes = routes.map(([method, path, handler, policy]) => ({
  method,
  path,
  handler: `admin-playbook.${handler}`,
  config: { policies: [requireAdmin, policy] },
}));
