import { uid } from '../../plugins/live-chat/shared/constants';
import { AGENT_ROLE, DEMO_ADMIN, DEMO_AGENTS, DEMO_CANNED_REPLIES } from '../../src/seed/demo-data';
import { bearer } from '../harness/admin';
import { bootStrapi, type TestApp } from '../harness/strapi';

const seeded = { LIVE_CHAT_DEMO_SEED: 'true' };

async function login(app: TestApp, email: string, password: string) {
  const response = await app.http().post('/admin/login').send({ email, password });
  expect(response.status).toBe(200);
  return response.body.data.token as string;
}

describe('first start: the demo seed', () => {
  let app: TestApp;

  afterEach(async () => {
    await app?.stop();
  });

  it('creates a super admin, two agents who can use the inbox, and a published Live Chat playbook', async () => {
    app = await bootStrapi({ env: seeded });

    expect(await app.strapi.db.query('admin::user').count()).toBe(1 + DEMO_AGENTS.length);
    const adminToken = await login(app, DEMO_ADMIN.email, DEMO_ADMIN.password);
    const playbooks = await app.http().get('/live-chat/playbooks').set(bearer(adminToken));
    expect(playbooks.body.data).toEqual([
      expect.objectContaining({ name: 'Live Chat (demo)', active: true, published: true }),
    ]);

    for (const agent of DEMO_AGENTS) {
      const token = await login(app, agent.email, agent.password);
      const me = await app.http().get('/live-chat/me').set(bearer(token));
      expect(me.body.data.permissions).toMatchObject({ useInbox: true, managePlaybooks: false });
    }

    // G3: canned replies in English with their Swedish copies, for the agents' composer.
    const agentToken = await login(app, DEMO_AGENTS[0].email, DEMO_AGENTS[0].password);
    for (const locale of ['en', 'sv'] as const) {
      const replies = await app.http().get(`/live-chat/canned-replies?locale=${locale}`).set(bearer(agentToken));
      expect(replies.body.data.map((r: { shortcut: string }) => r.shortcut).sort()).toEqual(DEMO_CANNED_REPLIES.map((r) => r[locale].shortcut).sort());
    }

    const cards = await app.strapi.documents(uid('card')).findMany({ status: 'published', sort: 'position:asc' });
    // The plugin's Live Chat template: greeting, Live Chat card, then the offline path (A1, A7).
    expect(cards.map((card) => card.kind)).toEqual(['bot_message', 'live_chat', 'capture', 'create_lead', 'bot_message']);
  });

  it('keeps the data on a second start and does not seed twice', async () => {
    const first = await bootStrapi({ env: seeded });
    const roleCount = await first.strapi.db.query('admin::role').count({ where: { name: AGENT_ROLE.name } });
    await first.stopKeepingData();

    app = await bootStrapi({ env: seeded, database: first.database });
    expect(await app.strapi.db.query('admin::user').count()).toBe(1 + DEMO_AGENTS.length);
    expect(await app.strapi.db.query('admin::role').count({ where: { name: AGENT_ROLE.name } })).toBe(roleCount);
    expect(await app.strapi.documents(uid('playbook')).count({})).toBe(1);
  });
});
