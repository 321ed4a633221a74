import fc from 'fast-check';
import { uid } from '../../plugins/live-chat/shared/constants';
import { bearer, createAdmin, createAgent, type TestAdmin } from '../harness/admin';
import { startConversation } from '../harness/fixtures';
import { ADMIN_FIELDS, bodyOf } from '../harness/fuzz/admin-bodies';
import { expectSameCounts, expectStrapiAnswer, printTally, rowCounts, tally, type Answer } from '../harness/fuzz/property';
import { fuzzParameters, fuzzTimeout } from '../harness/fuzz/settings';
import { anyJson, edgeNumber, edgeText, encode } from '../harness/fuzz/values';
import { bootStrapi, type TestApp } from '../harness/strapi';

/**
 * F4, property-based, for the plugin's admin API: every route that takes a body (side panel,
 * conversation actions, availability, notification settings, playbooks and cards) and the inbox's
 * list and timeline queries, fed generated input by a super admin (so permissions never hide a
 * crash). Never a 5xx, every 4xx in Strapi's error shape, a refused write changes nothing: no row
 * count, and not the conversation or playbook it was aimed at. Runs as fuzz-content-api.test.ts.
 */
/** Conversations wait this long for an agent, so the wait-time sweeper writes no "missed" event mid-run (B9). */
const QUIET_SECONDS = 30 * 24 * 3600;

let app: TestApp;
let admin: TestAdmin;
let agent: TestAdmin;
let open: string;
let playbook: string;
let card: string;

type Method = 'get' | 'post' | 'put' | 'delete';

interface Route {
  name: string;
  method: Method;
  /** The path; may set up what the request acts on (a fresh conversation to close). */
  path: () => Promise<string>;
  /** Built when the test runs, after beforeAll made what the bodies refer to. */
  body: () => fc.Arbitrary<unknown>;
  /** The record a refused request must leave as it was. */
  snapshot?: () => Promise<unknown>;
}

const conversationRow = (documentId: string) => () => app.strapi.db.query(uid('conversation')).findOne({ where: { documentId } });
const playbookRows = () => app.strapi.db.query(uid('playbook')).findMany({ where: { documentId: playbook }, orderBy: { id: 'asc' } });
const cardRows = () => app.strapi.db.query(uid('card')).findMany({ where: { documentId: card }, orderBy: { id: 'asc' } });
const fresh = async () => (await startConversation(app, {}, QUIET_SECONDS)).documentId;
const assignedFresh = async () => {
  const documentId = await fresh();
  await app.http().post(`/live-chat/conversations/${documentId}/assign`).set(bearer(admin.token));
  return documentId;
};
/** The conversation a route made for this run (the record a refused request must leave alone). */
let current = '';
/** A fresh chat of the agent with a side panel a lead or deal can be made from. */
const withDetails = async () => {
  current = await assignedFresh();
  await app
    .http()
    .put(`/live-chat/conversations/${current}/side-panel`)
    .set(bearer(admin.token))
    .send({ personName: 'Ada', personEmail: `ada-${current}@example.com`, organizationName: 'Acme', dealValue: 1200, dealCurrency: 'EUR' });
  return current;
};

/** The `:locale` of the copy route, in turn: real ones, unknown ones, and broken encodings. */
const LOCALES = ['sv', 'es', 'en', 'xx', 'EN', 'sv-SE', '%zz', '%00', encode('__proto__'), encode('a'.repeat(300)), encode('😀')];
let localeTurn = 0;

