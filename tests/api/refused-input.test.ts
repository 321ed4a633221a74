import { CARD_KINDS, DB_DECIMAL_MAX, DB_INTEGER_MAX, uid } from '../../plugins/live-chat/shared/constants';
import { bearer, createAdmin, createAgent, createApiToken, type TestAdmin } from '../harness/admin';
import { startConversation } from '../harness/fixtures';
import { rowCounts } from '../harness/fuzz/property';
import { bootStrapi, type TestApp } from '../harness/strapi';

/**
 * F4: one regression case (or a few) for each class of 5xx the property-based fuzz found
 * (docs/fuzzing.md), on the content API's core routes, its actions and the admin API. Each answered
 * 500 before the fix, on SQLite, on PostgreSQL or on both; now each is a 400 in Strapi's error shape
 * naming the path, and nothing is written.
 */
let app: TestApp;
let token: string;
let agent: TestAdmin;
let superAdmin: TestAdmin;
let lead: string;

beforeAll(async () => {
  app = await bootStrapi();
  token = await createApiToken(app, 'full-access');
  agent = await createAgent(app, 'Agent');
  superAdmin = await createAdmin(app, 'super', 'Super');
  const created = await app.http().post('/api/live-chat/leads').set(bearer(token)).send({ data: { title: 'Kept as it is' } });
  lead = created.body.data.documentId;
});
afterAll(async () => {
  await app.stop();
});

interface ErrorBody {
  data: null;
  error: { status: number; name: string; message: string; details: { errors?: Array<{ path: string[]; message: string }> } };
}

/** A 400 ValidationError in Strapi's shape whose field errors name `path`. */
function expectRefused(response: { status: number; body: unknown }, path: string): void {
  expect({ status: response.status, body: response.body }).toMatchObject({ status: 400, body: { data: null, error: { status: 400, name: 'ValidationError' } } });
  const errors = (response.body as ErrorBody).error.details.errors ?? [];
  expect(errors.map((error) => error.path.join('.'))).toContain(path);
}

const api = (method: 'get' | 'post' | 'put' | 'delete', path: string) => app.http()[method](`/api/live-chat${path}`).set(bearer(token));

describe('content API bodies', () => {
  it.each([
    ['a key named after an Object method (field.resolve is not a function)', { title: 'x', toString: false }, 'body.data.toString'],
    ['constructor', { title: 'x', constructor: { prototype: {} } }, 'body.data.constructor'],
    ['hasOwnProperty', { title: 'x', hasOwnProperty: 1 }, 'body.data.hasOwnProperty'],
    ['a decimal its column cannot hold (PostgreSQL: numeric field overflow)', { title: 'x', value: 1e12 }, 'body.data.value'],
    ['a decimal just past decimal(10, 2)', { title: 'x', value: DB_DECIMAL_MAX + 0.01 }, 'body.data.value'],
    ['a numeric id past int4 in a relation (PostgreSQL: out of range for type integer)', { title: 'x', person: DB_INTEGER_MAX + 1 }, 'body.data.person'],
    ['an id past int4 in connect', { title: 'x', person: { connect: [{ id: DB_INTEGER_MAX + 1 }] } }, 'body.data.person.connect.0.id'],
    ['connect that is no list', { title: 'x', person: { connect: 'abc' } }, 'body.data.person.connect'],
    ['an unknown key in a relation reference', { title: 'x', person: { documentId: 'abc', where: { id: 1 } } }, 'body.data.person.where'],
    ['set mixed with connect', { title: 'x', person: { set: [], connect: ['abc'] } }, 'body.data.person'],
    ['text for a number', { title: 'x', value: { $gt: 1 } }, 'body.data.value'],
    ['an unknown enumeration value', { title: 'x', status: 'maybe' }, 'body.data.status'],
  ])('POST /leads with %s → 400, nothing written', async (_label, data, path) => {
    const before = await rowCounts(app);
    expectRefused(await api('post', '/leads').send({ data }), path);
    expect(await rowCounts(app)).toEqual(before);
  });

  it.each([
    ['a year past 9999 (PostgreSQL: timestamp out of range)', { subject: 'x', dueAt: '+275760-09-13T00:00:00Z' }, 'body.data.dueAt'],
    ['year 0 after the offset (PostgreSQL: date out of range)', { subject: 'x', dueAt: '0001-01-01T00:00:00+01:00' }, 'body.data.dueAt'],
    ['a timestamp past 9999', { subject: 'x', dueAt: 8_640_000_000_000_000 }, 'body.data.dueAt'],
  ])('POST /activities with %s → 400', async (_label, data, path) => {
    expectRefused(await api('post', '/activities').send({ data }), path);
  });

  it('an own __proto__ key never reaches the routes: the body parser refuses it, in the full error shape', async () => {
    const before = await rowCounts(app);
    const response = await api('post', '/leads').set('Content-Type', 'application/json').send('{"data":{"title":"x","__proto__":{"title":"y"}}}');
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ data: null, error: { status: 400, name: expect.any(String), message: expect.any(String), details: {} } });
    expect(await rowCounts(app)).toEqual(before);
  });

  it('an update with a bad field changes nothing, not even the good fields', async () => {
    const before = await app.strapi.db.query(uid('lead')).findOne({ where: { documentId: lead } });
    expectRefused(await api('put', `/leads/${lead}`).send({ data: { title: 'Changed', valueOf: 1 } }), 'body.data.valueOf');
    expect(await app.strapi.db.query(uid('lead')).findOne({ where: { documentId: lead } })).toEqual(before);
  });

  it.each([
    ['a body that is a list', [{ data: { title: 'x' } }], 'body'],
    ['data that is a list', { data: [{ title: 'x' }] }, 'body.data'],
    ['a key beside data', { data: { title: 'x' }, meta: {} }, 'body.meta'],
  ])('%s → 400', async (_label, body, path) => {
    expectRefused(await api('post', '/leads').set('Content-Type', 'application/json').send(JSON.stringify(body)), path);
  });
});

