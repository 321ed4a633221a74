import { adminAction } from '../../../shared/constants';

const requireAdmin = 'admin::isAuthenticatedAdmin';
const requirePermission = (...actions: string[]) => ({ name: 'admin::hasPermissions', config: { actions } });

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
    {
      method: 'GET',
      path: '/playbooks',
      handler: 'admin-playbook.find',
      config: { policies: [requireAdmin, requirePermission(adminAction('managePlaybooks'))] },
    },
  ],
};
