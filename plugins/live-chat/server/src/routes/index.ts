import adminRoutes from './admin';
import { contentApiRouter } from './content-api';

/**
 * Admin routes live under /live-chat/…, content-API routes under /api/live-chat/…. The keys are
 * Strapi's own (`admin`, `content-api`): the documentation plugin, Strapi's route types and tools that
 * list a plugin's API read `routes['content-api']`.
 */
export default {
  admin: adminRoutes,
  'content-api': contentApiRouter(),
};