describe('content API query strings, on every collection', () => {
  const collections = ['leads', 'deals', 'persons', 'organizations', 'activities', 'conversations', 'messages'];
  it.each([
    ['filters[id][$eq][$eq]=1', 'query.filters.id.$eq'],
    ['fields[0]=__proto__', 'query.fields.0'],
    ['fields[0]=constructor', 'query.fields.0'],
    ['fields=toString', 'query.fields'],
    ['filters[$and][0][$eq]=1', 'query.filters.$and.0.$eq'],
    ['filters[id][$between]=1', 'query.filters.id.$between'],
    ['filters[id][$in][a]=1', 'query.filters.id.$in'],
    ['filters[$or][101][id]=1', 'query.filters.$or'],
    ['filters[id][$eq]=2147483648', 'query.filters.id.$eq'],
    ['filters[id][$eq]=abc', 'query.filters.id.$eq'],
    ['filters[id][$containsi]=1', 'query.filters.id.$containsi'],
    ['filters[createdAt][$gt]=+275760-09-13T00:00:00Z', 'query.filters.createdAt.$gt'],
    ['filters[id][$null]=maybe', 'query.filters.id.$null'],
    ['filters[id][$jsonSupersetOf]=1', 'query.filters.id.$jsonSupersetOf'],
    ['sort=__proto__', 'query.sort'],
    ['populate[0]=constructor', 'query.populate.0'],
    ['pagination[page]=99999999999', 'query.pagination.page'],
    ['pagination[pageSize]=0', 'query.pagination.pageSize'],
    ['pagination[page]=1&pagination[limit]=5', 'query.pagination'],
    ['_q[a]=1', 'query._q'],
    ['status=maybe', 'query.status'],
    ['locale[a]=en', 'query.locale'],
    ['count=1', 'query.count'],
  ])('?%s → 400 on the list and get routes', async (query, path) => {
    for (const collection of collections) {
      expectRefused(await api('get', `/${collection}?${query}`), path);
      expectRefused(await api('get', `/${collection}/abcdefghijklmnopqrstuvwx?${query}`), path);
    }
  });

  it.each([
    // "Operator and non-operator keys cannot be mixed in a relation where clause"
    ['/organizations?filters[persons][name]=a&filters[persons][$or][0][phone]=b', 'query.filters.persons'],
    ['/leads?filters[person][$and][0][name]=a&filters[person][$or][0][name]=b', 'query.filters.person'],
    ['/leads?filters[person][$not][name]=a', 'query.filters.person.$not'],
    ['/leads?filters[person]=abc', 'query.filters.person'],
    ['/messages?filters[conversation][messages][authorKind][$null]=false&filters[conversation][$and][0][personPhone]=x', 'query.filters.conversation'],
  ])('a relation filter Strapi cannot run: %s → 400', async (url, path) => {
    expectRefused(await api('get', url), path);
  });

  it('a documentId with a NUL (PostgreSQL cannot compare it) → 400 on get, update and delete', async () => {
    expectRefused(await api('get', '/leads/%00'), 'params.id');
    expectRefused(await api('put', '/leads/%00').send({ data: { title: 'x' } }), 'params.id');
    expectRefused(await api('delete', '/leads/%00'), 'params.id');
  });

  it('the forms @strapi/client and the docs use still work', async () => {
    const response = await api(
      'get',
      '/leads?filters[$or][0][title][$containsi]=kept&filters[$or][1][person][name][$eq]=x&filters[person][$null]=true&sort[0]=title:asc&sort[1]=createdAt:desc' +
        '&fields[0]=title&populate[person][fields][0]=name&populate[person][populate][organization]=*&pagination[page]=1&pagination[pageSize]=10&status=published&locale=en&_q=Kept',
    );
    expect(response.status).toBe(200);
    expect(response.body.data.map((row: { documentId: string }) => row.documentId)).toEqual([lead]);
  });
});

