import fc from 'fast-check';
import { uid, type ContentTypeName } from '../../plugins/live-chat/shared/constants';
import { bearer, createAgent, createApiToken, type TestAdmin } from '../harness/admin';
import { minimalData, pluralOf, readableTypes, relationsOf, writableTypes } from '../harness/content-api-schema';
import { startConversation } from '../harness/fixtures';
import { ADMIN_FIELDS, bodyOf } from '../harness/fuzz/admin-bodies';
import { bodyFor, type KnownDocuments } from '../harness/fuzz/bodies';
import { expectSameCounts, expectStrapiAnswer, printTally, rowCounts, tally, type Answer } from '../harness/fuzz/property';
import { KNOWN_BAD_QUERIES, queryFor } from '../harness/fuzz/queries';
import { fuzzParameters, fuzzTimeout } from '../harness/fuzz/settings';
import { anyJson, edgeNumber, edgeText, encode } from '../harness/fuzz/values';
import { CONVERSATION_ACTION_NAMES, CONVERSATION_ACTIONS } from '../../plugins/live-chat/shared/contracts/content-api';
import { bootStrapi, type TestApp } from '../harness/strapi';

/**
 * F4, property-based: every write route of the content API (create, update, delete of each
 * writable type) and the query string of every list and get route, fed generated input. Whatever
 * comes in: never a 5xx, every 4xx in Strapi's error shape, and a refused write changes nothing.
 * LIVE_CHAT_FUZZ_RUNS (total for this file), LIVE_CHAT_FUZZ_SEED and LIVE_CHAT_FUZZ_PATH set the
 * run (docs/fuzzing.md).
 */
const WRITE_PROPERTIES = writableTypes().length * 3;
const READ_PROPERTIES = readableTypes().length * 2;
const PROPERTIES = WRITE_PROPERTIES + READ_PROPERTIES + CONVERSATION_ACTION_NAMES.length;
jest.setTimeout(fuzzTimeout(PROPERTIES) * PROPERTIES);

/** Conversations wait this long for an agent, so the wait-time sweeper writes no "missed" event mid-run (B9). */
const QUIET_SECONDS = 30 * 24 * 3600;

let app: TestApp;
let token: string;
let agent: TestAdmin;
const known: KnownDocuments = {};

beforeAll(async () => {
  app = await bootStrapi();
  token = await createApiToken(app, 'full-access');
  agent = await createAgent(app, 'Agent');
  known.conversation = [(await startConversation(app, {}, QUIET_SECONDS)).documentId, (await startConversation(app, {}, QUIET_SECONDS)).documentId];
  // In dependency order, so each record can point at the ones before it.
  for (const type of ['organization', 'person', 'lead', 'deal', 'activity'] as const) {
    known[type] = [];
    for (const n of [1, 2]) known[type]?.push(await create(type, minimalData(type, `seed ${n}`)));
  }
});
afterAll(async () => {
  printTally();
  await app.stop();
});

