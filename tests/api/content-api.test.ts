import { uid } from '../../plugins/live-chat/shared/constants';
import { bearer, createApiToken } from '../harness/admin';
import { bootStrapi, type TestApp } from '../harness/strapi';

let app: TestApp;
let fullAccess: string;
let readOnly: string;

beforeAll(async () => {
  app = await bootStrapi();
  fullAccess = await createApiToken(app, 'full-access');
  readOnly = await createApiToken(app, 'read-only');
});
afterAll(async () => {
  await app.stop();
});

describe('F1: content API of the plugin', () => {
  it('refuses an anonymous request (public role has no live-chat permission) in Strapi error shape', async () => {
    const response = await app.http().get('/api/live-chat/leads');
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ data: null, error: { status: 403, name: 'ForbiddenError' } });
  });

  it('refuses an unknown token with 401', async () => {
    const response = await app.http().get('/api/live-chat/leads').set(bearer('not-a-real-token'));
    expect(response.status).toBe(401);
    expect(response.body.error).toMatchObject({ status: 401, name: 'UnauthorizedError' });
  });

  it('answers a full-access token in Strapi response shape, with pagination', async () => {
    const response = await app.http().get('/api/live-chat/leads').set(bearer(fullAccess));
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      data: [],
      meta: { pagination: { page: 1, pageSize: 25, pageCount: 0, total: 0 } },
    });
  });

  it('creates and reads back a lead with a full-access token', async () => {
    const created = await app
      .http()
      .post('/api/live-chat/leads')
      .set(bearer(fullAccess))
      .send({ data: { title: 'Website visitor', value: 1200, currency: 'EUR' } });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ title: 'Website visitor', status: 'open', currency: 'EUR' });

    const list = await app.http().get('/api/live-chat/leads').query({ 'filters[title][$eq]': 'Website visitor' }).set(bearer(fullAccess));
    expect(list.body.data.map((lead: { documentId: string }) => lead.documentId)).toEqual([created.body.data.documentId]);
  });

  it('refuses writes with a read-only token', async () => {
    const response = await app
      .http()
      .post('/api/live-chat/persons')
      .set(bearer(readOnly))
      .send({ data: { name: 'Nobody' } });
    expect(response.status).toBe(403);
    expect(await app.strapi.db.query(uid('person')).count()).toBe(0);
  });

  it('offers no generic write route for conversations (they change through actions only)', async () => {
    const response = await app.http().post('/api/live-chat/conversations').set(bearer(fullAccess)).send({ data: {} });
    expect([404, 405]).toContain(response.status);
  });

  it('never returns the visitor token subject, even when the visitor is populated', async () => {
    const visitor = await app.strapi.db.query(uid('visitor')).create({ data: { subject: 'secret-subject', name: 'Vera' } });
    await app.strapi.db.query(uid('conversation')).create({ data: { status: 'unassigned', visitor: visitor.id } });
    const response = await app
      .http()
      .get('/api/live-chat/conversations')
      .query({ populate: 'visitor' })
      .set(bearer(fullAccess));
    expect(response.status).toBe(200);
    expect(response.body.data).toHaveLength(1);
    expect(response.body.data[0].visitor).toMatchObject({ name: 'Vera' });
    expect(JSON.stringify(response.body)).not.toContain('secret-subject');
  });
});
