import { uid } from '../../plugins/live-chat/shared/constants';
import { bootStrapi, type TestApp } from '../harness/strapi';

/** F4 on the widget's HTTP routes: per IP (a session creates a visitor row) and per visitor. */
let app: TestApp;

beforeAll(async () => {
  app = await bootStrapi();
});
afterAll(async () => {
  await app.stop();
});

describe('F4 widget HTTP rate limits', () => {
  /** Requests this file has sent from its one IP (127.0.0.1) so far: they share one budget. */
  let sentFromThisIp = 0;

  it('gives one visitor 30 widget steps in 5 s, shared with their socket events; the next is a 429', async () => {
    const session = await app.http().post('/live-chat/widget/session').send({});
    const token: string = session.body.data.token;
    const identify = () =>
      app.http().post('/live-chat/widget/identify').set({ Authorization: `Bearer ${token}` }).send({ name: 'Vera Visitor' });
    for (let i = 0; i < 30; i += 1) expect((await identify()).status).toBe(200);
    const refused = await identify();
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatchObject({ status: 429, name: 'RateLimitError' });
    sentFromThisIp += 32;
  });

  it('gives one IP 300 widget requests a minute; the next is a 429 in Strapi error shape and creates nothing', async () => {
    const before = await app.strapi.db.query(uid('visitor')).count();
    let accepted = 0;
    for (;;) {
      const response = await app.http().post('/live-chat/widget/session').send({});
      if (response.status !== 200) {
        expect(response.status).toBe(429);
        expect(response.body).toEqual({
          data: null,
          error: { status: 429, name: 'RateLimitError', message: 'Too many requests; try again shortly', details: {} },
        });
        expect(Number(response.headers['retry-after'])).toBeGreaterThanOrEqual(1);
        break;
      }
      accepted += 1;
      if (accepted > 300) throw new Error('no limit');
    }
    expect(accepted).toBe(300 - sentFromThisIp);
    expect(await app.strapi.db.query(uid('visitor')).count()).toBe(before + accepted);
  });
});
