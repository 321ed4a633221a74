import { uid } from '../../plugins/live-chat/shared/constants';
import { bearer, type TestAdmin } from '../harness/admin';
import { bootStrapi, type TestApp } from '../harness/strapi';
import { publishLiveChatPlaybook } from '../harness/widget-page';

/**
 * A5: the widget's loader reports the page it runs on as the page loads, so a playbook counts as
 * embedded (its Live Chat card online) before any visitor opens the chat; no visitor is created.
 */
let app: TestApp;
let owner: TestAdmin;
let playbookId: string;
const SITE = 'https://shop.example.com';

beforeAll(async () => {
  app = await bootStrapi({ env: { LIVE_CHAT_WIDGET_ORIGINS: SITE } });
  ({ documentId: playbookId, owner } = await publishLiveChatPlaybook(app));
});
afterAll(async () => {
  await app.stop();
});

const report = (body: object, origin = SITE) =>
  app.http().post('/live-chat/widget/installations').set('Origin', origin).send(body);
const playbook = async () => (await app.http().get(`/live-chat/playbooks/${playbookId}`).set(bearer(owner.token))).body.data;

describe('A5 the loader reports where it is installed', () => {
  it('starts as "offline only": no page has reported yet', async () => {
    expect((await playbook()).liveChat).toBe('offline_only');
  });

  it('records the page of a report (by the snippet\'s playbook id, or the page\'s playbook), without a visitor', async () => {
    const visitors = await app.strapi.db.query(uid('visitor')).count();
    const byId = await report({ playbookDocumentId: playbookId, page: `${SITE}/pricing?plan=pro` });
    expect(byId.status).toBe(204);
    expect(byId.headers['access-control-allow-origin']).toBe(SITE);
    // The template playbook targets every page (/*): a page without data-playbook finds it.
    expect((await report({ page: `${SITE}/blog/hello` })).status).toBe(204);

    const detail = await playbook();
    expect(detail.installations.map((row: { origin: string; path: string }) => [row.origin, row.path]).sort()).toEqual([
      [SITE, '/blog/hello'],
      [SITE, '/pricing'],
    ]);
    expect(detail.liveChat).toBe('online');
    expect(await app.strapi.db.query(uid('visitor')).count()).toBe(visitors);
  });

  it('refreshes a page already known instead of adding it twice', async () => {
    expect((await report({ page: `${SITE}/pricing` })).status).toBe(204);
    expect((await playbook()).installations.filter((row: { path: string }) => row.path === '/pricing')).toHaveLength(1);
  });

  it('answers bad reports with a 4xx in Strapi\'s error shape', async () => {
    const unknown = await report({ playbookDocumentId: 'nosuchplaybook', page: `${SITE}/x` });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({ status: 404, name: 'NotFoundError' });
    const notHttp = await report({ page: 'javascript:alert(1)' });
    expect(notHttp.status).toBe(400);
    expect(notHttp.body.error.details.errors[0].path).toEqual(['page']);
    expect((await report({ page: `${SITE}/x`, extra: true })).status).toBe(400);
    expect((await report({})).status).toBe(400);
    const offList = await report({ page: 'https://evil.example/x' }, 'https://evil.example');
    expect(offList.status).toBe(403);
    expect(offList.headers['access-control-allow-origin']).toBeUndefined();
    expect((await playbook()).installations.some((row: { origin: string }) => row.origin === 'https://evil.example')).toBe(false);
  });
});
