/**
 * A2, B6: the Content Manager's answers on the plugin's types where Strapi 5.54's own are wrong.
 * A policy the plugin adds to the Content Manager's routes it concerns; it runs after Strapi's own.
 */
import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PLUGIN_ID } from '../../shared/constants';
import { PLUGIN_ONLY_TYPES, attributesOf } from './plugin-only';

const READ = 'plugin::content-manager.explorer.read';
const PLUGIN_PREFIX = `plugin::${PLUGIN_ID}.`;

/** What the guard checks on a Content Manager route (its policy config). */
type Check = 'readable-field' | 'readable-source' | 'draft-and-publish';

interface GuardContext {
  params: { model?: string; targetField?: string; sourceId?: string };
  state: { userAbility?: { can: (action: string, subject: unknown, field?: string) => boolean } };
}

/**
 * Each check answers an upstream defect, for the plugin's types (and relations to them) only:
 * - `readable-field`: the relation pickers (`/relations/:model/…/:targetField`) answer a field the
 *   admin may not read with a 500 (the controller destructures what `ctx.forbidden()` returns), so
 *   a lead's conversation, or any relation of a plugin-only type, came back as a 500, not a 403;
 * - `readable-source`: clone and auto-clone check "create" but never "read" on the record they
 *   copy, so an Author could copy, and so read, anyone's lead;
 * - `draft-and-publish`: publish, unpublish and discard fail with a 500 on a type without
 *   draft & publish (every CRM type); they answer 400.
 */
export async function guardContentManager(policyContext: GuardContext, config: { check?: Check }, { strapi }: { strapi: Core.Strapi }) {
  const { model = '', targetField = '', sourceId } = policyContext.params;
  const ability = policyContext.state.userAbility;
  const target = attributesOf(strapi, model)[targetField]?.target ?? '';
  if (!model.startsWith(PLUGIN_PREFIX) && !PLUGIN_ONLY_TYPES.has(target)) return true;
  switch (config.check) {
    case 'readable-field':
      return ability?.can(READ, model, targetField) === true;
    case 'readable-source': {
      if (!ability) return false;
      const source = await strapi.db.query(model as UID.Schema).findOne({ where: { documentId: sourceId }, populate: { createdBy: { select: ['id'] } } });
      // An unknown record is the Content Manager's to answer (404).
      if (!source) return true;
      return strapi.plugin('content-manager').service('permission-checker').create({ userAbility: ability, model }).can.read(source) === true;
    }
    case 'draft-and-publish':
      if (strapi.getModel(model as UID.Schema)?.options?.draftAndPublish !== true) {
        throw new errors.ValidationError(`${model} has no draft & publish: there is nothing to publish, unpublish or discard`);
      }
      return true;
    default:
      return false;
  }
}

export const CONTENT_MANAGER_GUARD = `plugin::${PLUGIN_ID}.content-manager-guard`;

/** Which check each Content Manager route gets, by its path. */
const checkOf = (path: string): Check | null =>
  path.startsWith('/relations/')
    ? 'readable-field'
    : /\/(auto-)?clone\/:sourceId$/.test(path)
      ? 'readable-source'
      : /\/actions\/(publish|unpublish|discard|bulkPublish|bulkUnpublish)$/.test(path)
        ? 'draft-and-publish'
        : null;

/** Adds the guard to the Content Manager's routes it concerns, before Strapi mounts them. */
export function guardContentManagerRoutes(strapi: Core.Strapi) {
  const router = (strapi.plugin('content-manager').routes as Record<string, unknown>).admin as {
    routes: Array<{ path: string; config?: { policies?: unknown[] } }>;
  };
  for (const route of router.routes) {
    const check = checkOf(route.path);
    if (check) route.config = { ...route.config, policies: [...(route.config?.policies ?? []), { name: CONTENT_MANAGER_GUARD, config: { check } }] };
  }
}
