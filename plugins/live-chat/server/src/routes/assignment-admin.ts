import { adminAction } from '../../../shared/constants';
import { requireAdmin, requirePermission } from './policies';

/** G7: only super admins and roles with "Manage auto-assignment" read or change agents' capacities. */
const mayManage = requirePermission(adminAction('manageAssignment'));

/** [method, path, handler of admin-assignment]. */
const routes = [
  ['GET', '/settings/assignment', 'find'],
  ['PUT', '/settings/assignment/agents/:agentId', 'setCapacity'],
] as const;

/** The auto-assignment settings' admin API (G7), under /live-chat. */
export const assignmentAdminRoutes = routes.map(([method, path, handler]) => ({
  method,
  path,
  handler: `admin-assignment.${handler}`,
  config: { policies: [requireAdmin, mayManage] },
}));
