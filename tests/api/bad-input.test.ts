import { uid } from '../../plugins/live-chat/shared/constants';
import { bearer, createAgent, type TestAdmin } from '../harness/admin';
import { startConversation } from '../harness/fixtures';
import { bootStrapi, type TestApp } from '../harness/strapi';

/** F4: every kind of bad input gets a 4xx in Strapi's error shape; nothing is half-written. */
let app: TestApp;
let ada: TestAdmin;
let bjorn: TestAdmin;
let mine: string;
let bjornsChat: string;

beforeAll(async () => {
  app = await bootStrapi();
  ada = await createAgent(app, 'Ada');
  bjorn = await createAgent(app, 'Bjorn');
  mine = (await startConversation(app)).documentId;
  bjornsChat = (await startConversation(app)).documentId;
  await app.http().post(`/live-chat/conversations/${mine}/assign`).set(bearer(ada.token));
  await app.http().post(`/live-chat/conversations/${bjornsChat}/assign`).set(bearer(bjorn.token));
});
afterAll(async () => {
  await app.stop();
});

const put = (path: string, body: unknown) => app.http().put(`/live-chat${path}`).set(bearer(ada.token)).send(body as object);
const post = (path: string, body: unknown = {}) => app.http().post(`/live-chat${path}`).set(bearer(ada.token)).send(body as object);
const get = (path: string) => app.http().get(`/live-chat${path}`).set(bearer(ada.token));

function expectFieldError(response: { status: number; body: { data: unknown; error: { status: number; name: string; details: { errors: Array<{ path: string[] }> } } } }, field: string) {
  expect(response.status).toBe(400);
  expect(response.body.data).toBeNull();
  expect(response.body.error).toMatchObject({ status: 400, name: 'ValidationError' });
  expect(response.body.error.details.errors.map((error) => error.path.join('.'))).toContain(field);
}

describe('side panel (C1) field errors', () => {
  it.each([
    ['personEmail', 'not-an-email'],
    ['personEmail', 42],
    ['personPhone', '12345'],
    ['personPhone', '0701234567'],
    ['dealValue', -5],
    ['dealValue', '12.345'],
    ['dealValue', 'lots'],
    ['dealCurrency', 'EURO'],
    ['dealCurrency', 'XYZ'],
    ['expectedCloseDate', '2026-02-30'],
    ['expectedCloseDate', 'tomorrow'],
    ['personName', 'x'.repeat(201)],
    ['notes', 'x'.repeat(10_001)],
    ['notes', '<script>alert(1)</script>'],
    ['organizationName', '<img src=x onerror=alert(1)>'],
    ['personName', { first: 'Ana' }],
  ])('%s = %j → 400 naming the field, and nothing stored', async (field, value) => {
    const before = await app.strapi.db.query(uid('conversation')).findOne({ where: { documentId: mine } });
    expectFieldError(await put(`/conversations/${mine}/side-panel`, { [field]: value }), field);
    const after = await app.strapi.db.query(uid('conversation')).findOne({ where: { documentId: mine } });
    expect(after).toEqual(before);
  });

  it('rejects the whole request when one field of several is bad (no partial write)', async () => {
    const response = await put(`/conversations/${mine}/side-panel`, { personName: 'Partial Paul', personEmail: 'nope' });
    expectFieldError(response, 'personEmail');
    const stored = await app.strapi.db.query(uid('conversation')).findOne({ where: { documentId: mine } });
    expect(stored.personName).not.toBe('Partial Paul');
  });

  it('refuses unknown fields', async () => {
    expectFieldError(await put(`/conversations/${mine}/side-panel`, { status: 'closed' }), 'status');
  });

  it('refuses a body that is not an object', async () => {
    const response = await app.http().put(`/live-chat/conversations/${mine}/side-panel`).set(bearer(ada.token)).set('Content-Type', 'application/json').send('[1,2]');
    expect(response.status).toBe(400);
    expect(response.body.error.name).toBe('ValidationError');
  });
});

describe('ids', () => {
  it.each([
    ['unknown id', '/conversations/abcdefghijklmnopqrstuvwx'],
    ['someone else\'s conversation', () => `/conversations/${bjornsChat}`],
  ])('%s → 404 on every route', async (_label, pathOrFn) => {
    const base = typeof pathOrFn === 'function' ? pathOrFn() : pathOrFn;
    for (const response of [
      await get(base),
      await get(`${base}/messages`),
      await post(`${base}/close`),
      await post(`${base}/reassign`, { agentId: null }),
      await put(`${base}/side-panel`, { notes: 'x' }),
      await post(`${base}/leads`),
      await post(`${base}/deals`),
    ]) {
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ data: null, error: { status: 404, name: 'NotFoundError' } });
    }
  });

  it('a malformed id → 400', async () => {
    expectFieldError(await get('/conversations/DROP%20TABLE'), '');
  });
});

describe('action bodies and queries', () => {
  it.each([
    [{ agentId: 'bjorn' }, 'agentId'],
    [{ agentId: 1.5 }, 'agentId'],
    [{}, 'agentId'],
    [{ agentId: null, extra: 1 }, ''],
  ])('reassign %j → 400', async (body, field) => {
    expectFieldError(await post(`/conversations/${mine}/reassign`, body), field);
  });

  it('reassign to an id that is no agent → 400 naming agentId', async () => {
    expectFieldError(await post(`/conversations/${mine}/reassign`, { agentId: 999999 }), 'agentId');
  });

  it.each([
    ['folder=everything', 'folder'],
    ['limit=0', 'limit'],
    ['limit=1000', 'limit'],
    ['limit=ten', 'limit'],
    ['cursor=not-a-cursor', 'cursor'],
    [`search=${'x'.repeat(201)}`, 'search'],
    ['sort=id', ''],
  ])('list ?%s → 400', async (query, field) => {
    expectFieldError(await get(`/conversations?${query}`), field);
  });

  it.each([['afterSeq=-1', 'afterSeq'], ['limit=500', 'limit'], ['afterSeq=1&beforeSeq=5', 'beforeSeq']])(
    'timeline ?%s → 400',
    async (query, field) => {
      expectFieldError(await get(`/conversations/${mine}/messages?${query}`), field);
    },
  );

  it.each([[{ title: '' }], [{ title: 'x'.repeat(201) }], [{ title: 7 }]])('lead %j → 400', async (body) => {
    expectFieldError(await post(`/conversations/${mine}/leads`, body), 'title');
    expect(await app.strapi.db.query(uid('lead')).count()).toBe(0);
  });

  it('a deal value without a currency is refused and creates nothing', async () => {
    await put(`/conversations/${mine}/side-panel`, { dealValue: 100, dealCurrency: null });
    const response = await post(`/conversations/${mine}/deals`);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(await app.strapi.db.query(uid('deal')).count()).toBe(0);
    expect(await app.strapi.db.query(uid('person')).count()).toBe(0);
  });

  it('availability must be online or offline', async () => {
    expectFieldError(await put('/availability', { availability: 'away' }), 'availability');
  });

  it('a huge body is refused with 413, not a crash', async () => {
    const response = await put(`/conversations/${mine}/side-panel`, { notes: 'x'.repeat(2 * 1024 * 1024) });
    expect([400, 413]).toContain(response.status);
  });
});
