import { bearer, createAgent, type TestAdmin } from '../harness/admin';
import { startConversation } from '../harness/fixtures';
import { bootStrapi, type TestApp } from '../harness/strapi';

/** Folder lists read a fixed, small number of queries whatever the page size (no N+1). */
let app: TestApp;
let ada: TestAdmin;

beforeAll(async () => {
  // The wait-time sweeper's own query must not land inside a measured request.
  app = await bootStrapi({ env: { LIVE_CHAT_WAIT_TIME_SWEEP_MS: '60000' } });
  ada = await createAgent(app, 'Ada');
  for (let i = 0; i < 30; i += 1) {
    const { documentId } = await startConversation(app, { name: `Visitor ${i}` });
    if (i % 3 === 0) await app.http().post(`/live-chat/conversations/${documentId}/assign`).set(bearer(ada.token));
  }
});
afterAll(async () => {
  await app.stop();
});

/** Queries on the plugin's tables issued while one request runs (auth's own queries not counted). */
async function pluginQueriesDuring(path: string): Promise<number> {
  // Listeners of earlier changes (notifications, webhooks) run after their requests; let them finish.
  await app.strapi.plugin('live-chat').service('event-bus').drain();
  const sqls: string[] = [];
  const listener = (query: { sql: string }) => sqls.push(query.sql);
  app.strapi.db.connection.on('query', listener);
  try {
    const response = await app.http().get(path).set(bearer(ada.token));
    expect(response.status).toBe(200);
  } finally {
    app.strapi.db.connection.off('query', listener);
  }
  const plugin = sqls.filter((sql) => sql.includes('live_chat_'));
  if (plugin.length > 3) console.log(path, plugin); // shows what leaked in when the count fails
  return plugin.length;
}

describe('folder list queries', () => {
  it.each(['unassigned', 'mine', 'closed'])('%s: the same ≤ 3 queries for 2 rows and for 25 rows', async (folder) => {
    const small = await pluginQueriesDuring(`/live-chat/conversations?folder=${folder}&limit=2`);
    const large = await pluginQueriesDuring(`/live-chat/conversations?folder=${folder}&limit=25`);
    expect(small).toBeGreaterThan(0); // the listener sees the list's own queries
    expect(small).toBeLessThanOrEqual(3);
    expect(large).toBe(small);
  });

  it('search and a next page cost no more', async () => {
    const first = await app.http().get('/live-chat/conversations?folder=unassigned&limit=5').set(bearer(ada.token));
    const next = await pluginQueriesDuring(`/live-chat/conversations?folder=unassigned&limit=5&cursor=${first.body.meta.nextCursor}`);
    expect(next).toBeLessThanOrEqual(3);
    expect(await pluginQueriesDuring('/live-chat/conversations?folder=unassigned&search=visitor%201')).toBeLessThanOrEqual(3);
  });
});
