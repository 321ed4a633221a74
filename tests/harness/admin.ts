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

/**
 * Creates an active admin user and signs in through POST /admin/login, as the admin panel does.
 * `role`: 'super' for a super admin, or the plugin actions the user's only role grants.
 */
export async function createAdmin(app: TestApp, role: 'super' | AdminActionKey[], name = 'Test'): Promise<TestAdmin> {
  const { strapi } = app;
  const roleId =
    role === 'super'
      ? ((await strapi.service('admin::role').getSuperAdmin()) as AdminRole).id
      : (await createRoleWithActions(strapi, role)).id;
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

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
