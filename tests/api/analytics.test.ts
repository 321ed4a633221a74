import { randomBytes } from 'node:crypto';
import { toDbDatetime, TABLES } from '../../plugins/live-chat/server/src/repositories/sql';
import { uid } from '../../plugins/live-chat/shared/constants';
import type { AnalyticsFigures, AnalyticsResponse } from '../../plugins/live-chat/shared/contracts/analytics';
import { percentile } from '../../plugins/live-chat/shared/domain/analytics';
import { bearer, createAdmin, type TestAdmin } from '../harness/admin';
import { startConversation } from '../harness/fixtures';
import { bootStrapi, type TestApp } from '../harness/strapi';

/**
 * Issue 16, analytics: every figure of the report against a seeded set of chats whose answers this
 * test computes itself (medians and 90th percentiles with the domain's reference `percentile`),
 * per day in a time zone, per agent and per playbook; B6 for agents; bad input in Strapi's shape.
 */
let app: TestApp;
let manager: TestAdmin;
let agentA: TestAdmin;
let agentB: TestAdmin;
let inboxOnly: TestAdmin;
let playbooks: Record<'sales' | 'support', string>;

const ZONE = 'Europe/Stockholm';
const RANGE = { from: '2026-03-10', to: '2026-03-12', timeZone: ZONE };

type Money = { value: number | null; currency: string | null };
interface SeedChat {
  /** When the chat started (UTC). */
  start: string;
  agent?: 'A' | 'B';
  playbook?: 'sales' | 'support';
  /** Seconds from the start to the first assignment; `currentOnly` stores it as assignedAt alone (rows from before firstAssignedAt). */
  assignedAfter?: number;
  currentOnly?: boolean;
  /** Seconds from the start to the first public agent reply; a note and an event come before it. */
  repliedAfter?: number;
  missed?: boolean;
  closed?: boolean;
  rating?: number;
  leads?: Money[];
  deals?: Money[];
}

/** Three days in Stockholm (UTC+1 in March): 2026-03-09T23:30Z is already the 10th there. */
const SEED: SeedChat[] = [
  { start: '2026-03-09T22:59:59Z', agent: 'A', assignedAfter: 5, repliedAfter: 7, closed: true, rating: 1 }, // the 9th in Stockholm: outside
  { start: '2026-03-09T23:30:00Z', agent: 'A', playbook: 'sales', assignedAfter: 12, repliedAfter: 30, closed: true, rating: 5, leads: [{ value: 1000, currency: 'EUR' }] },
  { start: '2026-03-10T08:00:00Z', agent: 'A', playbook: 'sales', assignedAfter: 40.5, repliedAfter: 61, rating: 4, deals: [{ value: 250.5, currency: 'EUR' }, { value: 90, currency: 'USD' }] },
  { start: '2026-03-10T09:00:00Z', agent: 'B', playbook: 'support', assignedAfter: 3, repliedAfter: 9, closed: true, rating: 2 },
  { start: '2026-03-10T10:00:00Z', playbook: 'support', missed: true, closed: true },
  { start: '2026-03-10T11:00:00Z', missed: true },
  { start: '2026-03-11T07:15:00Z', agent: 'B', assignedAfter: 100, currentOnly: true, repliedAfter: 130, closed: true, rating: 5, leads: [{ value: null, currency: null }] },
  { start: '2026-03-11T08:15:00Z', agent: 'A', assignedAfter: 8, closed: true },
  { start: '2026-03-11T09:15:00Z', agent: 'B', playbook: 'sales', assignedAfter: 20, repliedAfter: 21, rating: 3, leads: [{ value: 300, currency: 'SEK' }] },
  { start: '2026-03-12T22:59:00Z', agent: 'A', assignedAfter: 2, repliedAfter: 4, closed: true, rating: 5 }, // 23:59 on the 12th
  { start: '2026-03-12T23:00:00Z', agent: 'B', assignedAfter: 1, repliedAfter: 2, rating: 1 }, // the 13th: outside
  // Around the change to summer time in Stockholm (2026-03-29 01:00Z): that day has 23 hours.
  { start: '2026-03-28T22:30:00Z', agent: 'A', assignedAfter: 4 },
  { start: '2026-03-28T23:30:00Z', agent: 'A', assignedAfter: 6, closed: true },
  { start: '2026-03-29T21:59:00Z', agent: 'B', assignedAfter: 9 },
  { start: '2026-03-29T22:00:00Z', missed: true },
];

