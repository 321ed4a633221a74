import { connect, disconnectAll, listen, request, visitorToken } from '../harness/sockets';
import { bootStrapi, type TestApp } from '../harness/strapi';

/** F4: only pages of the configured sites may open the visitor socket. */
let app: TestApp;
let url: string;

beforeAll(async () => {
  app = await bootStrapi({ env: { LIVE_CHAT_WIDGET_ORIGINS: 'https://shop.example,https://www.shop.example' } });
  url = await listen(app);
});
afterAll(async () => {
  disconnectAll();
  await app.stop();
});

const from = (origin: string) => ({ extraHeaders: { Origin: origin } });

describe('visitor handshake origin allow-list', () => {
  it('accepts a page of an allowed site', async () => {
    const socket = await connect(url, 'visitor', await visitorToken(app), from('https://shop.example'));
    expect(await request(socket, 'conversation:get', {})).toEqual({ ok: true, data: null });
  });

  it('refuses a page of any other site, even with a valid token', async () => {
    const token = await visitorToken(app);
    await expect(connect(url, 'visitor', token, from('https://evil.example'))).rejects.toThrow('origin_not_allowed');
    await expect(connect(url, 'visitor', token, from('https://shop.example.evil.example'))).rejects.toThrow('origin_not_allowed');
  });
});