const ROUTES = (): Route[] => [
  { name: 'side panel', method: 'put', path: async () => `/conversations/${open}/side-panel`, body: () => bodyOf(ADMIN_FIELDS.sidePanel), snapshot: () => conversationRow(open)() },
  { name: 'send message', method: 'post', path: async () => `/conversations/${open}/messages`, body: () => bodyOf(ADMIN_FIELDS.message), snapshot: () => conversationRow(open)() },
  { name: 'assign', method: 'post', path: async () => `/conversations/${await fresh()}/assign`, body: () => bodyOf({}) },
  {
    name: 'reassign',
    method: 'post',
    path: async () => `/conversations/${await assignedFresh()}/reassign`,
    body: () => bodyOf(ADMIN_FIELDS.reassign, { agentId: fc.oneof(fc.constant(agent.id), fc.constant(admin.id), fc.constant(null)) }),
  },
  { name: 'close', method: 'post', path: async () => `/conversations/${await assignedFresh()}/close`, body: () => bodyOf({}) },
  { name: 'create lead', method: 'post', path: async () => `/conversations/${await withDetails()}/leads`, body: () => bodyOf(ADMIN_FIELDS.record), snapshot: () => conversationRow(current)() },
  { name: 'create deal', method: 'post', path: async () => `/conversations/${await withDetails()}/deals`, body: () => bodyOf(ADMIN_FIELDS.record), snapshot: () => conversationRow(current)() },
  { name: 'availability', method: 'put', path: async () => '/availability', body: () => bodyOf(ADMIN_FIELDS.availability) },
  { name: 'company notifications', method: 'put', path: async () => '/settings/notifications', body: () => bodyOf(ADMIN_FIELDS.notifications) },
  { name: 'my notifications', method: 'put', path: async () => '/me/notifications', body: () => bodyOf(ADMIN_FIELDS.notifications) },
  { name: 'create playbook', method: 'post', path: async () => '/playbooks', body: () => bodyOf(ADMIN_FIELDS.createPlaybook) },
  { name: 'update playbook', method: 'put', path: async () => `/playbooks/${playbook}`, body: () => bodyOf(ADMIN_FIELDS.updatePlaybook), snapshot: playbookRows },
  { name: 'publish', method: 'post', path: async () => `/playbooks/${playbook}/publish`, body: () => bodyOf({}), snapshot: playbookRows },
  {
    name: 'locale copy',
    method: 'post',
    path: async () => `/playbooks/${playbook}/locales/${LOCALES[(localeTurn += 1) % LOCALES.length]}`,
    body: () => bodyOf(ADMIN_FIELDS.locales),
    snapshot: playbookRows,
  },
  { name: 'add card', method: 'post', path: async () => `/playbooks/${playbook}/cards`, body: () => bodyOf(ADMIN_FIELDS.card), snapshot: playbookRows },
  { name: 'edit card', method: 'put', path: async () => `/playbooks/${playbook}/cards/${card}`, body: () => bodyOf(ADMIN_FIELDS.card), snapshot: cardRows },
  {
    name: 'reorder cards',
    method: 'put',
    path: async () => `/playbooks/${playbook}/cards/order`,
    body: () => bodyOf({ cardDocumentIds: fc.oneof(fc.array(fc.oneof(fc.constant(card), edgeText), { maxLength: 4 }), anyJson) }),
    snapshot: cardRows,
  },
];

const PROPERTIES = ROUTES().length + 1;
/** Each input here costs a few requests (a fresh chat, an assignment), so CI runs fewer per property. */
const DEFAULT_ADMIN_RUNS = 20;
jest.setTimeout(fuzzTimeout(PROPERTIES) * PROPERTIES);

beforeAll(async () => {
  app = await bootStrapi();
  admin = await createAdmin(app, 'super', 'Super');
  agent = await createAgent(app, 'Agent');
  open = await assignedFresh();
  const created = await app.http().post('/live-chat/playbooks').set(bearer(admin.token)).send({ name: 'Fuzzed', template: 'live_chat' });
  playbook = created.body.data.documentId;
  card = created.body.data.cards[0].documentId;
});
afterAll(async () => {
  printTally();
  await app.stop();
});

async function send(method: Method, path: string, body?: unknown): Promise<Answer> {
  let request = app.http()[method](`/live-chat${path}`).set(bearer(admin.token));
  if (body !== undefined) request = request.set('Content-Type', 'application/json').send(JSON.stringify(body));
  const response = await request;
  tally(`${method.toUpperCase()} /live-chat${path.split('?')[0].replace(/[a-z0-9]{24}/g, ':id')}`, response.status);
  return { status: response.status, body: response.body };
}

describe('admin API write routes', () => {
  it.each(ROUTES().map((route) => [route.name, route] as const))('%s: never 5xx, Strapi error shape, a refused write changes nothing', async (_name, route) => {
    const live = route;
    await fc.assert(
      fc.asyncProperty(live.body(), async (body) => {
        const path = await live.path();
        const before = { counts: await rowCounts(app), record: await live.snapshot?.() };
        const answer = await send(live.method, path, body);
        expectStrapiAnswer(answer, `${live.method.toUpperCase()} ${path}`);
        if (answer.status >= 400) {
          expectSameCounts(before.counts, await rowCounts(app), `${live.method.toUpperCase()} ${path}`);
          expect(await live.snapshot?.()).toEqual(before.record);
        }
      }),
      fuzzParameters(PROPERTIES, DEFAULT_ADMIN_RUNS),
    );
  });

  it('inbox list and timeline queries: never 5xx, Strapi error shape', async () => {
    const value = fc.oneof(edgeText, edgeNumber.map(String), fc.constantFrom('unassigned', 'mine', 'assigned', 'closed', '1', '0', '100', '2147483648'));
    const key = fc.oneof(fc.constantFrom('folder', 'search', 'cursor', 'limit', 'afterSeq', 'beforeSeq', 'afterSeq[0]', 'limit[$gt]', '__proto__', 'sort'), fc.string({ maxLength: 6 }));
    const query = fc.array(fc.tuple(key, value), { maxLength: 3 }).map((pairs) => pairs.map(([k, v]) => `${encode(k).replace(/%5B/g, '[').replace(/%5D/g, ']')}=${encode(v)}`).join('&'));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('/conversations', `/conversations/${open}/messages`), query, async (path, search) => {
        expectStrapiAnswer(await send('get', `${path}?${search}`), `GET ${path}?${search}`);
      }),
      fuzzParameters(PROPERTIES, DEFAULT_ADMIN_RUNS),
    );
  });
});