const dayIn = (iso: string) => new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date(iso));
const inRange = SEED.filter((chat) => dayIn(chat.start) >= RANGE.from && dayIn(chat.start) <= RANGE.to);
const at = (iso: string, seconds: number) => new Date(Date.parse(iso) + seconds * 1000);

/** The figures a group of seeded chats must have, computed here from the seed. */
function expectedFigures(chats: SeedChat[]) {
  const durations = (values: number[]) => ({ median: percentile(values, 0.5), p90: percentile(values, 0.9), count: values.length });
  const money = (records: Money[]) => {
    const totals = new Map<string, number>();
    for (const r of records) if (r.value !== null && r.currency) totals.set(r.currency, (totals.get(r.currency) ?? 0) + r.value);
    return [...totals].map(([currency, amount]) => ({ currency, amount })).sort((a, b) => a.currency.localeCompare(b.currency));
  };
  const ratings = chats.flatMap((c) => (c.rating ? [c.rating] : []));
  const leads = chats.flatMap((c) => c.leads ?? []);
  const deals = chats.flatMap((c) => c.deals ?? []);
  return {
    started: chats.length,
    taken: chats.filter((c) => c.assignedAfter !== undefined).length,
    missed: chats.filter((c) => c.missed).length,
    closed: chats.filter((c) => c.closed).length,
    firstResponse: durations(chats.flatMap((c) => (c.repliedAfter === undefined ? [] : [c.repliedAfter]))),
    waitToAssignment: durations(chats.flatMap((c) => (c.assignedAfter === undefined ? [] : [c.assignedAfter]))),
    leads: { count: leads.length, value: money(leads) },
    deals: { count: deals.length, value: money(deals) },
    csat: {
      count: ratings.length,
      average: ratings.length ? ratings.reduce((a, b) => a + b, 0) / ratings.length : null,
      distribution: Object.fromEntries([1, 2, 3, 4, 5].map((n) => [String(n), ratings.filter((r) => r === n).length])),
    },
  };
}

/** Compares figures; durations and averages to the millisecond (SQL and JS round differently). */
function expectFigures(actual: AnalyticsFigures, expected: ReturnType<typeof expectedFigures>) {
  const close = (value: number | null, wanted: number | null) => {
    if (wanted === null) expect(value).toBeNull();
    else expect(value).toBeCloseTo(wanted, 3);
  };
  for (const metric of ['firstResponse', 'waitToAssignment'] as const) {
    expect(actual[metric].count).toBe(expected[metric].count);
    close(actual[metric].median, expected[metric].median);
    close(actual[metric].p90, expected[metric].p90);
  }
  close(actual.csat.average, expected.csat.average);
  const counted = (f: Pick<AnalyticsFigures, 'started' | 'taken' | 'missed' | 'closed' | 'leads' | 'deals' | 'csat'>) => ({
    started: f.started,
    taken: f.taken,
    missed: f.missed,
    closed: f.closed,
    leads: f.leads,
    deals: f.deals,
    ratings: { count: f.csat.count, distribution: f.csat.distribution },
  });
  expect(counted(actual)).toEqual(counted(expected as unknown as AnalyticsFigures));
}

const report = (who: TestAdmin, query: Record<string, string | number> = RANGE) =>
  app.http().get('/live-chat/analytics').query(query).set(bearer(who.token));
const fieldPaths = (body: { error: { details: { errors?: Array<{ path: string[] }> } } }) =>
  (body.error.details.errors ?? []).map((e) => e.path.join('.'));

