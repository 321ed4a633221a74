import type { Socket } from 'socket.io-client';
import { EMAIL_OUTBOX_TABLE } from '../../plugins/live-chat/server/src/migrations/email-outbox';
import { createEmailOutboxRepository } from '../../plugins/live-chat/server/src/repositories/email-outbox';
import { bearer, createAdmin, createAgent, type TestAdmin } from '../harness/admin';
import { startConversation } from '../harness/fixtures';
import { startSmtp, type TestSmtp } from '../harness/smtp';
import { connect, disconnectAll, listen, request, settle } from '../harness/sockets';
import { bootStrapi, type TestApp } from '../harness/strapi';

/**
 * G8 through a real SMTP server: Strapi's nodemailer provider (config/plugins.ts) sends to the
 * `smtp-server` package on 127.0.0.1; the plugin's outbox worker runs on the sweeper's timer.
 */
let app: TestApp;
let smtp: TestSmtp;
let baseUrl: string;
let ada: TestAdmin;
let owner: TestAdmin;
let counter = 0;

const FOLLOW_UP_DELAY_SECONDS = 1;

beforeAll(async () => {
  smtp = await startSmtp();
  app = await bootStrapi({ env: { ...smtp.env, LIVE_CHAT_EMAIL_RETRY_MS: '300', LIVE_CHAT_WAIT_TIME_SWEEP_MS: '200' } });
  baseUrl = await listen(app);
  ada = await createAgent(app, 'Ada');
  owner = await createAdmin(app, ['manageNotificationSettings'], 'Owner');
  const saved = await app
    .http()
    .put('/live-chat/settings/email')
    .set(bearer(owner.token))
    .send({ followUpDelaySeconds: FOLLOW_UP_DELAY_SECONDS, teamAddress: 'Team@Site.test' });
  expect(saved.status).toBe(200);
});
afterAll(async () => {
  disconnectAll();
  await app.stop();
  await smtp.stop();
});

const outboxRows = (conversationId: number) => createEmailOutboxRepository(app.strapi).listByConversation(conversationId);

/** A visitor as the widget makes one: a session on a page, identified with an email, in a chat with a first message. */
async function visitorInChat(email: string, language = 'en') {
  counter += 1;
  const session = await app.http().post('/live-chat/widget/session').send({ page: 'https://site.test/pricing?plan=pro', language });
  const token: string = session.body.data.token;
  expect((await app.http().post('/live-chat/widget/identify').set(bearer(token)).send({ name: 'Vera <b>Visitor</b>', email })).status).toBe(200);
  const socket = await connect(baseUrl, 'visitor', token);
  const started = await request<{ documentId: string }>(socket, 'conversation:start', {});
  if (!started.ok) throw new Error(JSON.stringify(started));
  const documentId = started.data.documentId;
  const sent = await request(socket, 'message:send', { clientId: `visitor-${counter}-0001`, body: 'Hello, is the **pro** plan <script>x</script> monthly?' });
  expect(sent.ok).toBe(true);
  const row = await app.strapi.db.query('plugin::live-chat.conversation').findOne({ where: { documentId }, select: ['id'] });
  return { token, socket, documentId, id: row.id as number };
}

async function agentReplies(documentId: string, body: string, extra: object = {}) {
  counter += 1;
  const response = await app
    .http()
    .post(`/live-chat/conversations/${documentId}/messages`)
    .set(bearer(ada.token))
    .send({ clientId: `agent-${counter}-0001`, body, ...extra });
  expect(response.status).toBe(201);
}

async function assignAndReply(documentId: string, body: string) {
  expect((await app.http().post(`/live-chat/conversations/${documentId}/assign`).set(bearer(ada.token))).status).toBe(200);
  await agentReplies(documentId, body);
}

