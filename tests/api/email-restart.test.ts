import { createEmailOutboxRepository } from '../../plugins/live-chat/server/src/repositories/email-outbox';
import { bearer, createAgent } from '../harness/admin';
import { startConversation } from '../harness/fixtures';
import { startSmtp, type TestSmtp } from '../harness/smtp';
import { settle } from '../harness/sockets';
import { bootStrapi, type TestApp } from '../harness/strapi';

/**
 * G8: the outbox is stored state. An email queued before a restart is sent after it, once; a sent
 * email is not sent again by the next start; an email a process claimed and never finished (it
 * stopped mid-send) is marked failed, never resent (at most once).
 */
let smtp: TestSmtp;
let app: TestApp | null = null;

beforeAll(async () => {
  smtp = await startSmtp();
});
afterAll(async () => {
  await app?.stop();
  await smtp.stop();
});

jest.setTimeout(240_000);

// The first start sweeps once a minute at most, so nothing is sent before it stops.
const quiet = () => ({ ...smtp.env, LIVE_CHAT_WAIT_TIME_SWEEP_MS: '60000' });
const sweeping = () => ({ ...smtp.env, LIVE_CHAT_WAIT_TIME_SWEEP_MS: '200' });

it('sends an email queued before a restart once, and never again after the next one', async () => {
  app = await bootStrapi({ env: quiet() });
  const first = app;
  const ada = await createAgent(first, 'Ada');
  const session = await first.http().post('/live-chat/widget/session').send({ page: 'https://site.test/' });
  const token: string = session.body.data.token;
  await first.http().post('/live-chat/widget/identify').set(bearer(token)).send({ email: 'restart@example.com' });
  const visitor = await first.strapi.plugin('live-chat').service('visitors').fromToken(token);
  const record = await first.strapi.plugin('live-chat').service('conversations').start({ visitorId: visitor.id, waitTimeSeconds: 600 });
  await first.http().post(`/live-chat/conversations/${record.documentId}/close`).set(bearer(ada.token));
  expect((await first.http().post('/live-chat/widget/transcript').set(bearer(token)).send({})).status).toBe(200);

  // A second email, claimed by this process as if it stopped in the middle of sending it.
  const outbox = createEmailOutboxRepository(first.strapi);
  const other = await startConversation(first, {}, 600);
  const content = { recipientEmail: 'interrupted@example.com', locale: 'en', subject: 'Interrupted', htmlBody: '<p>x</p>', textBody: 'x' };
  await outbox.insert({ idempotencyKey: `transcript:${other.id}`, kind: 'transcript', state: 'pending', conversationId: other.id, recipientEmail: null, nextAttemptAt: new Date(Date.now() - 1000), content });
  const [claimed] = await outbox.listByConversation(other.id);
  expect(await outbox.claim(claimed.id, 'pending', new Date(), new Date(Date.now() + 50))).toBe(true);
  await first.stopKeepingData();
  expect(smtp.received).toHaveLength(0);

  app = await bootStrapi({ env: sweeping(), database: first.database, secrets: first.secrets });
  const [mail] = await smtp.waitFor('restart@example.com');
  expect(mail.subject).toBe('Your chat transcript');
  await settle(1000);
  const second = app;
  const rows = await createEmailOutboxRepository(second.strapi).listByConversation(record.id);
  expect(rows).toEqual([expect.objectContaining({ state: 'sent', attempts: 1 })]);
  const [interrupted] = await createEmailOutboxRepository(second.strapi).listByConversation(other.id);
  expect(interrupted).toMatchObject({ state: 'failed', attempts: 1 });
  // The same request again finds the sent transcript and queues nothing.
  expect((await second.http().post('/live-chat/widget/transcript').set(bearer(token)).send({})).status).toBe(200);
  await second.stopKeepingData();

  app = await bootStrapi({ env: sweeping(), database: second.database, secrets: second.secrets });
  await settle(1500);
  expect(smtp.to('restart@example.com')).toHaveLength(1);
  expect(smtp.to('interrupted@example.com')).toHaveLength(0);
});
