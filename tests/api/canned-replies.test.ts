import { uid } from '../../plugins/live-chat/shared/constants';
import type { CannedReply } from '../../plugins/live-chat/shared/contracts/canned-replies';
import { bearer, createAdmin, createAgent, type TestAdmin } from '../harness/admin';
import { startConversation } from '../harness/fixtures';
import { bootStrapi, type TestApp } from '../harness/strapi';

/**
 * G3: canned replies through the plugin's admin API: managed (CRUD per locale) by roles with "Manage
 * canned replies", read by agents, offered to the composer in the visitor's language; every bad
 * input a 4xx in Strapi's error shape that stores nothing.
 */
let app: TestApp;
let manager: TestAdmin;
let agent: TestAdmin;
let otherAgent: TestAdmin;
let nobody: TestAdmin;
let superAdmin: TestAdmin;

type Method = 'get' | 'post' | 'put' | 'delete';
const call = (who: TestAdmin, method: Method, path: string, body?: object) => {
  const request = app.http()[method](`/live-chat${path}`).set(bearer(who.token));
  return body === undefined ? request : request.send(body);
};
const fieldPaths = (body: { error: { details: { errors?: Array<{ path: string[] }> } } }) =>
  (body.error.details.errors ?? []).map((e) => e.path.join('.'));
const stored = () => app.strapi.db.query(uid('canned-reply')).count();

async function create(body: object, locale?: string): Promise<CannedReply> {
  const response = await call(manager, 'post', `/canned-replies${locale ? `?locale=${locale}` : ''}`, body);
  expect(response.status).toBe(201);
  return response.body.data;
}

beforeAll(async () => {
  app = await bootStrapi();
  await app.strapi.plugin('i18n').service('locales').create({ code: 'sv', name: 'Swedish (sv)' });
  await app.strapi.plugin('i18n').service('locales').create({ code: 'es', name: 'Spanish (es)' });
  manager = await createAdmin(app, ['manageCannedReplies'], 'Manager');
  agent = await createAgent(app, 'Ada');
  otherAgent = await createAgent(app, 'Bjorn');
  nobody = await createAdmin(app, ['managePlaybooks'], 'Nobody');
  superAdmin = await createAdmin(app, 'super', 'Super');
});
afterAll(async () => {
  await app.stop();
});

