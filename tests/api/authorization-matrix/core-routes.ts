/**
 * Strapi's own admin doors to documents: the Content Manager, i18n's Content Manager helpers, the
 * Content-Type Builder and the data transfer. Every admin route under these prefixes has a row:
 * how it names a content type (then it is asked about every type of the plugin, as every principal,
 * over records of each owner), or that it is closed to every principal here (schema changes outside
 * `strapi develop`, the transfer runner), or why it reaches no document of the plugin.
 */
import contentTypes from '../../../plugins/live-chat/server/src/content-types';
import { PLUGIN_ONLY_TYPES } from '../../../plugins/live-chat/server/src/plugin-only';
import { CONTENT_TYPE_NAMES, uid, type ContentTypeName } from '../../../plugins/live-chat/shared/constants';
import { fillPath, outcomeOf, send, type Cell, type HttpCall, type Outcome } from './cells';
import { routeKeys, type MatrixContext, type RouteKey } from './plugin-routes';
import { PRINCIPALS, isAdmin, type PrincipalName } from './principals';
import { CM_GRANTS, type CmAction } from './rules';
import { CRM_OWNERS, CRM_SAMPLES, type Owner } from './world';

export const CORE_PREFIXES = ['/content-manager/', '/i18n/', '/content-type-builder/', '/admin/transfer/'];

interface Params {
  type: ContentTypeName;
  model: string;
  id: string;
  field: string;
}

interface TypeRow {
  /** The Content Manager permission it needs on a CRM type. */
  needs: CmAction;
  /**
   * It names one record (`:id`, `:sourceId`, or in the body). `checked`: the Author's `own` grant is
   * checked against it; `filtered`: the answer does not depend on whose it is (the Content Manager
   * filters it out, or refuses the request for another reason first, as a discard without draft &
   * publish).
   */
  record?: 'checked' | 'filtered';
  /** It acts on "the" record of a single type, a collection type's first: an `own` grant is not enough. */
  firstRecord?: boolean;
  /** It reads one relation field (`:targetField`): asked once per relation of the type. */
  field?: boolean;
  /** It changes or removes the record: a principal expected to succeed gets a fresh one. */
  writes?: boolean;
  query?: (params: Params) => Record<string, string>;
  body?: (params: Params) => unknown;
  /** The answer when the permission is held, if not `ok` (say why). */
  granted?: (type: ContentTypeName) => Outcome;
  /** The answer on a plugin-only type, if not `forbidden` (say why). */
  pluginOnly?: Outcome;
  /** It changes "the" record of a single type, i.e. the type's first record: runs after all others. */
  late?: boolean;
}
/** A route nobody gets through with these credentials: what admins hear, and why. */
interface ClosedRow {
  closedToAll: Outcome;
  why: string;
  /** It names a content type (path or body): asked about each type of the plugin. */
  perType?: boolean;
  body?: (params: Params) => unknown;
}
type CoreRow = TypeRow | ClosedRow | { reachesNoDocument: string } | { lists: Record<string, string> };

const sample = ({ type }: Params) => CRM_SAMPLES[type] ?? { name: 'x' };
const documentIds = ({ id }: Params) => ({ documentIds: [id] });
/** Publishing needs draft & publish, which no CRM type has: refused (400, the plugin's guard). */
const noDraftAndPublish = (): Outcome => 'refused';
/** Auto-clone refuses a record with to-many relations it cannot copy (a person's leads). */
const autoCloneable = (type: ContentTypeName): Outcome => (['person', 'organization'].includes(type) ? 'refused' : 'ok');

const schemaChange = ({ model }: Params) => ({ data: { contentTypes: [{ action: 'update', uid: model, attributes: [] }], components: [] } });
const developOnly = 'schema changes: refused outside `strapi develop`, to super admins too (403)';