async function seed() {
  const { strapi } = app;
  const db = (date: Date) => toDbDatetime(strapi, date);
  const created = await Promise.all(
    (['Sales', 'Support'] as const).map((name) => strapi.documents(uid('playbook')).create({ data: { name } })),
  );
  playbooks = { sales: created[0].documentId, support: created[1].documentId };
  const playbookRow = async (documentId: string) => (await strapi.db.query(uid('playbook')).findOne({ where: { documentId } })).id;
  const agentId = { A: agentA.id, B: agentB.id };

  for (const chat of SEED) {
    const { id } = await startConversation(app);
    const assignedAt = chat.assignedAfter === undefined ? null : db(at(chat.start, chat.assignedAfter));
    await strapi.db.connection(TABLES.conversations).where({ id }).update({
      created_at: db(new Date(chat.start)),
      status: chat.closed ? 'closed' : chat.agent ? 'assigned' : 'unassigned',
      assignee_id: chat.agent ? agentId[chat.agent] : null,
      // A later reassignment moved assignedAt on; the wait is measured to the first assignment.
      assigned_at: chat.currentOnly ? assignedAt : chat.assignedAfter === undefined ? null : db(at(chat.start, chat.assignedAfter + 600)),
      first_assigned_at: chat.currentOnly ? null : assignedAt,
      missed_at: chat.missed ? db(at(chat.start, 120)) : null,
      closed_at: chat.closed ? db(at(chat.start, 3600)) : null,
      wait_deadline_at: null,
      rating: chat.rating ?? null,
      rated_at: chat.rating ? db(at(chat.start, 3700)) : null,
    });
    if (chat.playbook) {
      await strapi.db.connection(`${TABLES.conversations}_playbook_lnk`).insert({ conversation_id: id, playbook_id: await playbookRow(playbooks[chat.playbook]) });
    }
    const entry = (seconds: number, fields: Record<string, unknown>) => ({
      document_id: randomBytes(12).toString('hex'),
      conversation_id: id,
      client_id: randomBytes(8).toString('hex'),
      created_at: db(at(chat.start, seconds)),
      updated_at: db(at(chat.start, seconds)),
      ...fields,
    });
    const entries = [entry(0.2, { kind: 'text', author_kind: 'visitor', audience: 'everyone', body: 'Hello?' })];
    if (chat.repliedAfter !== undefined) {
      // Neither an internal note nor a timeline event is the visitor's answer; the bot's line is not an agent's.
      entries.push(entry(0.5, { kind: 'text', author_kind: 'bot', audience: 'everyone', body: 'An agent is coming' }));
      entries.push(entry(chat.repliedAfter - 0.3, { kind: 'text', author_kind: 'agent', audience: 'agents', body: 'Note' }));
      entries.push(entry(chat.repliedAfter - 0.2, { kind: 'event', author_kind: 'agent', audience: 'everyone', event: JSON.stringify({ type: 'joined', data: {} }) }));
      entries.push(entry(chat.repliedAfter, { kind: 'text', author_kind: 'agent', audience: 'everyone', body: 'Hi, how can I help?' }));
      entries.push(entry(chat.repliedAfter + 5, { kind: 'text', author_kind: 'agent', audience: 'everyone', body: 'Still there?' }));
    }
    await strapi.db.connection(TABLES.messages).insert(entries.map((e, i) => ({ ...e, seq: 100 + i })));
    for (const [kind, records] of [['lead', chat.leads], ['deal', chat.deals]] as const) {
      for (const record of records ?? []) {
        await strapi.db.query(uid(kind)).create({ data: { title: `${kind} of ${chat.start}`, status: 'open', ...record, conversation: id } });
      }
    }
  }
}

beforeAll(async () => {
  app = await bootStrapi();
  manager = await createAdmin(app, ['viewAnalytics', 'seeAllConversations'], 'Manager');
  agentA = await createAdmin(app, ['useInbox', 'viewAnalytics'], 'Ada');
  agentB = await createAdmin(app, ['useInbox', 'viewAnalytics'], 'Bo');
  inboxOnly = await createAdmin(app, ['useInbox', 'seeAllConversations'], 'Ines');
  await seed();
});
afterAll(async () => {
  await app.stop();
});

