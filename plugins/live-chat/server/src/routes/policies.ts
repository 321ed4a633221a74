/** Route policies of the admin API: a signed-in admin, holding every named action. */
export const requireAdmin = 'admin::isAuthenticatedAdmin';
export const requirePermission = (...actions: string[]) => ({ name: 'admin::hasPermissions', config: { actions } });
/** Passes when the admin holds ANY of the actions (the plugin's `has-any-permission` policy). */
export const requireAnyPermission = (...actions: string[]) => ({ name: 'plugin::live-chat.has-any-permission', config: { actions } });
