import { CONTENT_TYPE_NAMES, uid } from '../../../plugins/live-chat/shared/constants';
import { createAdmin, createAdminToken, createApiToken, type AdminPermission, type TestAdmin } from '../../harness/admin';
import { visitorToken } from '../../harness/sockets';
import type { TestApp } from '../../harness/strapi';

/** Everyone the matrix asks, in the order its report lists them. */
export const PRINCIPALS = [
  'anonymous',
  'visitorA',
  'visitorB',
  'agentA',
  'agentB',
  'superAdmin',
  'manager',
  'editor',
  'author',
  'noPermissions',
  'cmReader',
  'adminToken',
  'readToken',
  'fullToken',
] as const;
export type PrincipalName = (typeof PRINCIPALS)[number];

/** How a principal proves who it is; `admin` signs in to the admin panel (a session JWT). */
export type PrincipalKind = 'anonymous' | 'visitor' | 'admin' | 'adminToken' | 'apiToken';

export interface Principal {
  name: PrincipalName;
  kind: PrincipalKind;
  /** What it sends as `Authorization: Bearer …` (the visitor's signed token, a JWT, a token key). */
  bearer?: string;
  /** The admin user it is, or acts as (an admin token's owner). */
  adminId?: number;
}

export const ADMIN_SESSIONS: readonly PrincipalName[] = ['agentA', 'agentB', 'superAdmin', 'manager', 'editor', 'author', 'noPermissions', 'cmReader'];
/** Whoever the admin API authenticates: a signed-in admin or an admin token. */
export const isAdmin = (principal: PrincipalName) => ADMIN_SESSIONS.includes(principal) || principal === 'adminToken';

/** The Content Manager's "read" on every content type of the plugin, every field. */
const readEveryPluginType = (app: TestApp): AdminPermission[] =>
  CONTENT_TYPE_NAMES.map((name) => ({
    action: 'plugin::content-manager.explorer.read',
    subject: uid(name),
    properties: { fields: Object.keys(app.strapi.contentType(uid(name)).attributes) },
  }));

/**
 * The principals, one each. `cmReader` holds the Content Manager's "read" on every plugin type,
 * as the roles API grants it (and as an Editor role created before playbooks were hidden keeps it);
 * `adminToken` is the super admin's admin token listing only "Use the inbox" and that same read.
 */
export async function createPrincipals(app: TestApp): Promise<Record<PrincipalName, Principal>> {
  const admins: Record<string, TestAdmin> = {
    agentA: await createAdmin(app, ['useInbox'], 'AgentA'),
    agentB: await createAdmin(app, ['useInbox'], 'AgentB'),
    superAdmin: await createAdmin(app, 'super', 'Super'),
    manager: await createAdmin(app, ['managePlaybooks'], 'Manager'),
    editor: await createAdmin(app, 'editor', 'Editor'),
    author: await createAdmin(app, 'author', 'Author'),
    noPermissions: await createAdmin(app, [], 'Nobody'),
    cmReader: await createAdmin(app, [], 'Reader'),
  };
  const readerRole = await app.strapi.db.query('admin::role').findOne({ where: { users: { id: admins.cmReader.id } } });
  await app.strapi.service('admin::role').assignPermissions(
    readerRole.id,
    readEveryPluginType(app).map((permission) => ({ conditions: [], ...permission })),
  );
  const adminToken = await createAdminToken(app, admins.superAdmin, [{ action: 'plugin::live-chat.inbox.use' }, ...readEveryPluginType(app)]);

  const principals = {
    anonymous: { name: 'anonymous', kind: 'anonymous' },
    visitorA: { name: 'visitorA', kind: 'visitor', bearer: await visitorToken(app) },
    visitorB: { name: 'visitorB', kind: 'visitor', bearer: await visitorToken(app) },
    adminToken: { name: 'adminToken', kind: 'adminToken', bearer: adminToken, adminId: admins.superAdmin.id },
    readToken: { name: 'readToken', kind: 'apiToken', bearer: await createApiToken(app, 'read-only') },
    fullToken: { name: 'fullToken', kind: 'apiToken', bearer: await createApiToken(app, 'full-access') },
  } as Record<PrincipalName, Principal>;
  for (const [name, admin] of Object.entries(admins)) {
    principals[name as PrincipalName] = { name: name as PrincipalName, kind: 'admin', bearer: admin.token, adminId: admin.id };
  }
  return principals;
}
