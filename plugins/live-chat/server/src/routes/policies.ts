/** Route policies of the admin API: a signed-in admin, holding every named action. */
export const requireAdmin = 'admin::isAuthenticatedAdmin';
export const requirePermission = (...actions: string[]) => ({ name: 'admin::hasPermissions', config: { actions } });
