import { readFileSync } from 'node:fs';
import path from 'node:path';
import { APP_ROOT, bootStrapi, type TestApp } from '../harness/strapi';
import { visitorToken } from '../harness/sockets';
import { bearer } from '../harness/admin';

/** E1: the plugin serves the widget's script and chunk, with cache headers and CORS for the widget's sites. */
const SITE = 'https://shop.example';
const OTHER = 'https://evil.example';
const manifest = () =>
  JSON.parse(readFileSync(path.join(APP_ROOT, 'plugins', 'live-chat', 'dist', 'widget', 'manifest.json'), 'utf8')) as { chunks: string[] };

let app: TestApp;

beforeAll(async () => {
  app = await bootStrapi({ env: { LIVE_CHAT_WIDGET_ORIGINS: `${SITE},https://www.shop.example` } });
});
afterAll(async () => {
  await app.stop();
});

describe('GET /live-chat/widget.js (the snippet\'s script)', () => {
  it('is JavaScript, cached briefly and revalidated by ETag', async () => {
    const response = await app.http().get('/live-chat/widget.js');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/javascript; charset=utf-8');
    expect(response.headers['cache-control']).toBe('public, max-age=300, must-revalidate');
    expect(response.headers.etag).toMatch(/^"[\w-]+"$/);
    expect(response.text).toContain(manifest().chunks[0]);

    const again = await app.http().get('/live-chat/widget.js').set('If-None-Match', response.headers.etag as string);
    expect(again.status).toBe(304);
    expect(again.text ?? '').toBe('');
  });

  it('may be loaded by pages of other sites', async () => {
    const response = await app.http().get('/live-chat/widget.js').set('Origin', SITE);
    expect(response.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(response.headers['access-control-allow-origin']).toBe(SITE);
  });
});

describe('GET /live-chat/widget/assets/:file (the chat, loaded on first open)', () => {
  it('serves the current build\'s content-hashed chunk as immutable', async () => {
    const [chunk] = manifest().chunks;
    expect(chunk).toMatch(/^chat\.[a-z]{2}\.[0-9a-f]{12}\.js$/);
    const response = await app.http().get(`/live-chat/widget/assets/${chunk}`).set('Origin', SITE);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/javascript; charset=utf-8');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    // A module script: a cross-origin import() needs CORS, for the widget's sites only.
    expect(response.headers['access-control-allow-origin']).toBe(SITE);
    expect(response.headers.vary).toMatch(/Origin/);
  });

  it('answers 404 for files the build did not produce, and for paths out of the folder', async () => {
    for (const file of ['chat.000000000000.js', 'manifest.json', 'widget.js.map', '.live-chat-widget-stamp', '..%2F..%2Fpackage.json', '%2E%2E%2Fserver%2Fsrc%2Findex.js', '..%5Cpackage.json']) {
      const response = await app.http().get(`/live-chat/widget/assets/${file}`);
      expect({ file, status: response.status }).toEqual({ file, status: 404 });
      expect(response.body.error).toMatchObject({ status: 404, name: 'NotFoundError' });
    }
    for (const url of ['/live-chat/widget/assets/../../package.json', '/live-chat/widget/assets/', '/live-chat/widget/assets/a/b.js']) {
      expect((await app.http().get(url)).status).toBe(404);
    }
  });

  it('does not hand the chunk to a site off the allow-list', async () => {
    const [chunk] = manifest().chunks;
    const response = await app.http().get(`/live-chat/widget/assets/${chunk}`).set('Origin', OTHER);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('CORS of the widget API (the widget runs on the company\'s site, not on Strapi\'s origin)', () => {
  it('answers the browser\'s preflight and the request for an allowed site', async () => {
    const preflight = await app
      .http()
      .options('/live-chat/widget/flow')
      .set('Origin', SITE)
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'authorization,content-type');
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(SITE);
    expect(preflight.headers['access-control-allow-headers']).toMatch(/Authorization/i);

    const session = await app.http().post('/live-chat/widget/session').set('Origin', SITE).send({ language: 'sv' });
    expect(session.status).toBe(200);
    expect(session.headers['access-control-allow-origin']).toBe(SITE);
    expect(session.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('refuses pages of other sites, as the visitor socket does (LIVE_CHAT_WIDGET_ORIGINS)', async () => {
    for (const route of ['session', 'flow', 'identify']) {
      const response = await app.http().post(`/live-chat/widget/${route}`).set('Origin', OTHER).send({});
      expect({ route, status: response.status }).toEqual({ route, status: 403 });
      // The reason survives Strapi's route authorizer, which would otherwise answer a bare "Forbidden".
      expect(response.body.error).toMatchObject({ status: 403, name: 'ForbiddenError', message: expect.stringContaining('LIVE_CHAT_WIDGET_ORIGINS') });
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
    }
    // A look-alike host is another site.
    expect((await app.http().post('/live-chat/widget/session').set('Origin', 'https://shop.example.evil.example').send({})).status).toBe(403);
  });
});

describe('POST /live-chat/widget/identify (LiveChat.identify)', () => {
  it('stores the name and email on the visitor, so the inbox shows who it is', async () => {
    const token = await visitorToken(app);
    const response = await app.http().post('/live-chat/widget/identify').set(bearer(token)).send({ name: 'Jane Roe', email: 'Jane@Example.com' });
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({ name: 'Jane Roe', email: 'jane@example.com' });
    const visitor = await app.strapi.db.query('plugin::live-chat.visitor').findOne({ where: { name: 'Jane Roe' } });
    expect(visitor.email).toBe('jane@example.com');

    // One field at a time leaves the other as it was.
    const renamed = await app.http().post('/live-chat/widget/identify').set(bearer(token)).send({ name: 'Jane R.' });
    expect(renamed.body.data).toEqual({ name: 'Jane R.', email: 'jane@example.com' });
  });

  it('answers 400 with field errors for bad input, and 401 without a visitor token', async () => {
    const token = await visitorToken(app);
    const cases: Array<[unknown, string]> = [
      [{ email: 'not-an-email' }, 'email'],
      [{ name: 'x'.repeat(201) }, 'name'],
      [{}, 'name'],
      [{ name: '   ' }, 'name'],
      [{ name: 'Jane', role: 'admin' }, ''],
      [{ name: 42 }, 'name'],
    ];
    for (const [body, field] of cases) {
      const response = await app.http().post('/live-chat/widget/identify').set(bearer(token)).send(body as object);
      expect({ body, status: response.status }).toEqual({ body, status: 400 });
      expect(response.body.error.name).toBe('ValidationError');
      const paths = response.body.error.details.errors.map((e: { path: string[] }) => e.path.join('.'));
      expect(paths).toContain(field);
    }
    const anonymous = await app.http().post('/live-chat/widget/identify').send({ name: 'Jane' });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error).toMatchObject({ name: 'UnauthorizedError', message: expect.stringContaining('visitor token is required') });
    expect((await app.http().post('/live-chat/widget/identify').set(bearer('forged.token.value')).send({ name: 'Jane' })).status).toBe(401);
  });
});
