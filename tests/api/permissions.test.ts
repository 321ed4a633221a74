import { ADMIN_ACTIONS, adminAction } from '../../plugins/live-chat/shared/constants';
import { bearer, createAdmin, createAdminToken, createAgent, type TestAdmin } from '../harness/admin';
import { bootStrapi, type TestApp } from '../harness/strapi';

let app: TestApp;
let superAdmin: TestAdmin;
let agent: TestAdmin;
let playbookManager: TestAdmin;

beforeAll(async () => {
  app = await bootStrapi();
  superAdmin = await createAdmin(app, 'super', 'Super');
  agent = await createAgent(app, 'Agent');
  playbookManager = await createAdmin(app, ['managePlaybooks'], 'Manager');
});
afterAll(async () => {
  await app.stop();
});

describe('admin RBAC actions', () => {
  it('lists the plugin actions in Settings > Roles (GET /admin/permissions)', async () => {
    const response = await app.http().get('/admin/permissions').set(bearer(superAdmin.token));
    expect(response.status).toBe(200);
    const pluginActions = (response.body.data.sections.plugins as Array<{ action: string; plugin: string }>)
      .filter((action) => action.plugin === 'live-chat')
      .map((action) => action.action);
    expect(pluginActions.sort()).toEqual(Object.values(ADMIN_ACTIONS).map((a) => `plugin::live-chat.${a}`).sort());
  });

  it('answers GET /live-chat/me with the signed-in admin and their plugin permissions', async () => {
    const response = await app.http().get('/live-chat/me').set(bearer(agent.token));
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({
      id: agent.id,
      displayName: 'Agent Tester',
      permissions: {
        useInbox: true,
        managePlaybooks: false,
        seeAllConversations: false,
        manageNotificationSettings: false,
        manageCannedReplies: false,
        manageAssignment: false,
        viewAnalytics: false,
        managePersonalData: false,
      },
      seesAllConversations: false,
    });
  });

  it('B6: tells the inbox who sees every chat (the "All assigned" folder): see-all roles and super admins (configurable)', async () => {
    const seer = await createAdmin(app, ['useInbox', 'seeAllConversations'], 'Seer');
    const asked = async (admin: TestAdmin) =>
      (await app.http().get('/live-chat/me').set(bearer(admin.token))).body.data.seesAllConversations;
    expect(await asked(seer)).toBe(true);
    expect(await asked(agent)).toBe(false);
    // LIVE_CHAT_SUPER_ADMIN_SEES_ALL defaults to true.
    expect(await asked(superAdmin)).toBe(true);
  });

  it("B6: a super admin's admin token grants only what it lists: with just the inbox, it sees no one else's chats", async () => {
    const token = await createAdminToken(app, superAdmin, [{ action: adminAction('useInbox') }]);
    const me = await app.http().get('/live-chat/me').set(bearer(token));
    expect(me.status).toBe(200);
    expect(me.body.data).toMatchObject({ id: superAdmin.id, permissions: { useInbox: true, seeAllConversations: false }, seesAllConversations: false });
  });
});

describe('A2: routes that require "manage playbooks"', () => {
  it('refuses an agent without the permission with 403 in Strapi error shape', async () => {
    // Agents may read playbooks (A2: reading needs the inbox or "manage playbooks"); writing is refused.
    const response = await app.http().post('/live-chat/playbooks').set(bearer(agent.token)).send({ name: 'Nope' });
    expect(response.status).toBe(403);
    // Strapi's admin::hasPermissions policy answers with its own PolicyError.
    expect(response.body).toMatchObject({ data: null, error: { status: 403, name: 'PolicyError' } });
  });

  it('lets a super admin in', async () => {
    const response = await app.http().get('/live-chat/playbooks').set(bearer(superAdmin.token));
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ data: [] });
  });

  it('lets a role granted "manage playbooks" in', async () => {
    const response = await app.http().get('/live-chat/playbooks').set(bearer(playbookManager.token));
    expect(response.status).toBe(200);
  });

  it('answers 401 without a session', async () => {
    const response = await app.http().get('/live-chat/playbooks');
    expect(response.status).toBe(401);
    expect(response.body.error).toMatchObject({ status: 401, name: 'UnauthorizedError' });
  });

  it('uses the action ids Strapi stores for roles', () => {
    expect(adminAction('managePlaybooks')).toBe('plugin::live-chat.playbooks.manage');
  });
});