describe('G8 transcript by email', () => {
  it('sends the transcript the visitor asked for at the close: localized, escaped, without internal notes, text and HTML', async () => {
    const chat = await visitorInChat('vera.transcript@example.com', 'sv');
    await assignAndReply(chat.documentId, 'Yes, see [our prices](https://site.test/prices)');
    await agentReplies(chat.documentId, 'VIP customer, secret note', { audience: 'agents' });

    const asked = await app.http().post('/live-chat/widget/transcript').set(bearer(chat.token)).send({});
    expect(asked.status).toBe(200);
    expect(asked.body.data).toEqual({ requested: true, email: 'vera.transcript@example.com' });
    // Asking twice stores one request.
    expect((await app.http().post('/live-chat/widget/transcript').set(bearer(chat.token)).send({ requested: true })).status).toBe(200);
    await settle(600);
    expect(smtp.to('vera.transcript@example.com')).toHaveLength(0);

    expect((await app.http().post(`/live-chat/conversations/${chat.documentId}/close`).set(bearer(ada.token))).status).toBe(200);
    const [mail] = await smtp.waitFor('vera.transcript@example.com');
    expect(mail.subject).toBe('Utskrift av din chatt');
    expect(mail.from).toContain('chat@site.test');
    expect(mail.text).toContain('Hello, is the pro plan <script>x</script> monthly?');
    expect(mail.text).toContain('Yes, see our prices');
    expect(mail.html).toContain('<strong>pro</strong>');
    expect(mail.html).toContain('href="https://site.test/prices"');
    expect(mail.html).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(mail.html).not.toContain('<script>');
    for (const part of [mail.text, mail.html]) expect(part).not.toContain('secret note');

    await settle(800);
    expect(smtp.to('vera.transcript@example.com')).toHaveLength(1);
    const rows = await outboxRows(chat.id);
    expect(rows).toEqual([expect.objectContaining({ kind: 'transcript', state: 'sent', attempts: 1, recipientEmail: 'vera.transcript@example.com', locale: 'sv' })]);
  });

  it('sends at once when asked on the closed-chat screen, and refuses without an email address', async () => {
    const chat = await visitorInChat('vera.closed@example.com');
    await app.http().post(`/live-chat/conversations/${chat.documentId}/close`).set(bearer(ada.token));
    expect((await app.http().post('/live-chat/widget/transcript').set(bearer(chat.token)).send({})).status).toBe(200);
    const [mail] = await smtp.waitFor('vera.closed@example.com');
    expect(mail.subject).toBe('Your chat transcript');

    const anonymous = (await app.http().post('/live-chat/widget/session').send({})).body.data.token as string;
    const socket = await connect(baseUrl, 'visitor', anonymous);
    await request(socket, 'conversation:start', {});
    const refused = await app.http().post('/live-chat/widget/transcript').set(bearer(anonymous)).send({});
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.errors).toEqual([expect.objectContaining({ path: ['email'] })]);
    // A capture card's answer (kept in the visitor's flow state) is an email too.
    const visitor = await app.strapi.plugin('live-chat').service('visitors').fromToken(anonymous);
    await app.strapi.db.query('plugin::live-chat.visitor').update({ where: { id: visitor.id }, data: { flow: { state: { answers: { email: 'Captured@Example.com' } } } } });
    const captured = await app.http().post('/live-chat/widget/transcript').set(bearer(anonymous)).send({});
    expect(captured.status).toBe(200);
    expect(captured.body.data.email).toBe('captured@example.com');
    expect((await app.http().post('/live-chat/widget/transcript').send({})).status).toBe(401);
    expect((await app.http().post('/live-chat/widget/transcript').set(bearer(anonymous)).send({ requested: 'yes' })).status).toBe(400);
  });
});