describe('the analytics report (issue 16)', () => {
  it('counts every figure of the chats started in the range, in total and per day in the time zone', async () => {
    const response = await report(manager);
    expect(response.status).toBe(200);
    const body = response.body as AnalyticsResponse;
    expect(body.meta).toEqual({ ...RANGE, scope: 'all', agent: null, playbook: null });
    expect(inRange).toHaveLength(9);
    expectFigures(body.data.totals, expectedFigures(inRange));
    expect(body.data.days.map((d) => d.day)).toEqual(['2026-03-10', '2026-03-11', '2026-03-12']);
    for (const day of body.data.days) {
      expectFigures(day, expectedFigures(inRange.filter((chat) => dayIn(chat.start) === day.day)));
    }
    // Spot checks of the reference itself: waits 12, 40.5, 3, 100, 8, 20, 2 s → median 12, p90 64.3.
    expect(body.data.totals.waitToAssignment.median).toBeCloseTo(12, 3);
    expect(body.data.totals.waitToAssignment.p90).toBeCloseTo(64.3, 3);
  });

  it('answers per agent (nobody for the chats nobody took) and per playbook (none for chats without one)', async () => {
    const body = (await report(manager)).body as AnalyticsResponse;
    const agents = body.data.agents.map((row) => row.agent?.name ?? null);
    expect(agents).toEqual(['Ada Tester', 'Bo Tester', null]);
    expectFigures(body.data.agents[0], expectedFigures(inRange.filter((c) => c.agent === 'A')));
    expectFigures(body.data.agents[1], expectedFigures(inRange.filter((c) => c.agent === 'B')));
    expectFigures(body.data.agents[2], expectedFigures(inRange.filter((c) => !c.agent)));
    expect(body.data.agents[0].agent?.id).toBe(agentA.id);

    const byPlaybook = new Map(body.data.playbooks.map((row) => [row.playbook?.documentId ?? null, row]));
    expect(byPlaybook.get(playbooks.sales)?.playbook?.name).toBe('Sales');
    for (const [name, documentId] of Object.entries(playbooks)) {
      expectFigures(byPlaybook.get(documentId)!, expectedFigures(inRange.filter((c) => c.playbook === name)));
    }
    expectFigures(byPlaybook.get(null)!, expectedFigures(inRange.filter((c) => !c.playbook)));
  });

  it('filters by agent and by playbook', async () => {
    const oneAgent = (await report(manager, { ...RANGE, agent: agentB.id })).body as AnalyticsResponse;
    expect(oneAgent.meta).toMatchObject({ scope: 'all', agent: agentB.id });
    expectFigures(oneAgent.data.totals, expectedFigures(inRange.filter((c) => c.agent === 'B')));

    const sales = (await report(manager, { ...RANGE, playbook: playbooks.sales })).body as AnalyticsResponse;
    expectFigures(sales.data.totals, expectedFigures(inRange.filter((c) => c.playbook === 'sales')));
    expect(sales.data.playbooks.map((row) => row.playbook?.documentId)).toEqual([playbooks.sales]);
  });

  it('puts each chat on its local day across a daylight-saving change', async () => {
    const range = { from: '2026-03-28', to: '2026-03-30', timeZone: ZONE };
    const body = (await report(manager, range)).body as AnalyticsResponse;
    expect(body.data.days.map((d) => [d.day, d.started])).toEqual([['2026-03-28', 1], ['2026-03-29', 2], ['2026-03-30', 1]]);
    for (const day of body.data.days) {
      expectFigures(day, expectedFigures(SEED.filter((chat) => dayIn(chat.start) === day.day)));
    }
  });

  it('counts a day in UTC differently from Stockholm', async () => {
    const body = (await report(manager, { from: '2026-03-10', to: '2026-03-10' })).body as AnalyticsResponse;
    expect(body.meta.timeZone).toBe('UTC');
    expectFigures(body.data.totals, expectedFigures(SEED.filter((c) => c.start.startsWith('2026-03-10'))));
  });

  it('exports the same figures as CSV: a total row, a row per day, per agent and per playbook', async () => {
    const response = await app.http().get('/live-chat/analytics/export').query(RANGE).set(bearer(manager.token));
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toBe('attachment; filename="live-chat-analytics-2026-03-10-2026-03-12.csv"');
    const lines = response.text.trimEnd().split('\r\n').map((line) => line.split(','));
    const [header, ...rows] = lines;
    expect(header).toEqual([
      'section', 'day', 'agent_id', 'agent', 'playbook_id', 'playbook', 'started', 'taken', 'missed', 'closed',
      'first_response_median_s', 'first_response_p90_s', 'wait_median_s', 'wait_p90_s',
      'leads', 'lead_value_EUR', 'lead_value_SEK', 'deals', 'deal_value_EUR', 'deal_value_USD',
      'csat_count', 'csat_average', 'csat_1', 'csat_2', 'csat_3', 'csat_4', 'csat_5',
    ]);
    expect(rows.map((row) => row[0])).toEqual(['total', 'day', 'day', 'day', 'agent', 'agent', 'agent', 'playbook', 'playbook', 'playbook']);
    const cell = (row: string[], name: string) => row[header.indexOf(name)];
    const expected = expectedFigures(inRange);
    expect(cell(rows[0], 'started')).toBe(String(expected.started));
    expect(Number(cell(rows[0], 'wait_median_s'))).toBeCloseTo(expected.waitToAssignment.median!, 3);
    expect(Number(cell(rows[0], 'first_response_p90_s'))).toBeCloseTo(expected.firstResponse.p90!, 3);
    expect(cell(rows[0], 'lead_value_EUR')).toBe('1000');
    expect(cell(rows[0], 'deal_value_USD')).toBe('90');
    expect(cell(rows[1], 'day')).toBe('2026-03-10');
    expect(cell(rows[4], 'agent')).toBe('Ada Tester');
  });
});

