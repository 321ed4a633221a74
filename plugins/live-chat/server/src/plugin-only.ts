/**
 * A2, B6, B8: playbooks, cards and the inbox's data (conversations, messages, visitors, …) are
 * reached only through the plugin's own routes, which apply the plugin's rules. They are hidden
 * from the Content Manager; this module keeps them out of every admin's permissions, which closes
 * the doors Strapi leaves open to hidden types (content-manager-guard.ts answers the rest).
 * The README's "Who may do what, through which door" gives the whole picture.
 */
import type { Core, UID } from '@strapi/strapi';
import { uid, type ContentTypeName } from '../../shared/constants';
import contentTypes from './content-types';

/** The plugin's content types the Content Manager does not show; the CRM types are its own. */
export const PLUGIN_ONLY_TYPES: ReadonlySet<string> = new Set(
  (Object.keys(contentTypes) as ContentTypeName[])
    .filter((name) => !contentTypes[name].schema.pluginOptions['content-manager'].visible)
    .map((name) => uid(name)),
);

interface Permission {
  action: string;
  subject?: string | null;
  properties?: { fields?: string[] | null } & Record<string, unknown>;
}
interface Hook<H> {
  register: (handler: H) => void;
}
interface PermissionService {
  engine: {
    hooks: {
      'format.permission': Hook<(permission: Permission) => Permission>;
      'after-format::validate.permission': Hook<(context: { permission: Permission }) => false | undefined>;
    };
  };
  actionProvider: { get: (action: string) => { options?: { applyToProperties?: string[] | null } } | undefined };
}
type Attributes = Record<string, { type?: string; target?: string }>;

export const attributesOf = (strapi: Core.Strapi, model: string): Attributes =>
  (strapi.getModel(model as UID.Schema)?.attributes ?? {}) as Attributes;

/** The attributes of a type that are relations to a plugin-only type (a lead's conversation). */
function relationsToPluginOnlyTypes(strapi: Core.Strapi, subject: string): string[] {
  const attributes = attributesOf(strapi, subject);
  return Object.keys(attributes).filter((name) => attributes[name].type === 'relation' && PLUGIN_ONLY_TYPES.has(attributes[name].target ?? ''));
}

/**
 * No admin permission may name a plugin-only type, neither as its subject nor through a field.
 * Strapi keeps the Content Manager's "read" on hidden types (super admins hold it, the roles API
 * grants it, an Editor role created before playbooks were hidden keeps it), and a CRM record's
 * relation to a conversation would let the Content Manager list, show and link conversations. Every
 * core door that deals in documents (the Content Manager's lists, entries and relation pickers,
 * i18n's locale helpers, the homepage widgets) asks the admin's ability, so trimming the
 * permissions as the ability is built closes them all at once, for sessions and admin tokens alike.
 */
export function keepPluginOnlyTypesOutOfAdminPermissions(strapi: Core.Strapi) {
  const service = strapi.service('admin::permission') as unknown as PermissionService;
  service.engine.hooks['format.permission'].register((permission) => {
    if (!permission.subject) return permission;
    const hidden = relationsToPluginOnlyTypes(strapi, permission.subject);
    const appliesToFields = service.actionProvider.get(permission.action)?.options?.applyToProperties?.includes('fields');
    if (hidden.length === 0 || !appliesToFields) return permission;
    // No `fields` means every field: list them, so the hidden relations can be left out.
    const fields = permission.properties?.fields ?? Object.keys(attributesOf(strapi, permission.subject));
    return { ...permission, properties: { ...permission.properties, fields: fields.filter((field) => !hidden.includes(field.split('.')[0])) } };
  });
  service.engine.hooks['after-format::validate.permission'].register(({ permission }) =>
    permission.subject && PLUGIN_ONLY_TYPES.has(permission.subject) ? false : undefined,
  );
}