async function create(type: ContentTypeName, data: Record<string, unknown>): Promise<string> {
  const response = await app.http().post(`/api/live-chat/${pluralOf(type)}`).set(bearer(token)).send({ data });
  if (response.status !== 201) throw new Error(`seed ${type}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.data.documentId as string;
}

async function send(method: 'get' | 'post' | 'put' | 'delete', path: string, body?: unknown): Promise<Answer> {
  let request = app.http()[method](path).set(bearer(token));
  if (body !== undefined) request = request.set('Content-Type', 'application/json').send(JSON.stringify(body));
  const response = await request;
  tally(`${method.toUpperCase()} ${path.split('?')[0].split('/').slice(0, 4).join('/')}`, response.status);
  return { status: response.status, body: response.body };
}

/** A document as stored, with its relations: what a refused update must leave as it was. */
const stored = (type: ContentTypeName, documentId: string) =>
  app.strapi.documents(uid(type)).findOne({ documentId, populate: relationsOf(type).map((relation) => relation.name) as never });

const withQuery = (path: string, query: string) => (query ? `${path}?${query}` : path);
/** A path id as sent: a real one, one that exists nowhere, anything at all, or broken percent-encoding. */
const pathId = (type: ContentTypeName) =>
  fc.oneof(
    fc.constantFrom(...(known[type] ?? ['none'])),
    fc.constant('nosuchdocument0000000000'),
    edgeText.filter((text) => text.length > 0).map(encode),
    fc.constantFrom('%', '%zz', '%E0%A4%A', '%00', '%2F', '..'),
  );

describe.each(writableTypes())('writes of %s', (type) => {
  const base = () => `/api/live-chat/${pluralOf(type)}`;

  it('POST: never 5xx, Strapi error shape, a refused create writes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(bodyFor(type, known), queryFor(type), async (body, query) => {
        const before = await rowCounts(app);
        const answer = await send('post', withQuery(base(), query), body);
        expectStrapiAnswer(answer, `POST ${base()}`);
        const after = await rowCounts(app);
        if (answer.status >= 400) expectSameCounts(before, after, `POST ${base()}`);
        else expectSameCounts({ ...before, [type]: before[type] + 1 }, after, `POST ${base()} (created one ${type})`);
      }),
      fuzzParameters(PROPERTIES),
    );
  });

  it('PUT: never 5xx, Strapi error shape, a refused update changes nothing', async () => {
    const target = await create(type, minimalData(type, 'fuzz target'));
    await fc.assert(
      fc.asyncProperty(bodyFor(type, known), queryFor(type), async (body, query) => {
        const before = { counts: await rowCounts(app), document: await stored(type, target) };
        const answer = await send('put', withQuery(`${base()}/${target}`, query), body);
        expectStrapiAnswer(answer, `PUT ${base()}/:id`);
        if (answer.status >= 400) {
          expectSameCounts(before.counts, await rowCounts(app), `PUT ${base()}/:id`);
          expect(await stored(type, target)).toEqual(before.document);
        }
      }),
      fuzzParameters(PROPERTIES),
    );
  });

  it('DELETE: never 5xx, Strapi error shape, a refused delete removes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        pathId(type).filter((id) => !(known[type] ?? []).includes(id)),
        queryFor(type),
        async (id, query) => {
          const before = await rowCounts(app);
          const answer = await send('delete', withQuery(`${base()}/${id}`, query), undefined);
          expectStrapiAnswer(answer, `DELETE ${base()}/:id`);
          if (answer.status >= 400) expectSameCounts(before, await rowCounts(app), `DELETE ${base()}/:id`);
        },
      ),
      fuzzParameters(PROPERTIES),
    );
  });
});

describe.each(readableTypes())('query strings of %s', (type) => {
  const base = () => `/api/live-chat/${pluralOf(type)}`;

  it('GET list: never 5xx, Strapi error shape', async () => {
    await fc.assert(
      fc.asyncProperty(queryFor(type), async (query) => {
        expectStrapiAnswer(await send('get', withQuery(base(), query)), `GET ${base()}?${query}`);
      }),
      { ...fuzzParameters(PROPERTIES), examples: KNOWN_BAD_QUERIES.map((query) => [query] as [string]) },
    );
  });

  it('GET one: never 5xx, Strapi error shape', async () => {
    await fc.assert(
      fc.asyncProperty(pathId(type), queryFor(type), async (id, query) => {
        const path = withQuery(`${base()}/${id}`, query);
        expectStrapiAnswer(await send('get', path), `GET ${path}`);
      }),
      { ...fuzzParameters(PROPERTIES), examples: KNOWN_BAD_QUERIES.map((query) => [known[type]?.[0] ?? 'none', query] as [string, string]) },
    );
  });
});

describe.each(CONVERSATION_ACTION_NAMES)('action %s', (action) => {
  it('never 5xx, Strapi error shape, a refused action writes nothing', async () => {
    const agentId = fc.oneof({ weight: 6, arbitrary: fc.constant(agent.id) }, { weight: 1, arbitrary: edgeNumber }, { weight: 1, arbitrary: anyJson });
    const data = bodyOf({ actingAgentId: agentId, ...ADMIN_FIELDS.message, ...ADMIN_FIELDS.record, agentId: fc.oneof(fc.constant(null), agentId) });
    const body = fc.oneof({ weight: 8, arbitrary: data.map((value) => ({ data: value })) }, { weight: 1, arbitrary: data }, { weight: 1, arbitrary: anyJson });
    await fc.assert(
      fc.asyncProperty(body, fc.boolean(), async (value, held) => {
        const documentId = (await startConversation(app, { name: 'Ada', email: 'ada@example.com' }, QUIET_SECONDS)).documentId;
        // Half the runs act on a chat the agent holds, so send, reassign, close and create go through.
        if (held) await send('post', `/api/live-chat/conversations/${documentId}/assign`, { data: { actingAgentId: agent.id } });
        const path = CONVERSATION_ACTIONS[action].path.replace(':documentId', documentId);
        const before = { counts: await rowCounts(app), row: await app.strapi.db.query(uid('conversation')).findOne({ where: { documentId } }) };
        const answer = await send('post', `/api/live-chat${path}`, value);
        expectStrapiAnswer(answer, `POST ${path}`);
        if (answer.status >= 400) {
          expectSameCounts(before.counts, await rowCounts(app), `POST ${path}`);
          expect(await app.strapi.db.query(uid('conversation')).findOne({ where: { documentId } })).toEqual(before.row);
        }
      }),
      fuzzParameters(PROPERTIES),
    );
  });
});