describe('who sees which figures (B6)', () => {
  it('answers 403 without "View analytics", for the report and the CSV', async () => {
    expect((await report(inboxOnly)).status).toBe(403);
    expect((await app.http().get('/live-chat/analytics/export').query(RANGE).set(bearer(inboxOnly.token))).status).toBe(403);
    expect((await app.http().get('/live-chat/analytics').query(RANGE)).status).toBe(401);
  });

  it('shows an agent without "See all conversations" only the chats assigned to them', async () => {
    const own = (await report(agentA)).body as AnalyticsResponse;
    expect(own.meta).toMatchObject({ scope: 'own', agent: agentA.id });
    expectFigures(own.data.totals, expectedFigures(inRange.filter((c) => c.agent === 'A')));
    expect(own.data.agents.map((row) => row.agent?.id)).toEqual([agentA.id]);
    expect((await report(agentA, { ...RANGE, agent: agentA.id })).status).toBe(200);

    const other = await report(agentA, { ...RANGE, agent: agentB.id });
    expect(other.status).toBe(403);
    expect(other.body.error).toMatchObject({ status: 403, name: 'ForbiddenError' });

    const csv = await app.http().get('/live-chat/analytics/export').query(RANGE).set(bearer(agentB.token));
    expect(csv.text).not.toContain('Ada Tester');
    expect(csv.text).toContain('Bo Tester');
  });
});

describe('bad input is a 400 in Strapi\'s error shape, naming the field', () => {
  it.each([
    ['a range of more than 366 days', { from: '2025-01-01', to: '2026-01-02' }, ['to']],
    ['ten years', { from: '2016-01-01', to: '2026-01-01' }, ['to']],
    ['a range that ends before it starts', { from: '2026-03-12', to: '2026-03-10' }, ['to']],
    ['a day that does not exist', { from: '2026-02-30', to: '2026-03-10' }, ['from']],
    ['a malformed day', { from: '10/03/2026', to: '2026-03-1' }, ['from', 'to']],
    ['no range', {}, ['from', 'to']],
    ['an unknown time zone', { ...RANGE, timeZone: 'Mars/Olympus' }, ['timeZone']],
    ['an agent id that is no number', { ...RANGE, agent: 'ada' }, ['agent']],
    ['a malformed playbook id', { ...RANGE, playbook: 'DROP TABLE' }, ['playbook']],
    ['an unknown parameter', { ...RANGE, limit: '5' }, ['']],
  ])('%s', async (_, query, fields) => {
    const response = await report(manager, query as Record<string, string>);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ data: null, error: { status: 400, name: 'ValidationError' } });
    expect(fieldPaths(response.body).sort()).toEqual(fields);
  });

  it('accepts a full leap year (366 days)', async () => {
    expect((await report(manager, { from: '2028-01-01', to: '2028-12-31' })).status).toBe(200);
  });
});