describe('G8 follow-up of unseen replies', () => {
  it('emails the replies once after the visitor left, with a signed link that reopens the chat', async () => {
    const chat = await visitorInChat('vera.away@example.com', 'it');
    chat.socket.disconnect();
    await settle(200);
    await assignAndReply(chat.documentId, 'First answer');
    await agentReplies(chat.documentId, 'Second answer');

    const [mail] = await smtp.waitFor('vera.away@example.com');
    expect(mail.subject).toBe('Hai una nuova risposta');
    expect(mail.text).toContain('First answer');
    expect(mail.text).toContain('Second answer');
    expect(mail.text).not.toContain('Hello, is the');
    const link = /https:\/\/site\.test\/pricing\?plan=pro&livechat=([\w.-]+)/.exec(mail.text)?.[1];
    expect(link).toBeDefined();
    expect(mail.text).not.toContain(chat.token);

    // The link is exchanged for a session of the same visitor, in the same conversation.
    const resumed = await app.http().post('/live-chat/widget/resume').send({ link });
    expect(resumed.status).toBe(200);
    expect(resumed.body.data.conversation.documentId).toBe(chat.documentId);
    const socket = await connect(baseUrl, 'visitor', resumed.body.data.token);
    const synced = await request<{ entries: Array<{ body: string | null }> }>(socket, 'sync', { afterSeq: 0 });
    expect(synced.ok && synced.data.entries.map((entry) => entry.body)).toEqual(expect.arrayContaining(['First answer', 'Second answer']));
    socket.disconnect();

    // A forged or altered link gets nothing.
    const forged = `${link!.split('.')[0]}.${'A'.repeat(43)}`;
    expect((await app.http().post('/live-chat/widget/resume').send({ link: forged })).status).toBe(401);
    expect((await app.http().post('/live-chat/widget/resume').send({ link: chat.token })).status).toBe(401);

    await settle((FOLLOW_UP_DELAY_SECONDS + 1) * 1000);
    expect(smtp.to('vera.away@example.com')).toHaveLength(1);
    const rows = await outboxRows(chat.id);
    expect(rows.filter((row) => row.kind === 'followup')).toEqual([expect.objectContaining({ state: 'sent', upToSeq: expect.any(Number) })]);
  });

  it('sends nothing while the visitor is still there, and only the new replies after they left', async () => {
    const chat = await visitorInChat('vera.here@example.com');
    await assignAndReply(chat.documentId, 'Answer while you are here');
    await settle((FOLLOW_UP_DELAY_SECONDS + 1.5) * 1000);
    expect(smtp.to('vera.here@example.com')).toHaveLength(0);
    expect((await outboxRows(chat.id)).filter((row) => row.kind === 'followup')).toEqual([]);

    // The visitor read it, then left; a later reply is the only one emailed.
    const conversation = await app.strapi.db.query('plugin::live-chat.conversation').findOne({ where: { id: chat.id } });
    expect((await request(chat.socket, 'read', { seq: conversation.lastMessageSeq })).ok).toBe(true);
    chat.socket.disconnect();
    await settle(200);
    await agentReplies(chat.documentId, 'Answer after you left');
    const [mail] = await smtp.waitFor('vera.here@example.com');
    expect(mail.text).toContain('Answer after you left');
    expect(mail.text).not.toContain('Answer while you are here');
  });
});

describe('G8 missed chat notice (B9)', () => {
  it("sends the team's address the transcript of a missed chat with a captured email, once", async () => {
    const { id } = await startConversation(app, { name: 'Mia Missed', email: 'mia@example.com' }, 10);
    const sweeper = app.strapi.plugin('live-chat').service('wait-time');
    await sweeper.sweep(new Date(Date.now() + 11_000));
    const [mail] = await smtp.waitFor('team@site.test');
    expect(mail.subject).toBe('Missed chat from Mia Missed');
    expect(mail.text).toContain('mia@example.com');
    await sweeper.sweep(new Date(Date.now() + 20_000));
    await settle(600);
    expect(smtp.to('team@site.test')).toHaveLength(1);
    expect((await outboxRows(id)).map((row) => row.kind)).toEqual(['missed']);

    // Without an email, no notice.
    const anonymous = await startConversation(app, {}, 10);
    await sweeper.sweep(new Date(Date.now() + 11_000));
    await settle(600);
    expect(await outboxRows(anonymous.id)).toEqual([]);
  });
});