export const CORE_ROUTES: Record<RouteKey, CoreRow> = {
  'GET /content-manager/init': { reachesNoDocument: 'the schemas and the admin’s own permissions' },
  'GET /content-manager/content-types': { reachesNoDocument: 'schemas only' },
  'GET /content-manager/content-types-settings': { reachesNoDocument: 'list-view settings only' },
  'GET /content-manager/content-types/:uid/configuration': { reachesNoDocument: 'the edit/list layout of a type, no record' },
  'PUT /content-manager/content-types/:uid/configuration': { reachesNoDocument: 'the edit/list layout of a type, no record' },
  'GET /content-manager/components': { reachesNoDocument: 'components; the plugin has none' },
  'GET /content-manager/components/:uid/configuration': { reachesNoDocument: 'components; the plugin has none' },
  'PUT /content-manager/components/:uid/configuration': { reachesNoDocument: 'components; the plugin has none' },
  'POST /content-manager/uid/generate': { reachesNoDocument: 'uid fields; the plugin’s types have none' },
  'POST /content-manager/uid/check-availability': { reachesNoDocument: 'uid fields; the plugin’s types have none' },
  'GET /content-manager/relations/:model/:targetField': { needs: 'read', field: true },
  'GET /content-manager/relations/:model/:id/:targetField': { needs: 'read', field: true, record: 'checked' },
  'GET /content-manager/single-types/:model': { needs: 'read', firstRecord: true },
  'PUT /content-manager/single-types/:model': { needs: 'update', firstRecord: true, late: true, body: sample },
  'DELETE /content-manager/single-types/:model': { needs: 'delete', firstRecord: true, late: true },
  'POST /content-manager/single-types/:model/actions/publish': { needs: 'publish', firstRecord: true, body: sample, granted: noDraftAndPublish },
  'POST /content-manager/single-types/:model/actions/unpublish': { needs: 'publish', firstRecord: true, granted: noDraftAndPublish },
  'POST /content-manager/single-types/:model/actions/discard': { needs: 'update', granted: noDraftAndPublish },
  'GET /content-manager/single-types/:model/actions/countDraftRelations': { needs: 'read', firstRecord: true },
  'GET /content-manager/collection-types/:model': { needs: 'read' },
  'POST /content-manager/collection-types/:model': { needs: 'create', body: sample },
  'POST /content-manager/collection-types/:model/clone/:sourceId': { needs: 'create', record: 'checked', body: sample },
  'POST /content-manager/collection-types/:model/auto-clone/:sourceId': { needs: 'create', record: 'checked', granted: autoCloneable },
  'GET /content-manager/collection-types/:model/:id': { needs: 'read', record: 'checked' },
  'PUT /content-manager/collection-types/:model/:id': { needs: 'update', record: 'checked', writes: true, body: sample },
  'DELETE /content-manager/collection-types/:model/:id': { needs: 'delete', record: 'checked', writes: true },
  'POST /content-manager/collection-types/:model/actions/publish': { needs: 'publish', body: sample, granted: noDraftAndPublish },
  'POST /content-manager/collection-types/:model/:id/actions/publish': { needs: 'publish', record: 'checked', body: sample, granted: noDraftAndPublish },
  'POST /content-manager/collection-types/:model/:id/actions/unpublish': { needs: 'publish', record: 'checked', granted: noDraftAndPublish },
  'POST /content-manager/collection-types/:model/:id/actions/discard': { needs: 'update', record: 'filtered', granted: noDraftAndPublish },
  'POST /content-manager/collection-types/:model/actions/bulkDelete': { needs: 'delete', record: 'checked', writes: true, body: documentIds },
  'POST /content-manager/collection-types/:model/actions/bulkFindForValidation': { needs: 'read', record: 'filtered', body: documentIds },
  'POST /content-manager/collection-types/:model/actions/bulkPublish': { needs: 'publish', record: 'filtered', body: documentIds, granted: noDraftAndPublish },
  'POST /content-manager/collection-types/:model/actions/bulkUnpublish': { needs: 'publish', record: 'filtered', body: documentIds, granted: noDraftAndPublish },
  'GET /content-manager/collection-types/:model/:id/actions/countDraftRelations': { needs: 'read', record: 'checked' },
  'GET /content-manager/collection-types/:model/actions/countManyEntriesDraftRelations': {
    needs: 'read',
    record: 'filtered',
    query: ({ id }) => ({ 'documentIds[0]': id }),
  },
  'GET /content-manager/preview/url/:contentType': { reachesNoDocument: 'the preview URL setting of a type' },
  'GET /content-manager/preview/script': { reachesNoDocument: 'a script, no data' },
  'GET /content-manager/homepage/recent-documents': { lists: { action: 'update' } },
  'GET /content-manager/homepage/count-documents': { lists: {} },
  'GET /i18n/iso-locales': { reachesNoDocument: 'the list of ISO locales' },
  'GET /i18n/locales': { reachesNoDocument: 'locale settings' },
  'POST /i18n/locales': { reachesNoDocument: 'locale settings (a new locale has no documents)' },
  'PUT /i18n/locales/:id': { reachesNoDocument: 'locale settings' },
  'DELETE /i18n/locales/:id': {
    reachesNoDocument: 'locale settings; deleting a locale deletes every document’s copy in it, playbooks’ too (README)',
  },
  'GET /i18n/settings': { reachesNoDocument: 'i18n settings' },
  'PUT /i18n/settings': { reachesNoDocument: 'i18n settings' },
  'POST /i18n/content-manager/actions/get-non-localized-fields': {
    needs: 'read',
    record: 'filtered',
    body: ({ model, id }) => ({ model, id, locale: 'en' }),
    // Only localized types have non-localized fields; no CRM type is localized.
    granted: () => 'refused',
  },
  'GET /i18n/content-manager/get-fill-from-locale/:model': {
    needs: 'read',
    record: 'filtered',
    query: ({ id }) => ({ documentId: id, sourceLocale: 'en', targetLocale: 'sv' }),
    granted: () => 'refused',
  },
  'GET /i18n/ai-localization-jobs/collection-types/:contentType/:documentId': { reachesNoDocument: 'the status of an AI translation job' },
  'GET /i18n/ai-localization-jobs/single-types/:contentType': { reachesNoDocument: 'the status of an AI translation job' },
  'GET /content-type-builder/reserved-names': { reachesNoDocument: 'reserved names' },
  'GET /content-type-builder/content-types': { reachesNoDocument: 'schemas; the plugin’s are hidden from the builder' },
  'GET /content-type-builder/content-types/:uid': { reachesNoDocument: 'one schema' },
  'POST /content-type-builder/content-types': { closedToAll: 'forbidden', why: developOnly },
  'PUT /content-type-builder/content-types/:uid': { closedToAll: 'forbidden', why: developOnly, perType: true, body: () => ({ contentType: {} }) },
  'DELETE /content-type-builder/content-types/:uid': { closedToAll: 'forbidden', why: developOnly, perType: true },
  'GET /content-type-builder/components': { reachesNoDocument: 'components' },
  'GET /content-type-builder/components/:uid': { reachesNoDocument: 'components' },
  'POST /content-type-builder/components': { reachesNoDocument: 'components' },
  'PUT /content-type-builder/components/:uid': { reachesNoDocument: 'components' },
  'DELETE /content-type-builder/components/:uid': { reachesNoDocument: 'components' },
  'PUT /content-type-builder/component-categories/:name': { reachesNoDocument: 'components' },
  'DELETE /content-type-builder/component-categories/:name': { reachesNoDocument: 'components' },
  'GET /content-type-builder/schema': { reachesNoDocument: 'schemas' },
  'POST /content-type-builder/update-schema': { closedToAll: 'forbidden', why: developOnly, perType: true, body: schemaChange },
  'GET /content-type-builder/update-schema-status': { reachesNoDocument: 'schema reload status' },
  'GET /admin/transfer/runner/push': { closedToAll: 'unauthenticated', why: 'transfer tokens only (full access to all data by design, README)' },
  'GET /admin/transfer/runner/pull': { closedToAll: 'unauthenticated', why: 'transfer tokens only (full access to all data by design, README)' },
  'POST /admin/transfer/tokens': { reachesNoDocument: 'transfer token settings' },
  'GET /admin/transfer/tokens': { reachesNoDocument: 'transfer token settings' },
  'DELETE /admin/transfer/tokens/:id': { reachesNoDocument: 'transfer token settings' },
  'GET /admin/transfer/tokens/:id': { reachesNoDocument: 'transfer token settings' },
  'PUT /admin/transfer/tokens/:id': { reachesNoDocument: 'transfer token settings' },
  'POST /admin/transfer/tokens/:id/regenerate': { reachesNoDocument: 'transfer token settings' },
};

