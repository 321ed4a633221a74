import { factories, type Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../../../shared/constants';
import { CONVERSATION_ACTIONS, CONVERSATION_ACTION_NAMES } from '../../../shared/contracts/content-api';
import { CONTENT_API_TYPE_NAMES, CONTENT_API_TYPES, contentApiUid } from '../content-api';

/** F4: NUL characters are refused before Strapi's own controllers see the request. */
const REJECT_NUL = 'plugin::live-chat.reject-nul';
/** F4: bodies and query strings the core controllers cannot run are a 400 (content-api-input/). */
const STRICT_INPUT = 'plugin::live-chat.strict-input';
/** F1: `populate[rel]=*` handed to Strapi in the form its core routes accept (see the middleware). */
const POPULATE_WILDCARDS = 'plugin::live-chat.populate-wildcards';

/** What every route of the list is to its readers (Strapi types core routes only this far). */
export interface RouteDefinition {
  method: string;
  path: string;
}

/** F1: the inbox actions for integrations acting as a named agent (shared/contracts/content-api). */
const actionRoutes = (): Core.Route[] =>
  CONVERSATION_ACTION_NAMES.map((action) => ({
    method: 'POST',
    path: CONVERSATION_ACTIONS[action].path,
    handler: `conversation-actions.${action}`,
    config: { policies: [] },
    info: { pluginName: PLUGIN_ID, type: 'content-api' },
  }));

/** F5: a person's data export and erasure for integrations (controllers/personal-data-api.ts). */
const personalDataRoutes = (): Core.Route[] =>
  (
    [
      ['GET', '/personal-data/:kind/:documentId/export', 'export'],
      ['POST', '/personal-data/:kind/:documentId/erase', 'erase'],
    ] as const
  ).map(([method, path, action]) => ({
    method,
    path,
    handler: `personal-data-api.${action}`,
    config: { policies: [], middlewares: [REJECT_NUL] },
    info: { pluginName: PLUGIN_ID, type: 'content-api' },
  }));

/**
 * Every content-API route of the plugin in one router: Strapi's core routes of each exposed type
 * (only the actions CONTENT_API_TYPES grants) and the conversation actions. The core routes are built
 * on first read, when Strapi registers routes and its content types exist.
 */
export function contentApiRouter() {
  let routes: RouteDefinition[] | undefined;
  return {
    type: 'content-api' as const,
    get routes(): RouteDefinition[] {
      routes ??= [
        ...CONTENT_API_TYPE_NAMES.flatMap((name) => {
          const actions = CONTENT_API_TYPES[name];
          const router = factories.createCoreRouter(contentApiUid(name), {
            type: 'content-api',
            only: [...actions],
            config: Object.fromEntries(
              actions.map((action) => [
                action,
                {
                  middlewares: [REJECT_NUL, { name: STRICT_INPUT, config: { uid: contentApiUid(name), action } }, POPULATE_WILDCARDS],
                },
              ]),
            ),
          });
          return typeof router.routes === 'function' ? router.routes() : router.routes;
        }),
        ...actionRoutes(),
        ...personalDataRoutes(),
      ];
      return routes;
    },
  };
}
