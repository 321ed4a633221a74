import { adminAction } from '../../../shared/constants';

const requireAdmin = 'admin::isAuthenticatedAdmin';
const requirePermission = (...actions: string[]) => ({ name: 'admin::hasPermissions', config: { actions } });

/** The playbook screens' admin API (A1, A2): reading needs the inbox or "manage playbooks", writing the latter. */
export const playbookAdminRoutes = [
  {
    method: 'GET',
    path: '/playbooks',
    handler: 'admin-playbook.find',
    config: { policies: [requireAdmin, requirePermission(adminAction('managePlaybooks'))] },
  },
];
