import { uid } from '../../plugins/live-chat/shared/constants';
import type { DomainEvent, EventBus } from '../../plugins/live-chat/server/src/services/event-bus';
import type { Clock } from '../../plugins/live-chat/server/src/services/clock';
import type { VisitorConversation } from '../../plugins/live-chat/shared/events';
import { bearer, createAdmin, createAgent, type TestAdmin } from '../harness/admin';
import { connect, disconnectAll, listen, request, visitorToken } from '../harness/sockets';
import { bootStrapi, type TestApp } from '../harness/strapi';

/** G7: round-robin auto-assignment with capacity, and business hours, over the widget's HTTP flow. */
let app: TestApp;
let owner: TestAdmin;
let agents: TestAdmin[];
let autoPlaybook: { documentId: string; liveCardId: string };
let manualPlaybook: { documentId: string; liveCardId: string };

const admin = (method: 'get' | 'put' | 'post', path: string, body?: object) => {
  const request = app.http()[method](`/live-chat${path}`).set(bearer(owner.token));
  return body ? request.send(body) : request;
};

/** A published Live Chat template playbook whose Live Chat card carries `settings`. */
async function playbookWith(settings: Record<string, unknown>) {
  const created = await admin('post', '/playbooks', { name: `Shop ${Math.random()}`, template: 'live_chat' });
  const documentId = created.body.data.documentId as string;
  const live = (created.body.data.cards as Array<{ documentId: string; kind: string; settings: object }>).find((card) => card.kind === 'live_chat')!;
  const updated = await admin('put', `/playbooks/${documentId}/cards/${live.documentId}`, { settings: { ...live.settings, ...settings } });
  expect(updated.status).toBe(200);
  expect((await admin('post', `/playbooks/${documentId}/publish`)).status).toBe(200);
  return { documentId, liveCardId: live.documentId };
}

async function visitorStarts(playbookDocumentId: string) {
  const session = await app.http().post('/live-chat/widget/session').send({});
  const token = session.body.data.token as string;
  const started = await app
    .http()
    .post('/live-chat/widget/flow')
    .set(bearer(token))
    .send({ playbookDocumentId, page: 'https://shop.example/pricing', input: { type: 'start' } });
  expect(started.status).toBe(200);
  return { token, answer: started.body.data as { show: Array<{ kind: string; backAt?: string | null }>; conversationDocumentId: string | null; phase: string } };
}

const conversationOf = (documentId: string) =>
  app.strapi.db.query(uid('conversation')).findOne({ where: { documentId }, populate: { assignee: { select: ['id'] } } });
const setOnline = (agent: TestAdmin, availability: 'online' | 'offline') =>
  app.http().put('/live-chat/availability').set(bearer(agent.token)).send({ availability });
const setCapacity = (agent: TestAdmin, maxOpenChats: unknown) => admin('put', `/settings/assignment/agents/${agent.id}`, { maxOpenChats });
/** Closes every open chat, so each test starts with empty hands. */
const closeEverything = () => app.strapi.db.query(uid('conversation')).updateMany({ where: { status: { $ne: 'closed' } }, data: { status: 'closed' } });
const fieldPaths = (body: { error: { details: { errors: Array<{ path: string[] }> } } }) => body.error.details.errors.map((e) => e.path.join('.'));

beforeAll(async () => {
  app = await bootStrapi();
  owner = await createAdmin(app, 'super', 'Owner');
  agents = [await createAgent(app, 'Ada'), await createAgent(app, 'Bo'), await createAgent(app, 'Cy')];
  autoPlaybook = await playbookWith({ autoAssign: true });
  manualPlaybook = await playbookWith({});
});
afterAll(async () => {
  disconnectAll();
  await app.stop();
});
beforeEach(async () => {
  await closeEverything();
  for (const agent of agents) {
    await setOnline(agent, 'online');
    await setCapacity(agent, null);
  }
});

