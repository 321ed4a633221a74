import { uid } from '../../plugins/live-chat/shared/constants';
import { createAdmin, createAgent, bearer, type TestAdmin } from '../harness/admin';
import { startConversation } from '../harness/fixtures';
import { bootStrapi, type TestApp } from '../harness/strapi';

let app: TestApp;
let ada: TestAdmin;
let bjorn: TestAdmin;

beforeAll(async () => {
  app = await bootStrapi();
  ada = await createAgent(app, 'Ada');
  bjorn = await createAgent(app, 'Bjorn');
});
afterAll(async () => {
  await app.stop();
});

const as = (agent: TestAdmin) => ({
  get: (path: string) => app.http().get(`/live-chat${path}`).set(bearer(agent.token)),
  post: (path: string, body: object = {}) => app.http().post(`/live-chat${path}`).set(bearer(agent.token)).send(body),
  put: (path: string, body: object) => app.http().put(`/live-chat${path}`).set(bearer(agent.token)).send(body),
});

const folder = async (agent: TestAdmin, name: string) => {
  const response = await as(agent).get(`/conversations?folder=${name}`);
  expect(response.status).toBe(200);
  return response.body.data.map((row: { documentId: string }) => row.documentId) as string[];
};

const eventTypes = async (agent: TestAdmin, documentId: string) => {
  const response = await as(agent).get(`/conversations/${documentId}/messages`);
  expect(response.status).toBe(200);
  return response.body.data.filter((entry: { kind: string }) => entry.kind === 'event').map((entry: { event: { type: string } }) => entry.event.type);
};

describe('B1 a new conversation waits in Unassigned for every agent', () => {
  it('is listed in Unassigned for both agents, with a wait deadline', async () => {
    const { documentId } = await startConversation(app, { name: 'Vera Visitor' });
    expect(await folder(ada, 'unassigned')).toContain(documentId);
    expect(await folder(bjorn, 'unassigned')).toContain(documentId);
    const detail = await as(ada).get(`/conversations/${documentId}`);
    expect(detail.body.data).toMatchObject({ status: 'unassigned', assignee: null, visitor: { name: 'Vera Visitor' } });
    expect(new Date(detail.body.data.waitDeadlineAt).getTime()).toBeGreaterThan(Date.now());
    expect(detail.body.data.allowedActions).toMatchObject({ assignToMe: true, close: true });
  });
});

describe('B3 Assign to me', () => {
  it('moves the conversation to My conversations, hides it from the other agent, and records the join (B7)', async () => {
    const { documentId } = await startConversation(app);
    const response = await as(ada).post(`/conversations/${documentId}/assign`);
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({ status: 'assigned', assignee: { id: ada.id, name: 'Ada Tester' }, waitDeadlineAt: null });

    expect(await folder(ada, 'mine')).toContain(documentId);
    expect(await folder(ada, 'unassigned')).not.toContain(documentId);
    expect(await folder(bjorn, 'unassigned')).not.toContain(documentId);
    expect((await as(bjorn).get(`/conversations/${documentId}`)).status).toBe(404);
    expect(await eventTypes(ada, documentId)).toEqual(['conversation_created', 'agent_joined']);
  });

  it('answers the second agent with 409 already_assigned', async () => {
    const { documentId } = await startConversation(app);
    await as(ada).post(`/conversations/${documentId}/assign`);
    const late = await as(bjorn).post(`/conversations/${documentId}/assign`);
    expect(late.status).toBe(409);
    expect(late.body.error.details).toEqual({ code: 'already_assigned' });
    // Reading it is still hidden from him (B6).
    expect((await as(bjorn).get(`/conversations/${documentId}`)).status).toBe(404);
  });
});

describe('B5 Reassign', () => {
  it('hands the conversation to another agent: the old assignee loses it, the new one has it', async () => {
    const { documentId } = await startConversation(app);
    await as(ada).post(`/conversations/${documentId}/assign`);
    const response = await as(ada).post(`/conversations/${documentId}/reassign`, { agentId: bjorn.id });
    expect(response.status).toBe(200);
    expect(response.body.data.assignee).toEqual({ id: bjorn.id, name: 'Bjorn Tester' });
    expect(await folder(bjorn, 'mine')).toContain(documentId);
    expect((await as(ada).get(`/conversations/${documentId}`)).status).toBe(404);
  });

  it('drops ownership back to Unassigned', async () => {
    const { documentId } = await startConversation(app);
    await as(ada).post(`/conversations/${documentId}/assign`);
    const response = await as(ada).post(`/conversations/${documentId}/reassign`, { agentId: null });
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({ status: 'unassigned', assignee: null });
    expect(await folder(bjorn, 'unassigned')).toContain(documentId);
    expect(await eventTypes(bjorn, documentId)).toEqual(['conversation_created', 'agent_joined', 'unassigned']);
  });

  it('lists the agents a chat can be handed to', async () => {
    const response = await as(ada).get('/agents');
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual(
      expect.arrayContaining([
        { id: ada.id, name: 'Ada Tester' },
        { id: bjorn.id, name: 'Bjorn Tester' },
      ]),
    );
  });
});

