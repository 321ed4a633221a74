import type { VisitorConversation } from '../../plugins/live-chat/shared/events';
import { bearer, createAdmin, type TestAdmin } from '../harness/admin';
import { connect, disconnectAll, listen, nextEvent, request, visitorToken } from '../harness/sockets';
import { bootStrapi, type TestApp } from '../harness/strapi';

/** A3 + B9 over the socket: the playbook's Live Chat card sets the wait time and the offline message. */
let app: TestApp;
let url: string;
let owner: TestAdmin;
let playbookId: string;

beforeAll(async () => {
  app = await bootStrapi();
  url = await listen(app);
  owner = await createAdmin(app, 'super', 'Owner');
  const created = await app.http().post('/live-chat/playbooks').set(bearer(owner.token)).send({ name: 'Site', template: 'live_chat' });
  playbookId = created.body.data.documentId;
  const liveChat = created.body.data.cards.find((card: { kind: string }) => card.kind === 'live_chat');
  const edit = await app
    .http()
    .put(`/live-chat/playbooks/${playbookId}/cards/${liveChat.documentId}`)
    .set(bearer(owner.token))
    .send({
      waitTimeSeconds: 45,
      offlineMessage: [{ type: 'paragraph', children: [{ type: 'text', text: 'We are away, leave your email.' }] }],
    });
  expect(edit.status).toBe(200);
  expect((await app.http().post(`/live-chat/playbooks/${playbookId}/publish`).set(bearer(owner.token))).status).toBe(200);
});
afterAll(async () => {
  disconnectAll();
  await app.stop();
});

describe('a chat started from a playbook', () => {
  it('waits for the Live Chat card\'s wait time, then sends the card\'s offline message once (B9)', async () => {
    const visitor = await connect(url, 'visitor', await visitorToken(app));
    const before = Date.now();
    const started = await request<VisitorConversation>(visitor, 'conversation:start', { playbookDocumentId: playbookId });
    expect(started.ok).toBe(true);
    if (!started.ok) return;
    const deadline = new Date(started.data.waitDeadlineAt as string).getTime();
    expect(deadline - before).toBeGreaterThanOrEqual(44_000);
    expect(deadline - before).toBeLessThan(47_000);

    const offline = nextEvent<{ offlineMessage: unknown }>(visitor, 'conversation:offline');
    await app.strapi.plugin('live-chat').service('wait-time').sweep(new Date(deadline + 1000));
    expect((await offline).offlineMessage).toEqual([
      { type: 'paragraph', children: [{ type: 'text', text: 'We are away, leave your email.' }] },
    ]);
  });

  it('refuses a playbook that is not published or does not exist', async () => {
    const visitor = await connect(url, 'visitor', await visitorToken(app));
    const draft = await app.http().post('/live-chat/playbooks').set(bearer(owner.token)).send({ name: 'Draft', template: 'live_chat' });
    for (const id of [draft.body.data.documentId, 'abcdefghijklmnopqrstuvwx']) {
      expect(await request(visitor, 'conversation:start', { playbookDocumentId: id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
  });
});
