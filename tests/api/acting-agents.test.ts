import { bearer, createAdmin, createAgent, createApiToken, type TestAdmin } from '../harness/admin';
import { startConversation } from '../harness/fixtures';
import { bootStrapi, type TestApp } from '../harness/strapi';

/**
 * F1: an app narrows whom integrations may act as (LIVE_CHAT_ACTING_AGENTS / `actingAgents`). A
 * refused agent is a 403 in Strapi's shape, and the conversation is left as it was.
 */
let app: TestApp;
let token: string;
let ada: TestAdmin;
let bjorn: TestAdmin;
let root: TestAdmin;

const action = (documentId: string, name: string, data: object) =>
  app.http().post(`/api/live-chat/conversations/${documentId}/${name}`).set(bearer(token)).send({ data });

afterEach(async () => {
  await app?.stop();
});

async function bootWith(actingAgents: (emails: { ada: string }) => string) {
  // The emails are only known once the users exist, so the first boot creates them and a restart
  // on the same database applies the setting, as an app's operator would.
  const first = await bootStrapi();
  ada = await createAgent(first, 'Ada');
  bjorn = await createAgent(first, 'Bjorn');
  root = await createAdmin(first, 'super', 'Root');
  await first.stopKeepingData();
  app = await bootStrapi({
    database: first.database,
    secrets: first.secrets,
    env: { LIVE_CHAT_ACTING_AGENTS: actingAgents({ ada: ada.email }) },
  });
  token = await createApiToken(app, 'full-access');
}

describe('actingAgents narrows integrations', () => {
  it('"non-super-admins": agents yes, a super admin 403 with nothing changed', async () => {
    await bootWith(() => 'non-super-admins');
    const { documentId } = await startConversation(app);
    const refused = await action(documentId, "assign", { actingAgentId: root.id });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ data: null, error: { status: 403, name: 'ForbiddenError', message: 'This integration may not act as that agent' } });
    const list = await app.http().get(`/api/live-chat/conversations/${documentId}`).set(bearer(token));
    expect(list.body.data.status).toBe('unassigned');
    expect((await action(documentId, 'assign', { actingAgentId: ada.id })).status).toBe(200);
  });

  it('a list of emails: only those agents, on every action', async () => {
    await bootWith(({ ada: email }) => email.toUpperCase());
    const { documentId } = await startConversation(app);
    for (const [name, data] of [
      ['assign', {}],
      ['messages', { clientId: 'narrow-0001', body: 'Hi' }],
      ['leads', { title: 'Nope' }],
      ['close', {}],
    ] as const) {
      expect((await action(documentId, name, { actingAgentId: bjorn.id, ...data })).status).toBe(403);
    }
    expect((await action(documentId, 'assign', { actingAgentId: ada.id })).status).toBe(200);
    expect((await action(documentId, 'reassign', { actingAgentId: root.id, agentId: null })).status).toBe(403);
  });
});