describe('G8 delivery', () => {
  it('retries with backoff when the provider refuses, then sends once', async () => {
    smtp.refuseNext('flaky@example.com', 2);
    const chat = await visitorInChat('flaky@example.com');
    await app.http().post(`/live-chat/conversations/${chat.documentId}/close`).set(bearer(ada.token));
    await app.http().post('/live-chat/widget/transcript').set(bearer(chat.token)).send({});
    await smtp.waitFor('flaky@example.com', 1, 20_000);
    const [row] = await outboxRows(chat.id);
    expect(row).toMatchObject({ state: 'sent', attempts: 3 });
    await settle(1000);
    expect(smtp.to('flaky@example.com')).toHaveLength(1);
  });

  it('lets one of two claims of the same email win', async () => {
    const outbox = createEmailOutboxRepository(app.strapi);
    const { id } = await startConversation(app, {}, 600);
    const content = { recipientEmail: 'race@example.com', locale: 'en', subject: 's', htmlBody: '<p>h</p>', textBody: 't' };
    const past = new Date(Date.now() - 1000);
    // The sweep must not take it first: insert as waiting, then claim it twice at once.
    expect(await outbox.insert({ idempotencyKey: `race:${id}`, kind: 'transcript', state: 'waiting', conversationId: id, recipientEmail: null, nextAttemptAt: past, content })).toBe(true);
    expect(await outbox.insert({ idempotencyKey: `race:${id}`, kind: 'transcript', state: 'pending', conversationId: id, recipientEmail: null, nextAttemptAt: past, content })).toBe(false);
    const [row] = await outboxRows(id);
    const claims = await Promise.all([1, 2, 3].map(() => outbox.claim(row.id, 'waiting', new Date(), new Date(Date.now() + 60_000))));
    expect(claims.filter(Boolean)).toHaveLength(1);
    await app.strapi.db.connection(EMAIL_OUTBOX_TABLE).where({ id: row.id }).delete();
  });
});

describe('G8 email settings', () => {
  it('reads and changes the settings with the notification settings permission only', async () => {
    const read = await app.http().get('/live-chat/settings/email').set(bearer(owner.token));
    expect(read.status).toBe(200);
    expect(read.body.data).toMatchObject({ followUpDelaySeconds: FOLLOW_UP_DELAY_SECONDS, teamAddress: 'team@site.test', transcriptsEnabled: true });
    expect((await app.http().get('/live-chat/settings/email').set(bearer(ada.token))).status).toBe(403);
    expect((await app.http().put('/live-chat/settings/email').set(bearer(ada.token)).send({ followUpsEnabled: false })).status).toBe(403);
    expect((await app.http().get('/live-chat/settings/email')).status).toBe(401);
  });

  it('refuses bad settings with 400 and field errors, and keeps the stored ones', async () => {
    const bad = await app
      .http()
      .put('/live-chat/settings/email')
      .set(bearer(owner.token))
      .send({ teamAddress: 'not an email', followUpDelaySeconds: 0, fromAddress: 'x@', transcriptsEnabled: 'yes', extra: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.name).toBe('ValidationError');
    const paths = (bad.body.error.details.errors as Array<{ path: string[] }>).map((error) => error.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['teamAddress', 'followUpDelaySeconds', 'fromAddress', 'transcriptsEnabled']));
    expect((await app.http().put('/live-chat/settings/email').set(bearer(owner.token)).send({ followUpDelaySeconds: 86_401 })).status).toBe(400);
    expect((await app.http().put('/live-chat/settings/email').set(bearer(owner.token)).send([])).status).toBe(400);
    const read = await app.http().get('/live-chat/settings/email').set(bearer(owner.token));
    expect(read.body.data).toMatchObject({ followUpDelaySeconds: FOLLOW_UP_DELAY_SECONDS, teamAddress: 'team@site.test' });
  });
});