describe('G7 auto-assignment', () => {
  it('is off by default: the chat waits in Unassigned', async () => {
    const { answer } = await visitorStarts(manualPlaybook.documentId);
    expect(await conversationOf(answer.conversationDocumentId!)).toMatchObject({ status: 'unassigned', assignee: null });
  });

  it('hands new chats to online agents in turn, and each sees "assigned automatically" and the visitor the join (B4)', async () => {
    const events: DomainEvent[] = [];
    const bus = app.strapi.plugin('live-chat').service('event-bus') as EventBus;
    const unsubscribe = bus.subscribe((event) => void events.push(event));
    const order: number[] = [];
    const started: Array<{ token: string; documentId: string }> = [];
    for (let chat = 0; chat < 4; chat += 1) {
      const { token, answer } = await visitorStarts(autoPlaybook.documentId);
      const row = await conversationOf(answer.conversationDocumentId!);
      expect(row).toMatchObject({ status: 'assigned', waitDeadlineAt: null });
      order.push(row.assignee.id);
      started.push({ token, documentId: answer.conversationDocumentId! });
    }
    unsubscribe();
    // The rotation continues where it stood, whoever went first in earlier tests.
    const first = agents.findIndex((agent) => agent.id === order[0]);
    expect(order).toEqual([0, 1, 2, 3].map((i) => agents[(first + i) % 3]!.id));

    const [{ token, documentId }] = started as [{ token: string; documentId: string }];
    const assignee = agents.find((agent) => agent.id === order[0])!;
    const timeline = await app.http().get(`/live-chat/conversations/${documentId}/messages`).set(bearer(assignee.token));
    const joined = timeline.body.data.find((entry: { event: { type: string } | null }) => entry.event?.type === 'agent_joined');
    expect(joined.event.data).toMatchObject({ agentId: assignee.id, automatic: 1 });
    const mine = await app.http().get('/live-chat/conversations?folder=mine').set(bearer(assignee.token));
    expect(mine.body.data.map((row: { documentId: string }) => row.documentId)).toContain(documentId);

    const session = await app.http().post('/live-chat/widget/session').send({ token });
    expect(session.body.data.conversation).toMatchObject({ documentId, agentName: expect.any(String) });
    // Notifications and webhooks hear it as any assignment: conversation:assigned, nobody acting.
    const assigned = events.filter((event) => event.type === 'conversation:assigned' && event.conversation.documentId === documentId);
    expect(assigned).toHaveLength(1);
    expect(assigned[0]).toMatchObject({ actorId: null, previous: { status: 'unassigned', assigneeId: null } });
  });

  it('skips offline agents and agents at capacity; with nobody free the chat waits in Unassigned and can still be missed (B9)', async () => {
    const [ada, bo, cy] = agents as [TestAdmin, TestAdmin, TestAdmin];
    await setOnline(cy, 'offline');
    expect((await setCapacity(ada, 1)).status).toBe(200);
    expect((await setCapacity(bo, 2)).body.data).toMatchObject({ id: bo.id, maxOpenChats: 2, capacity: 2, openChats: 0 });
    const assignees: Array<number | null> = [];
    let last = '';
    for (let chat = 0; chat < 4; chat += 1) {
      const { answer } = await visitorStarts(autoPlaybook.documentId);
      last = answer.conversationDocumentId!;
      assignees.push((await conversationOf(last)).assignee?.id ?? null);
    }
    expect(assignees.filter((id) => id === ada.id)).toHaveLength(1);
    expect(assignees.filter((id) => id === bo.id)).toHaveLength(2);
    expect(assignees[3]).toBeNull();
    const waiting = await conversationOf(last);
    expect(waiting).toMatchObject({ status: 'unassigned', missedAt: null });
    const swept = await app.strapi.plugin('live-chat').service('wait-time').sweep(new Date(Date.now() + 3_600_000));
    expect(swept).toBeGreaterThanOrEqual(1);
    expect((await conversationOf(last)).missedAt).not.toBeNull();

    const settings = await admin('get', '/settings/assignment');
    expect(settings.status).toBe(200);
    expect(settings.body.data).toMatchObject({ defaultCapacity: 5, limits: { min: 1, max: 100 } });
    const rows = settings.body.data.agents as Array<{ id: number; maxOpenChats: number | null; capacity: number; openChats: number }>;
    expect(rows.find((row) => row.id === ada.id)).toMatchObject({ maxOpenChats: 1, capacity: 1, openChats: 1 });
    expect(rows.find((row) => row.id === cy.id)).toMatchObject({ maxOpenChats: null, capacity: 5, openChats: 0 });
  });

  it('applies to a chat the widget starts over its socket too (every door the same)', async () => {
    const url = await listen(app);
    const visitor = await connect(url, 'visitor', await visitorToken(app));
    const started = await request<VisitorConversation>(visitor, 'conversation:start', { playbookDocumentId: autoPlaybook.documentId });
    if (!started.ok) throw new Error(started.error.message);
    expect(started.data.agentName).toEqual(expect.any(String));
    expect((await conversationOf(started.data.documentId)).status).toBe('assigned');
  });

  it('refuses bad capacities with field errors', async () => {
    const [ada] = agents as [TestAdmin];
    for (const bad of [0, -1, 1.5, 101, 'five']) {
      const response = await setCapacity(ada, bad);
      expect(response.status).toBe(400);
      expect(response.body.error).toMatchObject({ name: 'ValidationError' });
      expect(fieldPaths(response.body)).toEqual(['maxOpenChats']);
    }
    expect((await admin('put', `/settings/assignment/agents/${ada.id}`, { maxOpenChats: 2, extra: true })).status).toBe(400);
    expect((await admin('put', '/settings/assignment/agents/abc', { maxOpenChats: 2 })).status).toBe(400);
    expect((await admin('put', '/settings/assignment/agents/987654', { maxOpenChats: 2 })).status).toBe(404);
    // An agent without the permission may not change anyone's capacity, not even their own.
    const own = await app.http().put(`/live-chat/settings/assignment/agents/${ada.id}`).set(bearer(ada.token)).send({ maxOpenChats: 50 });
    expect(own.status).toBe(403);
  });
});