/** The plugin's relations of a type, as its schema declares them. */
const relationsOf = (type: ContentTypeName) =>
  Object.entries(contentTypes[type].schema.attributes as Record<string, { type: string; target?: string }>)
    .filter(([, attribute]) => attribute.type === 'relation')
    .map(([name, attribute]) => ({ name, target: attribute.target ?? '' }));

/** What a row answers a principal about one record (or type) of the plugin. */
function expectation(row: TypeRow, principal: PrincipalName, type: ContentTypeName, owner: Owner, fieldTarget?: string): Outcome {
  if (!isAdmin(principal)) return 'unauthenticated';
  if (PLUGIN_ONLY_TYPES.has(uid(type))) return row.pluginOnly ?? 'forbidden';
  // A CRM record's relation to a plugin-only type (a lead's conversation) is no one's to read.
  if (fieldTarget && PLUGIN_ONLY_TYPES.has(fieldTarget)) return 'forbidden';
  const grant = CM_GRANTS[principal]?.[row.needs];
  if (!grant) return 'forbidden';
  if (grant === 'own' && ((row.record === 'checked' && owner !== principal) || row.firstRecord)) return 'forbidden';
  return row.granted?.(type) ?? 'ok';
}

/** The cells of the core doors; `missing` lists registry routes under CORE_PREFIXES without a row. */
export function coreCells(context: MatrixContext): { cells: Cell[]; missing: RouteKey[] } {
  const keys = CORE_PREFIXES.flatMap((prefix) => routeKeys(context.app, 'admin', prefix));
  const { world, who } = context;
  const cells: Cell[] = [];
  for (const route of keys) {
    const row = CORE_ROUTES[route];
    if (!row || 'reachesNoDocument' in row) continue;
    const [method, path] = route.split(' ');
    if ('closedToAll' in row) {
      for (const type of row.perType ? CONTENT_TYPE_NAMES : (['conversation'] as ContentTypeName[])) {
        for (const principal of PRINCIPALS) {
          cells.push({
            family: 'core doors',
            route,
            target: row.perType ? type : '-',
            principal,
            expected: isAdmin(principal) ? row.closedToAll : 'unauthenticated',
            run: async () => {
              const params: Params = { type, model: uid(type), id: world.anyRecord(type), field: '' };
              const call: HttpCall = { method, path: fillPath(path, { uid: uid(type) }), body: row.body?.(params) ?? (method === 'GET' ? undefined : {}) };
              return outcomeOf(await send(context.baseUrl, who[principal], call));
            },
          });
        }
      }
      continue;
    }
    if ('lists' in row) {
      for (const principal of PRINCIPALS) {
        cells.push({
          family: 'core doors',
          route,
          target: 'every type',
          principal,
          expected: isAdmin(principal) ? 'ok' : 'unauthenticated',
          run: async () => {
            const url = new URL(path, context.baseUrl);
            for (const [key, value] of Object.entries(row.lists)) url.searchParams.set(key, value);
            const response = await fetch(url, { headers: who[principal].bearer ? { authorization: `Bearer ${who[principal].bearer}` } : {} });
            const text = await response.text();
            const outcome = outcomeOf(response.status);
            return outcome === 'ok' && [...PLUGIN_ONLY_TYPES].some((type) => text.includes(type)) ? 'leaks' : outcome;
          },
        });
      }
      continue;
    }
    for (const type of CONTENT_TYPE_NAMES) {
      const crm = !PLUGIN_ONLY_TYPES.has(uid(type));
      const owners: Owner[] = crm ? (row.record ? CRM_OWNERS : ['editor']) : ['superAdmin'];
      // A plugin-only type is refused whatever its field: one of its relations stands for all.
      const fields = row.field ? relationsOf(type).slice(0, crm ? undefined : 1) : [{ name: '', target: '' }];
      for (const owner of owners) {
        for (const field of fields) {
          // The admin API authenticates before any route reads its parameters: whoever it does not
          // authenticate is asked once per route, about a conversation.
          const askAll = type === 'conversation' && owner === owners[0] && field === fields[0];
          for (const principal of PRINCIPALS.filter((candidate) => isAdmin(candidate) || askAll)) {
            const expected = expectation(row, principal, type, owner, field.target || undefined);
            const target = [type, row.record ? `of ${owner}` : '', field.name ? `.${field.name}` : ''].filter(Boolean).join(' ');
            cells.push({
              family: 'core doors',
              route,
              target,
              principal,
              expected,
              late: row.late,
              run: async () => {
                const own = row.writes && expected === 'ok';
                const id = own ? await world.freshRecord(type, owner) : (world.records[type][owner] as string);
                const params: Params = { type, model: uid(type), id, field: field.name };
                const call: HttpCall = {
                  method,
                  path: fillPath(path, { model: uid(type), uid: uid(type), contentType: uid(type), id, sourceId: id, documentId: id, targetField: field.name }),
                  query: row.query?.(params),
                  body: row.body?.(params) ?? (method === 'GET' ? undefined : {}),
                };
                return outcomeOf(await send(context.baseUrl, who[principal], call));
              },
            });
          }
        }
      }
    }
  }
  return { cells, missing: keys.filter((key) => !CORE_ROUTES[key]) };
}
