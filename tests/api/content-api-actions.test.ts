import { bearer, createAdmin, createAgent, createApiToken, type TestAdmin } from '../harness/admin';
import { startConversation } from '../harness/fixtures';
import { bootStrapi, type TestApp } from '../harness/strapi';

/** F1: integrations act as a named agent through the content API, with that agent's rules. */
let app: TestApp;
let token: string;
let ada: TestAdmin;
let bjorn: TestAdmin;

beforeAll(async () => {
  app = await bootStrapi();
  token = await createApiToken(app, 'full-access');
  ada = await createAgent(app, 'Ada');
  bjorn = await createAgent(app, 'Bjorn');
});
afterAll(async () => {
  await app.stop();
});

const action = (documentId: string, name: string, data: object) =>
  app.http().post(`/api/live-chat/conversations/${documentId}/${name}`).set(bearer(token)).send({ data });

describe('content API actions', () => {
  it('assigns, replies, creates a lead and closes as the named agent', async () => {
    const { documentId } = await startConversation(app);
    const assigned = await action(documentId, 'assign', { actingAgentId: ada.id });
    expect(assigned.status).toBe(200);
    expect(assigned.body.data.assignee).toEqual({ id: ada.id, name: 'Ada Tester' });

    const message = await action(documentId, 'messages', { actingAgentId: ada.id, clientId: 'crm-sync-0001', body: 'Hello from the CRM' });
    expect(message.status).toBe(201);
    expect(message.body.data).toMatchObject({ seq: 3, authorKind: 'agent', body: 'Hello from the CRM' });
    const retried = await action(documentId, 'messages', { actingAgentId: ada.id, clientId: 'crm-sync-0001', body: 'Hello from the CRM' });
    expect(retried.status).toBe(200);
    expect(retried.body.data.seq).toBe(3);

    const lead = await action(documentId, 'leads', { actingAgentId: ada.id, title: 'From the CRM sync' });
    expect(lead.status).toBe(201);
    expect(lead.body.data.title).toBe('From the CRM sync');

    expect((await action(documentId, 'close', { actingAgentId: ada.id })).status).toBe(200);
    const reopen = await action(documentId, 'assign', { actingAgentId: bjorn.id });
    expect(reopen.status).toBe(409);
    expect(reopen.body.error.details).toEqual({ code: 'conversation_closed' });
  });

  it("applies the acting agent's visibility: another agent's chat is 404 for them", async () => {
    const { documentId } = await startConversation(app);
    await action(documentId, 'assign', { actingAgentId: ada.id });
    expect((await action(documentId, 'close', { actingAgentId: bjorn.id })).status).toBe(404);
    expect((await action(documentId, 'reassign', { actingAgentId: ada.id, agentId: bjorn.id })).status).toBe(200);
  });

  it('refuses an unknown acting agent and a missing one with 400', async () => {
    const { documentId } = await startConversation(app);
    expect((await action(documentId, 'assign', { actingAgentId: 424242 })).status).toBe(400);
    expect((await action(documentId, 'assign', {})).status).toBe(400);
  });

  it('by default acts as any agent, super admins included (README: what an API token may do)', async () => {
    const root = await createAdmin(app, 'super', 'Root');
    const { documentId } = await startConversation(app);
    const assigned = await action(documentId, 'assign', { actingAgentId: root.id });
    expect(assigned.status).toBe(200);
    expect(assigned.body.data.assignee.id).toBe(root.id);
  });

  it('needs a token: anonymous callers get 403', async () => {
    const { documentId } = await startConversation(app);
    const response = await app.http().post(`/api/live-chat/conversations/${documentId}/assign`).send({ data: { actingAgentId: ada.id } });
    expect(response.status).toBe(403);
  });

  it('lists conversations and messages in Strapi shape, and rejects filters on private fields', async () => {
    const list = await app.http().get('/api/live-chat/conversations').set(bearer(token));
    expect(list.status).toBe(200);
    expect(list.body.meta.pagination).toMatchObject({ page: 1 });
    const privateFilter = await app
      .http()
      .get('/api/live-chat/conversations')
      .query({ 'filters[visitor][subject][$eq]': 'anything' })
      .set(bearer(token));
    expect(privateFilter.status).toBe(400);
    const privateSort = await app.http().get('/api/live-chat/conversations').query({ sort: 'visitor.subject' }).set(bearer(token));
    expect(privateSort.status).toBe(400);
  });
});
