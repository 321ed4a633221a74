import { adminAction } from '../../../shared/constants';
import { requireAdmin, requirePermission } from './policies';

/** Issue 16: the analytics report and its CSV export, with "View analytics" (B6 applies inside). */
export const analyticsAdminRoutes = [
  ['GET', '/analytics', 'report'],
  ['GET', '/analytics/export', 'exportCsv'],
].map(([method, path, handler]) => ({
  method,
  path,
  handler: `admin-analytics.${handler}`,
  config: { policies: [requireAdmin, requirePermission(adminAction('viewAnalytics'))] },
}));
