import { factories } from '@strapi/strapi';
import adminRoutes from './admin';
import { CONTENT_API_TYPE_NAMES, CONTENT_API_TYPES, contentApiUid } from '../content-api';

const contentApiRouters = Object.fromEntries(
  CONTENT_API_TYPE_NAMES.map((name) => [
    `content-api-${name}`,
    factories.createCoreRouter(contentApiUid(name), {
      type: 'content-api',
      only: [...CONTENT_API_TYPES[name]],
    }),
  ]),
);

/** Admin routes live under /live-chat/…, content-API routes under /api/live-chat/…. */
export default {
  admin: adminRoutes,
  ...contentApiRouters,
};
