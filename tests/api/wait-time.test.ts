import { uid } from '../../plugins/live-chat/shared/constants';
import { bearer, createAgent, type TestAdmin } from '../harness/admin';
import { startConversation } from '../harness/fixtures';
import { bootStrapi, type TestApp } from '../harness/strapi';

/** B9: a stored wait deadline, swept on the server; a missed chat stays visible to agents. */
let app: TestApp;
let ada: TestAdmin;

beforeAll(async () => {
  app = await bootStrapi();
  ada = await createAgent(app, 'Ada');
});
afterAll(async () => {
  await app.stop();
});

const sweeper = () => app.strapi.plugin('live-chat').service('wait-time');
const later = (seconds: number) => new Date(Date.now() + seconds * 1000);

describe('B9 wait time', () => {
  it('marks a chat nobody took in time as missed, exactly once, with a timeline event', async () => {
    const { id, documentId } = await startConversation(app, {}, 10);
    expect(await sweeper().sweep(later(5))).toBe(0);
    // Two sweeps asked for at once mark it once (across processes the compare-and-set on missed_at decides).
    const [first, second] = await Promise.all([sweeper().sweep(later(11)), sweeper().sweep(later(12))]);
    expect(first + second).toBe(1);
    expect(await sweeper().sweep(later(20))).toBe(0);

    const detail = await app.http().get(`/live-chat/conversations/${documentId}`).set(bearer(ada.token));
    expect(detail.body.data).toMatchObject({ status: 'unassigned', missedAt: expect.any(String) });
    const timeline = await app.http().get(`/live-chat/conversations/${documentId}/messages`).set(bearer(ada.token));
    const missedEvents = timeline.body.data.filter((entry: { event: { type: string } | null }) => entry.event?.type === 'missed');
    expect(missedEvents).toHaveLength(1);
    expect(await app.strapi.db.query(uid('message')).count({ where: { conversation: id, kind: 'event' } })).toBe(2);
    const list = await app.http().get('/live-chat/conversations?folder=unassigned').set(bearer(ada.token));
    expect(list.body.data.find((row: { documentId: string }) => row.documentId === documentId)?.missedAt).toEqual(expect.any(String));
  });

  it('leaves a chat that was taken in time alone', async () => {
    const { documentId } = await startConversation(app, {}, 10);
    await app.http().post(`/live-chat/conversations/${documentId}/assign`).set(bearer(ada.token));
    expect(await sweeper().sweep(later(60))).toBe(0);
    const detail = await app.http().get(`/live-chat/conversations/${documentId}`).set(bearer(ada.token));
    expect(detail.body.data.missedAt).toBeNull();
  });

  it('a missed chat can still be taken by an agent', async () => {
    const { documentId } = await startConversation(app, {}, 10);
    await sweeper().sweep(later(30));
    const response = await app.http().post(`/live-chat/conversations/${documentId}/assign`).set(bearer(ada.token));
    expect(response.status).toBe(200);
  });
});
