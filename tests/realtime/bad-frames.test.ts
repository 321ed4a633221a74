import type { Socket } from 'socket.io-client';
import type { VisitorConversation } from '../../plugins/live-chat/shared/events';
import { createAgent } from '../harness/admin';
import { connect, disconnectAll, listen, request, visitorToken } from '../harness/sockets';
import { bootStrapi, type TestApp } from '../harness/strapi';

/** F4 on sockets: bad frames get error acks or refusals; the process and other clients carry on. */
let app: TestApp;
let url: string;
let visitor: Socket;
let bystander: Socket;

beforeAll(async () => {
  app = await bootStrapi();
  url = await listen(app);
  visitor = await connect(url, 'visitor', await visitorToken(app));
  bystander = await connect(url, 'visitor', await visitorToken(app));
  await request<VisitorConversation>(visitor, 'conversation:start', {});
  await request<VisitorConversation>(bystander, 'conversation:start', {});
});
afterAll(async () => {
  disconnectAll();
  await app.stop();
});

describe('bad frames and payloads', () => {
  it.each([
    ['message:send', null],
    ['message:send', 'just a string'],
    ['message:send', { clientId: 42, body: 'x' }],
    ['message:send', { clientId: 'ok-client-001', body: '' }],
    ['message:send', { clientId: 'ok-client-001', body: 'x'.repeat(5001) }],
    ['message:send', { clientId: 'ok-client-001', body: 'x', conversationId: 1 }],
    ['sync', { afterSeq: -1 }],
    ['sync', { afterSeq: '0' }],
    ['read', { seq: 1.5 }],
    // Seqs live in integer columns: past 2147483647 PostgreSQL refuses the comparison (F4).
    ['sync', { afterSeq: 2_147_483_648 }],
    ['read', { seq: 2_147_483_648 }],
    ['typing', { typing: 'yes' }],
  ])('%s %j → invalid_payload ack', async (event, payload) => {
    expect(await request(visitor, event, payload)).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
  });

  it('answers an unknown event with unknown_event', async () => {
    expect(await request(visitor, 'admin:drop-tables', {})).toMatchObject({ ok: false, error: { code: 'unknown_event' } });
  });

  it('drops a client that sends a frame over the size limit, and nobody else', async () => {
    const big = await connect(url, 'visitor', await visitorToken(app));
    const dropped = new Promise((resolve) => big.once('disconnect', resolve));
    big.emit('message:send', { clientId: 'huge-frame-0001', body: 'x'.repeat(200 * 1024) });
    await dropped;
    expect(await request(bystander, 'conversation:get', {})).toMatchObject({ ok: true });
  });

  it('rate-limits a flood from one visitor while others carry on', async () => {
    const flooder = await connect(url, 'visitor', await visitorToken(app));
    await request(flooder, 'conversation:start', {});
    const acks = await Promise.all(Array.from({ length: 80 }, () => request(flooder, 'typing', { typing: true })));
    const limited = acks.filter((ack) => !ack.ok && ack.error.code === 'rate_limited');
    expect(limited.length).toBeGreaterThan(0);
    expect(acks.filter((ack) => ack.ok).length).toBeGreaterThan(0);
    expect(await request(bystander, 'conversation:get', {})).toMatchObject({ ok: true });
  });

  it('keeps serving HTTP after all of it', async () => {
    expect((await app.http().get('/_health')).status).toBe(204);
    expect((await createAgent(app, 'After')).token).toEqual(expect.any(String));
  });
});
