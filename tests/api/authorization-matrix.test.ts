import { uid } from '../../plugins/live-chat/shared/constants';
import { bearer } from '../harness/admin';
import { disconnectAll, listen } from '../harness/sockets';
import { bootStrapi, type TestApp } from '../harness/strapi';
import { report, runCells, type Cell } from './authorization-matrix/cells';
import { coreCells } from './authorization-matrix/core-routes';
import { contentApiCells, pluginAdminCells, type MatrixContext } from './authorization-matrix/plugin-routes';
import { createPrincipals } from './authorization-matrix/principals';
import { socketCells } from './authorization-matrix/socket-events';
import { createWorld } from './authorization-matrix/world';
import { removeAllMedia } from '../harness/attachments';

/**
 * OWASP ASVS V4 (access control), SPEC A2, B6, B8, C1, C2, F1: every route Strapi's registry lists
 * for the plugin (admin, widget, content API), every Content Manager and other core door that names
 * a content type (asked about each type of the plugin), and every Socket.IO event, asked by each
 * principal (principals.ts) about objects each of them owns. Every cell's answer is written down
 * (rules.ts and the route tables); a route without a row fails, and so does any other answer.
 */
let app: TestApp;
let context: MatrixContext;
const families: Record<string, Cell[]> = {};
const missing: string[] = [];

beforeAll(async () => {
  app = await bootStrapi();
  const baseUrl = await listen(app);
  // A second locale: the playbook's copy, and Content Manager calls that name a target locale.
  await app.strapi.plugin('i18n').service('locales').create({ code: 'sv', name: 'Swedish' });
  const who = await createPrincipals(app);
  context = { app, baseUrl, who, world: await createWorld(app, who) };
  for (const [family, build] of Object.entries({ 'plugin admin': pluginAdminCells, 'content API': contentApiCells, 'core doors': coreCells })) {
    const built = build(context);
    families[family] = built.cells;
    missing.push(...built.missing);
  }
  families.sockets = socketCells(context);
}, 120_000);
afterAll(async () => {
  disconnectAll();
  await removeAllMedia(app);
  await app.stop();
});

describe('authorization matrix', () => {
  it('has a written-down answer for every route of the registry', () => {
    expect(missing).toEqual([]);
    expect(Object.values(families).every((cells) => cells.length > 0)).toBe(true);
  });

  it.each(['plugin admin', 'content API', 'core doors', 'sockets'])('%s: every cell answers as written', async (family) => {
    const wrong = await runCells(families[family]);
    expect(report(wrong)).toEqual([]);
  }, 360_000);
});

describe('A2, B6: the Content Manager and the plugin-only types', () => {
  const cm = (who: keyof MatrixContext['who']) => ({ ...bearer(context.who[who].bearer as string) });

  it("links no CRM record to a conversation: the Content Manager drops a lead's conversation", async () => {
    const created = await app
      .http()
      .post(`/content-manager/collection-types/${uid('lead')}`)
      .set(cm('editor'))
      .send({ title: 'Linked?', conversation: { connect: [context.world.chats.ofAgentA] } });
    expect(created.status).toBe(201);
    expect(created.body.data).not.toHaveProperty('conversation');
    const stored = await app.strapi.db.query(uid('lead')).findOne({ where: { documentId: created.body.data.documentId }, populate: ['conversation'] });
    expect(stored.conversation).toBeNull();
  });

  it('connects no card to a playbook, whoever asks', async () => {
    for (const who of ['editor', 'author', 'superAdmin'] as const) {
      const response = await app
        .http()
        .post(`/content-manager/collection-types/${uid('card')}`)
        .set(cm(who))
        .send({ kind: 'bot_message', position: 0, playbook: { connect: [context.world.playbook.documentId] } });
      expect(response.status).toBe(403);
      expect(response.body).toMatchObject({ data: null, error: { status: 403 } });
    }
    expect(await app.strapi.db.query(uid('card')).count({ where: { createdBy: { id: { $notNull: true } } } })).toBe(0);
  });
});