describe('managing canned replies (G3)', () => {
  it('creates, reads, lists, updates and deletes a reply in the default locale', async () => {
    const created = await create({ shortcut: 'hello', title: 'Greeting', body: 'Hi {visitor.name}, I am {agent.name}.' });
    expect(created).toMatchObject({ locale: 'en', shortcut: 'hello', title: 'Greeting', body: 'Hi {visitor.name}, I am {agent.name}.', locales: ['en'] });

    const one = await call(manager, 'get', `/canned-replies/${created.documentId}`);
    expect(one.status).toBe(200);
    expect(one.body.data).toEqual(created);

    const list = await call(manager, 'get', '/canned-replies');
    expect(list.status).toBe(200);
    expect(list.body.data.map((r: CannedReply) => r.shortcut)).toContain('hello');
    expect(list.body.meta).toMatchObject({ locale: 'en', defaultLocale: 'en' });
    expect(list.body.meta.locales.map((l: { code: string }) => l.code)).toEqual(['en', 'es', 'sv']);

    const updated = await call(manager, 'put', `/canned-replies/${created.documentId}`, { title: 'Hello there', shortcut: 'hi' });
    expect(updated.status).toBe(200);
    expect(updated.body.data).toMatchObject({ shortcut: 'hi', title: 'Hello there', body: created.body });

    const removed = await call(manager, 'delete', `/canned-replies/${created.documentId}`);
    expect(removed.status).toBe(200);
    expect(removed.body.data).toEqual({ documentId: created.documentId, locales: ['en'] });
    expect((await call(manager, 'get', `/canned-replies/${created.documentId}`)).status).toBe(404);
    expect((await call(manager, 'delete', `/canned-replies/${created.documentId}`)).status).toBe(404);
  });

  it('keeps a copy per locale: its own shortcut, title and text; deleting one copy keeps the others', async () => {
    const reply = await create({ shortcut: 'thanks', title: 'Thanks', body: 'Thank you for waiting!' });
    // A copy is created by writing the reply in another locale: every field is needed then.
    const partial = await call(manager, 'put', `/canned-replies/${reply.documentId}?locale=sv`, { title: 'Tack' });
    expect(partial.status).toBe(400);
    expect(fieldPaths(partial.body).sort()).toEqual(['body', 'shortcut']);
    const copy = await call(manager, 'put', `/canned-replies/${reply.documentId}?locale=sv`, { shortcut: 'tack', title: 'Tack', body: 'Tack för att du väntade!' });
    expect(copy.status).toBe(201);
    expect(copy.body.data).toMatchObject({ documentId: reply.documentId, locale: 'sv', shortcut: 'tack', locales: ['en', 'sv'] });

    const swedish = await call(agent, 'get', '/canned-replies?locale=sv');
    expect(swedish.body.data.map((r: CannedReply) => [r.shortcut, r.body])).toEqual([['tack', 'Tack för att du väntade!']]);
    expect(swedish.body.meta.locale).toBe('sv');
    expect((await call(agent, 'get', `/canned-replies/${reply.documentId}?locale=es`)).status).toBe(404);
    // The English copy is untouched.
    expect((await call(agent, 'get', `/canned-replies/${reply.documentId}`)).body.data).toMatchObject({ shortcut: 'thanks', locales: ['en', 'sv'] });

    const removed = await call(manager, 'delete', `/canned-replies/${reply.documentId}?locale=sv`);
    expect(removed.body.data).toEqual({ documentId: reply.documentId, locales: ['sv'] });
    expect((await call(agent, 'get', `/canned-replies/${reply.documentId}`)).body.data.locales).toEqual(['en']);
    await call(manager, 'delete', `/canned-replies/${reply.documentId}`);
  });

  it('answers 409 naming the shortcut when another reply in the same locale uses it; other locales may', async () => {
    const first = await create({ shortcut: 'pricing', title: 'Prices', body: 'See our prices.' });
    const before = await stored();
    const duplicate = await call(manager, 'post', '/canned-replies', { shortcut: 'pricing', title: 'Again', body: 'Again' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({ data: null, error: { status: 409, details: { code: 'shortcut_taken' } } });
    expect(fieldPaths(duplicate.body)).toEqual(['shortcut']);
    expect(await stored()).toBe(before);

    const second = await create({ shortcut: 'hours', title: 'Hours', body: 'We are open 9-17.' });
    const renamed = await call(manager, 'put', `/canned-replies/${second.documentId}`, { shortcut: 'pricing' });
    expect(renamed.status).toBe(409);
    expect((await call(manager, 'get', `/canned-replies/${second.documentId}`)).body.data.shortcut).toBe('hours');
    // Its own shortcut again is no conflict; the same shortcut in Swedish is another locale's.
    expect((await call(manager, 'put', `/canned-replies/${first.documentId}`, { shortcut: 'pricing' })).status).toBe(200);
    await create({ shortcut: 'pricing', title: 'Priser', body: 'Se våra priser.' }, 'sv');

    // Two saves of the same new shortcut at once: the unique index lets one through.
    const racing = await Promise.all(
      [1, 2, 3].map((n) => call(manager, 'post', '/canned-replies', { shortcut: 'race', title: `Race ${n}`, body: 'Go' })),
    );
    expect(racing.map((r) => r.status).sort()).toEqual([201, 409, 409]);
  });

  it('refuses bad input with a 400 naming each field, and stores nothing', async () => {
    const before = await stored();
    const cases: Array<[object, string[]]> = [
      [{}, ['shortcut', 'title', 'body']],
      [{ shortcut: 'Has Caps', title: 'x', body: 'x' }, ['shortcut']],
      [{ shortcut: 'with space', title: 'x', body: 'x' }, ['shortcut']],
      [{ shortcut: '-dash', title: 'x', body: 'x' }, ['shortcut']],
      [{ shortcut: 'x'.repeat(33), title: 'x', body: 'x' }, ['shortcut']],
      [{ shortcut: 'ok', title: '   ', body: 'x' }, ['title']],
      [{ shortcut: 'ok', title: 'x'.repeat(121), body: 'x' }, ['title']],
      [{ shortcut: 'ok', title: 'x', body: 'x'.repeat(5001) }, ['body']],
      [{ shortcut: 'ok', title: 'x', body: 'Hi {visitor.nmae}' }, ['body']],
      [{ shortcut: 'ok', title: 'x', body: 42 }, ['body']],
      [{ shortcut: 'ok', title: 'x', body: 'x', extra: true }, ['']],
      [{ shortcut: 'ok', title: 'x\u0000', body: 'x' }, ['title']],
    ];
    for (const [body, paths] of cases) {
      const response = await call(manager, 'post', '/canned-replies', body);
      expect({ body, status: response.status }).toEqual({ body, status: 400 });
      expect(response.body).toMatchObject({ data: null, error: { status: 400, name: 'ValidationError' } });
      expect(fieldPaths(response.body).sort()).toEqual(paths.sort());
    }
    const unknownLocale = await call(manager, 'post', '/canned-replies?locale=xx', { shortcut: 'ok', title: 'x', body: 'x' });
    expect(unknownLocale.status).toBe(400);
    expect(fieldPaths(unknownLocale.body)).toEqual(['locale']);
    expect((await call(manager, 'get', '/canned-replies?locale=<script>')).status).toBe(400);
    expect((await call(manager, 'get', '/canned-replies?other=1')).status).toBe(400);
    expect((await call(manager, 'get', '/canned-replies/NOT-AN-ID')).status).toBe(400);
    expect((await call(manager, 'put', '/canned-replies/abc123', {})).status).toBe(400);
    expect((await call(manager, 'put', '/canned-replies/abc123', { title: 'x' })).status).toBe(404);
    expect(await stored()).toBe(before);
  });
});

describe('who may do what (G3)', () => {
  it('lets agents read but not write, managers write without the inbox, and nobody else read', async () => {
    const reply = await create({ shortcut: 'perm', title: 'Permissions', body: 'Checked.' });
    const body = { shortcut: 'perm-2', title: 'x', body: 'x' };
    for (const reader of [agent, manager, superAdmin]) {
      expect((await call(reader, 'get', '/canned-replies')).status).toBe(200);
      expect((await call(reader, 'get', `/canned-replies/${reply.documentId}`)).status).toBe(200);
    }
    const before = await stored();
    expect((await call(agent, 'post', '/canned-replies', body)).status).toBe(403);
    expect((await call(agent, 'put', `/canned-replies/${reply.documentId}`, { title: 'Mine now' })).status).toBe(403);
    expect((await call(agent, 'delete', `/canned-replies/${reply.documentId}`)).status).toBe(403);
    for (const path of ['/canned-replies', `/canned-replies/${reply.documentId}`]) {
      const response = await call(nobody, 'get', path);
      expect(response.status).toBe(403);
      expect(response.body).toMatchObject({ data: null, error: { status: 403 } });
    }
    expect((await app.http().get('/live-chat/canned-replies')).status).toBe(401);
    expect(await stored()).toBe(before);
    expect((await call(agent, 'get', `/canned-replies/${reply.documentId}`)).body.data.title).toBe('Permissions');
    // The super admin holds every action.
    expect((await call(superAdmin, 'put', `/canned-replies/${reply.documentId}`, { title: 'By the super admin' })).status).toBe(200);
    // The manager's "me" says so; the agent's does not.
    expect((await call(manager, 'get', '/me')).body.data.permissions).toMatchObject({ manageCannedReplies: true, useInbox: false });
    expect((await call(agent, 'get', '/me')).body.data.permissions).toMatchObject({ manageCannedReplies: false, useInbox: true });
    await call(manager, 'delete', `/canned-replies/${reply.documentId}`);
  });

  it('is not reachable through the Content Manager, even by a super admin', async () => {
    const reply = await create({ shortcut: 'cm', title: 'CM', body: 'Not here.' });
    const cm = `/content-manager/collection-types/${uid('canned-reply')}`;
    expect((await app.http().get(cm).set(bearer(superAdmin.token))).status).toBe(403);
    expect((await app.http().get(`${cm}/${reply.documentId}`).set(bearer(superAdmin.token))).status).toBe(403);
    expect((await app.http().post(cm).set(bearer(superAdmin.token)).send({ shortcut: 'cm-2', title: 'x', body: 'x' })).status).toBe(403);
    await call(manager, 'delete', `/canned-replies/${reply.documentId}`);
  });
});

describe('the composer list (G3, E5, B6)', () => {
  it("offers each reply once: in the visitor's language when it has a copy in it, else the default locale's", async () => {
    for (const id of (await call(manager, 'get', '/canned-replies')).body.data.map((r: CannedReply) => r.documentId)) {
      await call(manager, 'delete', `/canned-replies/${id}`);
    }
    for (const id of (await call(manager, 'get', '/canned-replies?locale=sv')).body.data.map((r: CannedReply) => r.documentId)) {
      await call(manager, 'delete', `/canned-replies/${id}`);
    }
    const both = await create({ shortcut: 'welcome', title: 'Welcome', body: 'Welcome, {visitor.name}!' });
    await call(manager, 'put', `/canned-replies/${both.documentId}?locale=sv`, { shortcut: 'valkommen', title: 'Välkommen', body: 'Välkommen, {visitor.name}!' });
    await create({ shortcut: 'bye', title: 'Bye', body: 'Goodbye!' });
    await create({ shortcut: 'svenska', title: 'Bara svenska', body: 'Endast på svenska.' }, 'sv');

    const swede = await startConversation(app, { name: 'Sven' });
    await app.strapi.db.query(uid('visitor')).update({ where: { id: swede.visitorId }, data: { language: 'sv-SE' } });
    const inSwedish = await call(agent, 'get', `/conversations/${swede.documentId}/canned-replies`);
    expect(inSwedish.status).toBe(200);
    expect(inSwedish.body.meta).toEqual({ language: 'sv-SE', defaultLocale: 'en' });
    expect(inSwedish.body.data.map((r: CannedReply) => [r.shortcut, r.locale])).toEqual([
      ['bye', 'en'],
      ['svenska', 'sv'],
      ['valkommen', 'sv'],
    ]);
    expect(inSwedish.body.data[2]).toEqual({ documentId: both.documentId, locale: 'sv', shortcut: 'valkommen', title: 'Välkommen', body: 'Välkommen, {visitor.name}!' });

    const other = await startConversation(app, { name: 'Pat' });
    await app.strapi.db.query(uid('visitor')).update({ where: { id: other.visitorId }, data: { language: 'de' } });
    const inEnglish = await call(agent, 'get', `/conversations/${other.documentId}/canned-replies`);
    expect(inEnglish.body.data.map((r: CannedReply) => [r.shortcut, r.locale])).toEqual([
      ['bye', 'en'],
      ['welcome', 'en'],
    ]);

    // B6: a chat assigned to another agent is not there for this one; the inbox permission is needed.
    await call(otherAgent, 'post', `/conversations/${other.documentId}/assign`);
    expect((await call(agent, 'get', `/conversations/${other.documentId}/canned-replies`)).status).toBe(404);
    expect((await call(otherAgent, 'get', `/conversations/${other.documentId}/canned-replies`)).status).toBe(200);
    expect((await call(manager, 'get', `/conversations/${swede.documentId}/canned-replies`)).status).toBe(403);
    expect((await call(agent, 'get', '/conversations/nosuchconversation1/canned-replies')).status).toBe(404);
  });
});