describe('G7 business hours', () => {
  const clock = () => app.strapi.plugin('live-chat').service('clock') as Clock;
  const hours = {
    timeZone: 'Europe/Stockholm',
    weekly: { monday: [{ from: '09:00', to: '17:00' }], tuesday: [{ from: '09:00', to: '12:00' }, { from: '13:00', to: '17:00' }] },
    holidays: ['2026-12-08'],
  };
  afterEach(() => jest.restoreAllMocks());

  it('outside hours takes the offline path at once, with agents online, and tells when the team is back', async () => {
    const { documentId } = await playbookWith({ businessHours: hours });
    // Saturday 2026-12-05 noon in Stockholm: back on Monday at 09:00 CET = 08:00 UTC.
    jest.spyOn(clock(), 'now').mockReturnValue(new Date('2026-12-05T11:00:00Z'));
    const closed = await visitorStarts(documentId);
    const offline = closed.answer.show.find((item) => item.kind === 'live_chat_offline');
    expect(offline?.backAt).toBe('2026-12-07T08:00:00.000Z');
    expect(closed.answer).toMatchObject({ phase: 'offline', conversationDocumentId: null });

    // Monday 10:00 in Stockholm: open, so the chat goes to the agents.
    jest.spyOn(clock(), 'now').mockReturnValue(new Date('2026-12-07T09:00:00Z'));
    const open = await visitorStarts(documentId);
    expect(open.answer.show.map((item) => item.kind)).toContain('live_chat_online');
    expect(open.answer.conversationDocumentId).toEqual(expect.any(String));

    // Tuesday the 8th is a holiday: closed all day, back on the next Monday.
    jest.spyOn(clock(), 'now').mockReturnValue(new Date('2026-12-08T10:00:00Z'));
    const holiday = await visitorStarts(documentId);
    expect(holiday.answer.show.find((item) => item.kind === 'live_chat_offline')?.backAt).toBe('2026-12-14T08:00:00.000Z');
  });

  it('refuses a live chat started over the socket outside hours, saying when the team is back (every door the same)', async () => {
    const { documentId } = await playbookWith({ businessHours: hours });
    const url = await listen(app);
    jest.spyOn(clock(), 'now').mockReturnValue(new Date('2026-12-05T11:00:00Z'));
    const visitor = await connect(url, 'visitor', await visitorToken(app));
    const refused = await request<VisitorConversation>(visitor, 'conversation:start', { playbookDocumentId: documentId });
    expect(refused).toEqual({ ok: false, error: { code: 'outside_business_hours', message: 'The team is away until 2026-12-07T08:00:00.000Z' } });
    jest.spyOn(clock(), 'now').mockReturnValue(new Date('2026-12-07T09:00:00Z'));
    const started = await request<VisitorConversation>(visitor, 'conversation:start', { playbookDocumentId: documentId });
    expect(started.ok).toBe(true);
  });

  it('refuses bad business hours with field errors in Strapi\'s shape', async () => {
    const { documentId, liveCardId } = autoPlaybook;
    const put = (businessHours: object) => admin('put', `/playbooks/${documentId}/cards/${liveCardId}`, { settings: { autoAssign: true, businessHours } });
    const cases: Array<[object, string[]]> = [
      [{ ...hours, timeZone: 'Mars/Olympus' }, ['settings.businessHours.timeZone']],
      [{ ...hours, weekly: { monday: [{ from: '09:00', to: '13:00' }, { from: '12:00', to: '17:00' }] } }, ['settings.businessHours.weekly.monday.1.from']],
      [{ ...hours, weekly: { monday: [{ from: '17:00', to: '09:00' }] } }, ['settings.businessHours.weekly.monday.0.to']],
      [{ ...hours, holidays: ['2026-13-01', 'tomorrow'] }, ['settings.businessHours.holidays.0', 'settings.businessHours.holidays.1']],
    ];
    for (const [businessHours, paths] of cases) {
      const response = await put(businessHours);
      expect(response.status).toBe(400);
      expect(response.body.error).toMatchObject({ status: 400, name: 'ValidationError' });
      expect(fieldPaths(response.body)).toEqual(paths);
    }
    const wrongType = await admin('put', `/playbooks/${documentId}/cards/${liveCardId}`, { settings: { autoAssign: 'yes' } });
    expect(wrongType.status).toBe(400);
    expect(fieldPaths(wrongType.body)).toEqual(['settings.autoAssign']);
  });
});