describe('ids and seqs past an integer column (PostgreSQL: value out of range for type integer)', () => {
  it('content-API actions refuse an actingAgentId or agentId past 2147483647', async () => {
    const { documentId } = await startConversation(app);
    expectRefused(await api('post', `/conversations/${documentId}/assign`).send({ data: { actingAgentId: DB_INTEGER_MAX + 1 } }), 'actingAgentId');
    expectRefused(
      await api('post', `/conversations/${documentId}/reassign`).send({ data: { actingAgentId: agent.id, agentId: DB_INTEGER_MAX + 1 } }),
      'agentId',
    );
  });

  it('the admin API refuses agentId, afterSeq and beforeSeq past 2147483647', async () => {
    const { documentId } = await startConversation(app);
    const admin = (method: 'get' | 'post', path: string) => app.http()[method](`/live-chat${path}`).set(bearer(superAdmin.token));
    await admin('post', `/conversations/${documentId}/assign`);
    expectRefused(await admin('post', `/conversations/${documentId}/reassign`).send({ agentId: DB_INTEGER_MAX + 1 }), 'agentId');
    expectRefused(await admin('get', `/conversations/${documentId}/messages?afterSeq=${DB_INTEGER_MAX + 1}`), 'afterSeq');
    expectRefused(await admin('get', `/conversations/${documentId}/messages?beforeSeq=${DB_INTEGER_MAX + 1}`), 'beforeSeq');
  });
});

describe('deal values past decimal(10, 2) (PostgreSQL: numeric field overflow)', () => {
  it('the side panel refuses a deal value over 99,999,999.99, so Create deal cannot overflow', async () => {
    const { documentId } = await startConversation(app);
    const admin = (method: 'post' | 'put', path: string) => app.http()[method](`/live-chat${path}`).set(bearer(superAdmin.token));
    await admin('post', `/conversations/${documentId}/assign`);
    expectRefused(await admin('put', `/conversations/${documentId}/side-panel`).send({ dealValue: 100_000_000, dealCurrency: 'EUR' }), 'dealValue');
    expect((await admin('put', `/conversations/${documentId}/side-panel`).send({ dealValue: DB_DECIMAL_MAX, dealCurrency: 'EUR' })).status).toBe(200);
    expect((await admin('post', `/conversations/${documentId}/deals`).send({})).status).toBe(201);
  });

  it("a Create deal card's value over 99,999,999.99 is refused", async () => {
    expect(CARD_KINDS).toContain('create_deal');
    const created = await app.http().post('/live-chat/playbooks').set(bearer(superAdmin.token)).send({ name: 'Deals', template: 'empty' });
    const response = await app
      .http()
      .post(`/live-chat/playbooks/${created.body.data.documentId}/cards`)
      .set(bearer(superAdmin.token))
      .send({ kind: 'create_deal', settings: { title: 'Big', value: 1e12, currency: 'EUR' } });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body.error.details)).toContain('value');
  });
});

describe("errors before any route runs keep Strapi's error shape (details: {})", () => {
  it.each([
    ['/api/live-chat/leads', token],
    ['/live-chat/conversations/abcdefghijklmnopqrstuvwx/side-panel', undefined],
  ])('malformed JSON on %s', async (path, apiToken) => {
    const request = app.http()[path.startsWith('/api') ? 'post' : 'put'](path).set('Content-Type', 'application/json');
    request.set(bearer(apiToken ?? superAdmin.token));
    const response = await request.send('{"data": {');
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ data: null, error: { status: 400, name: expect.any(String), message: expect.any(String), details: {} } });
  });

  it('a body over the size limit', async () => {
    const response = await api('post', '/leads').send({ data: { title: 'x'.repeat(3_000_000) } });
    expect(response.status).toBe(413);
    expect(response.body).toEqual({ data: null, error: { status: 413, name: 'PayloadTooLargeError', message: expect.any(String), details: {} } });
  });
});