describe('B8 Close', () => {
  it('moves the conversation to Closed with its time; it can never be reopened or reassigned', async () => {
    const { documentId } = await startConversation(app);
    await as(ada).post(`/conversations/${documentId}/assign`);
    const closed = await as(ada).post(`/conversations/${documentId}/close`);
    expect(closed.status).toBe(200);
    expect(closed.body.data.status).toBe('closed');
    expect(Math.abs(new Date(closed.body.data.closedAt).getTime() - Date.now())).toBeLessThan(60_000);
    expect(await folder(bjorn, 'closed')).toContain(documentId);

    for (const attempt of [
      as(ada).post(`/conversations/${documentId}/assign`),
      as(bjorn).post(`/conversations/${documentId}/assign`),
      as(ada).post(`/conversations/${documentId}/reassign`, { agentId: bjorn.id }),
      as(ada).post(`/conversations/${documentId}/reassign`, { agentId: null }),
      as(ada).post(`/conversations/${documentId}/close`),
    ]) {
      const response = await attempt;
      expect(response.status).toBe(409);
      expect(response.body.error).toMatchObject({ status: 409, details: { code: 'conversation_closed' } });
    }
    expect((await as(ada).get(`/conversations/${documentId}`)).body.data.status).toBe('closed');
  });

  it('keeps the side panel editable and leads and deals creatable after close (C1, C2)', async () => {
    const { documentId } = await startConversation(app);
    await as(ada).post(`/conversations/${documentId}/close`);
    const panel = await as(ada).put(`/conversations/${documentId}/side-panel`, {
      personName: 'Vera Visitor',
      personEmail: 'Vera@Example.com',
      dealValue: 1200,
      dealCurrency: 'eur',
    });
    expect(panel.status).toBe(200);
    expect(panel.body.data.sidePanel).toMatchObject({ personEmail: 'vera@example.com', dealValue: 1200, dealCurrency: 'EUR' });

    const lead = await as(ada).post(`/conversations/${documentId}/leads`);
    expect(lead.status).toBe(201);
    const deal = await as(ada).post(`/conversations/${documentId}/deals`, { title: 'Big order' });
    expect(deal.status).toBe(201);
    expect(deal.body.data).toMatchObject({ kind: 'deal', title: 'Big order' });
    // Same email: the deal reuses the person the lead created.
    expect(deal.body.data.person).toEqual(lead.body.data.person);
    expect((await as(ada).get(`/conversations/${documentId}`)).body.data.status).toBe('closed');
    expect(await eventTypes(ada, documentId)).toEqual(['conversation_created', 'closed', 'lead_created', 'deal_created']);
  });
});

describe('C2 Create lead and deal', () => {
  it('never closes the conversation', async () => {
    const { documentId } = await startConversation(app);
    await as(ada).post(`/conversations/${documentId}/assign`);
    await as(ada).put(`/conversations/${documentId}/side-panel`, { personEmail: 'lead@example.com', organizationName: 'Acme AB' });
    expect((await as(ada).post(`/conversations/${documentId}/leads`)).status).toBe(201);
    expect((await as(ada).post(`/conversations/${documentId}/deals`)).status).toBe(201);
    const detail = await as(ada).get(`/conversations/${documentId}`);
    expect(detail.body.data.status).toBe('assigned');
    expect(detail.body.data.person).not.toBeNull();
    expect(detail.body.data.organization).not.toBeNull();
  });
});

describe('B2 availability toggle', () => {
  it('is offline until switched on, and the stored state is what a reload reads', async () => {
    expect((await as(ada).get('/availability')).body.data).toEqual({ availability: 'offline' });
    expect((await as(ada).put('/availability', { availability: 'online' })).body.data).toEqual({ availability: 'online' });
    expect((await as(ada).get('/availability')).body.data).toEqual({ availability: 'online' });
    expect((await as(bjorn).get('/availability')).body.data).toEqual({ availability: 'offline' });
  });

  it("takes an agent's first writes from several tabs at once: every one answers 200, one row is stored (F4)", async () => {
    const cleo = await createAgent(app, 'Cleo');
    const tabs = [0, 1, 2, 3, 4, 5];
    const toggles = await Promise.all(tabs.map((tab) => as(cleo).put('/availability', { availability: tab % 2 ? 'online' : 'offline' })));
    const settings = await Promise.all(tabs.map((tab) => as(cleo).put('/me/notifications', { sound: tab % 2 === 0 })));
    expect([...toggles, ...settings].map((response) => response.status)).toEqual(tabs.flatMap(() => [200, 200]));
    expect(await app.strapi.db.query(uid('agent-status')).count({ where: { agent: cleo.id } })).toBe(1);
    expect(await app.strapi.db.query(uid('notification-setting')).count({ where: { owner: `agent:${cleo.id}` } })).toBe(1);
  });
});

describe('folder lists', () => {
  it('pages by last activity with a keyset cursor, and finds visitors by name or email', async () => {
    const solo = await createAdmin(app, ['useInbox'], 'Solo');
    const started = [];
    for (let i = 0; i < 5; i += 1) started.push(await startConversation(app, { name: `Pager ${i}`, email: `pager${i}@example.com` }));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `/conversations?folder=unassigned&limit=2&search=pager${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await as(solo).get(query);
      expect(page.status).toBe(200);
      expect(page.body.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.data.map((row: { documentId: string }) => row.documentId));
      cursor = page.body.meta.nextCursor;
    } while (cursor);
    expect(seen).toEqual(started.map((c) => c.documentId).reverse());

    const byEmail = await as(solo).get('/conversations?folder=unassigned&search=PAGER3@example');
    expect(byEmail.body.data.map((row: { documentId: string }) => row.documentId)).toEqual([started[3].documentId]);
  });

  it('counts each folder for the agent', async () => {
    const response = await as(bjorn).get('/conversations?folder=mine');
    expect(response.body.meta.counts).toEqual({
      unassigned: expect.any(Number),
      mine: response.body.data.length,
      assigned: response.body.data.length,
      closed: expect.any(Number),
    });
  });
});
