import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { adminAction, type AdminActionKey } from '../../plugins/live-chat/shared/constants';
import type { TestApp } from './strapi';

export interface TestAdmin {
  id: number;
  email: string;
  password: string;
  /** The admin panel's JWT, as the browser sends it. */
  token: string;
}

interface AdminRole {
  id: number;
}

const unique = () => randomBytes(4).toString('hex');

/** An admin role granting exactly these plugin actions (no other permission). */
export async function createRoleWithActions(strapi: Core.Strapi, actions: AdminActionKey[]): Promise<AdminRole> {
  const roles = strapi.service('admin::role');
  const role: AdminRole = await roles.create({ name: `Test role ${unique()}`, description: actions.join(', ') });
  await roles.assignPermissions(
    role.id,
    actions.map((key) => ({ action: adminAction(key), subject: null, properties: {}, conditions: [] })),
  );
  return role;
}

/** The roles Strapi creates with the first admin: 'super', and the Content Manager's Editor and Author. */
const STRAPI_ROLES = { super: 'strapi-super-admin', editor: 'strapi-editor', author: 'strapi-author' } as const;

/**
 * Creates an active admin user and signs in through POST /admin/login, as the admin panel does.
 * `role`: one of Strapi's own roles ('super', 'editor', 'author'), or the plugin actions the user's
 * only role grants.
 */
export async function createAdmin(app: TestApp, role: keyof typeof STRAPI_ROLES | AdminActionKey[], name = 'Test'): Promise<TestAdmin> {
  const { strapi } = app;
  const roleId = Array.isArray(role)
    ? (await createRoleWithActions(strapi, role)).id
    : ((await strapi.db.query('admin::role').findOne({ where: { code: STRAPI_ROLES[role] } })) as AdminRole).id;
  const email = `${name.toLowerCase().replace(/\W+/g, '-')}-${unique()}@test.local`;
  const password = `Pass-${unique()}-1A`;
  const user = await strapi
    .service('admin::user')
    .create({ email, password, firstname: name, lastname: 'Tester', isActive: true, roles: [roleId] });

  const response = await app.http().post('/admin/login').send({ email, password });
  if (response.status !== 200) {
    throw new Error(`Admin login failed (${response.status}): ${JSON.stringify(response.body)}`);
  }
  return { id: user.id, email, password, token: response.body.data.token };
}

/** The agent of the demo: may use the inbox, nothing else. */
export const createAgent = (app: TestApp, name = 'Agent') => createAdmin(app, ['useInbox'], name);

/** A content-API token as a developer would create it in Settings > API Tokens. */
export async function createApiToken(
  app: TestApp,
  type: 'full-access' | 'read-only' = 'full-access',
): Promise<string> {
  const token = await app.strapi
    .service('admin::api-token')
    .create({ name: `test-${type}-${unique()}`, type, lifespan: null, description: '' });
  return token.accessKey as string;
}

/** Admin permissions as Strapi stores them: an action, on a content type or none. */
export interface AdminPermission {
  action: string;
  subject?: string | null;
  properties?: Record<string, unknown>;
}

/**
 * An admin token (Settings > Admin Tokens): it calls the admin API as its owner, with only the
 * permissions it lists (clamped to the owner's).
 */
export async function createAdminToken(app: TestApp, owner: TestAdmin, permissions: AdminPermission[]): Promise<string> {
  const callingUser = await app.strapi.db.query('admin::user').findOne({ where: { id: owner.id }, populate: ['roles'] });
  const adminPermissions = permissions.map((permission) => ({ subject: null, properties: {}, conditions: [], ...permission }));
  const token = await app.strapi
    .service('admin::api-token-admin')
    .create({ kind: 'admin', name: `test-admin-${unique()}`, lifespan: null, description: '', adminPermissions }, callingUser);
  return token.accessKey as string;
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
