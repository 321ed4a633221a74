import { factories } from '@strapi/strapi';
import adminRoutes from './admin';
import { CONTENT_API_TYPE_NAMES, CONTENT_API_TYPES, contentApiUid } from '../content-api';

const REJECT_NUL = 'plugin::live-chat.reject-nul';

const contentApiRouters = Object.fromEntries(
  CONTENT_API_TYPE_NAMES.map((name) => [
    `content-api-${name}`,
    factories.createCoreRouter(contentApiUid(name), {
      type: 'content-api',
      only: [...CONTENT_API_TYPES[name]],
      config: Object.fromEntries(CONTENT_API_TYPES[name].map((action) => [action, { middlewares: [REJECT_NUL] }])),
    }),
  ]),
);

/** F1: the inbox actions for integrations acting as a named agent. */
const conversationActions = {
  type: 'content-api' as const,
  routes: [
    ['POST', '/conversations/:documentId/assign', 'assign'],
    ['POST', '/conversations/:documentId/reassign', 'reassign'],
    ['POST', '/conversations/:documentId/close', 'close'],
    ['POST', '/conversations/:documentId/messages', 'sendMessage'],
    ['POST', '/conversations/:documentId/leads', 'createLead'],
    ['POST', '/conversations/:documentId/deals', 'createDeal'],
  ].map(([method, path, action]) => ({ method, path, handler: `conversation-actions.${action}`, config: { policies: [] } })),
};

/** Admin routes live under /live-chat/…, content-API routes under /api/live-chat/…. */
export default {
  admin: adminRoutes,
  'content-api-conversation-actions': conversationActions,
  ...contentApiRouters,
};
