import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WEBHOOK_EVENTS, uid } from '../../plugins/live-chat/shared/constants';
import type { TimelineEntry } from '../../plugins/live-chat/shared/contracts/conversations';
import { bearer, createAdmin, createAgent, createApiToken, type TestAdmin } from '../harness/admin';
import { bootStrapi, type TestApp } from '../harness/strapi';

/**
 * G2 over HTTP: the bot part of a chat (what the playbook showed, the button chosen, the capture
 * values) is recorded by the server as the flow advances and becomes the conversation's first
 * entries, in order, with their times, before "started"; once, whatever the retries; the same in the
 * inbox's API, the content API and the webhooks.
 */
let app: TestApp;
let owner: TestAdmin;
let agent: TestAdmin;
let playbookId: string;
let receiver: http.Server;
const deliveries: Array<Record<string, unknown> & { event: string }> = [];

const paragraph = (text: string) => [{ type: 'paragraph', children: [{ type: 'text', text }] }];

beforeAll(async () => {
  receiver = http.createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk) => (raw += chunk));
    request.on('end', () => {
      deliveries.push(JSON.parse(raw));
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  app = await bootStrapi();
  owner = await createAdmin(app, 'super', 'Owner');
  agent = await createAgent(app, 'Ada');
  const hook = await app
    .http()
    .post('/admin/webhooks')
    .set(bearer(owner.token))
    .send({ name: 'CRM', url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`, headers: {}, events: Object.values(WEBHOOK_EVENTS) });
  expect(hook.status).toBe(201);

  // The Live Chat template (greeting, Live Chat card, …) with a question and a capture before the card.
  const created = await app.http().post('/live-chat/playbooks').set(bearer(owner.token)).send({ name: 'Desk', template: 'live_chat' });
  playbookId = created.body.data.documentId;
  const add = (card: object) => app.http().post(`/live-chat/playbooks/${playbookId}/cards`).set(bearer(owner.token)).send(card);
  const question = await add({
    kind: 'question',
    title: 'Topic',
    position: 1,
    settings: { prompt: paragraph('What is it about?'), buttons: [{ id: 'sales', label: 'Buying' }, { id: 'help', label: 'Support' }] },
  });
  expect(question.status).toBe(201);
  const capture = await add({
    kind: 'capture',
    title: 'Who',
    position: 2,
    settings: { prompt: paragraph('Who are you?'), fields: ['name', 'email'], required: ['email'] },
  });
  expect(capture.status).toBe(201);
  expect((await app.http().post(`/live-chat/playbooks/${playbookId}/publish`).set(bearer(owner.token))).status).toBe(200);
  expect((await app.http().put('/live-chat/availability').set(bearer(agent.token)).send({ availability: 'online' })).status).toBe(200);
});
afterAll(async () => {
  await app.stop();
  await new Promise((resolve) => receiver.close(resolve));
});

async function newVisitor(): Promise<string> {
  const session = await app.http().post('/live-chat/widget/session').send({});
  return session.body.data.token as string;
}
const step = (token: string, input: object) =>
  app.http().post('/live-chat/widget/flow').set(bearer(token)).send({ playbookDocumentId: playbookId, page: 'https://desk.example/', input });

/** A visitor walks the playbook to the Live Chat card; answers the conversation's document id and the steps' answers. */
async function walkToLiveChat(token: string) {
  const started = await step(token, { type: 'start' });
  expect(started.status).toBe(200);
  const chose = await step(token, { type: 'button', buttonId: 'sales' });
  expect(chose.status).toBe(200);
  const captured = await step(token, { type: 'capture', values: { name: 'Jane Roe', email: 'Jane@Example.com' } });
  expect(captured.status).toBe(200);
  expect(captured.body.data).toMatchObject({ awaiting: 'agent', conversationDocumentId: expect.any(String) });
  return { documentId: captured.body.data.conversationDocumentId as string, steps: [started, chose, captured] };
}

const timelineOf = async (documentId: string): Promise<TimelineEntry[]> => {
  const response = await app.http().get(`/live-chat/conversations/${documentId}/messages?limit=200`).set(bearer(agent.token));
  expect(response.status).toBe(200);
  return response.body.data;
};

describe('G2: the bot transcript in the conversation', () => {
  it('puts every line before "started", in order, with its time, marked as the bot\'s or the visitor\'s', async () => {
    const before = Date.now();
    const token = await newVisitor();
    const { documentId, steps } = await walkToLiveChat(token);
    const entries = await timelineOf(documentId);

    expect(entries.map((entry) => [entry.seq, entry.authorKind, entry.transcript?.type ?? entry.event?.type, entry.body])).toEqual([
      [1, 'bot', 'bot_message', 'Hi there! Thanks for visiting. How can we help you today?'],
      [2, 'bot', 'question', 'What is it about?'],
      [3, 'visitor', 'button', 'Buying'],
      [4, 'bot', 'capture', 'Who are you?'],
      [5, 'visitor', 'capture_values', 'Name: Jane Roe\nEmail: Jane@Example.com'],
      [6, 'bot', 'bot_message', '**One of our team** will be with you in a moment.\n\nMeanwhile, tell us a little about what you need.'],
      [7, 'system', 'conversation_created', null],
    ]);
    expect(entries[1].transcript).toEqual({ type: 'question', buttons: ['Buying', 'Support'] });
    expect(entries[2].transcript).toEqual({ type: 'button', buttonId: 'sales' });
    expect(entries[3].transcript).toEqual({ type: 'capture', fields: ['name', 'email'] });
    expect(entries[4].transcript).toEqual({
      type: 'capture_values',
      values: [
        { field: 'name', value: 'Jane Roe' },
        { field: 'email', value: 'Jane@Example.com' },
      ],
    });
    expect(entries.every((entry, index) => index === 6 || entry.audience === 'everyone')).toBe(true);
    expect(entries[6].audience).toBe('agents');
    // Their original times: the greeting was shown at the first step, before the conversation existed.
    const times = entries.map((entry) => Date.parse(entry.createdAt));
    expect(times[0]).toBeGreaterThanOrEqual(before);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times[0]).toBeLessThan(times[6]);
    // The flow answers name the lines each step recorded (the widget skips them when they come back).
    expect(steps.map((s) => s.body.data.transcript)).toEqual([
      [entries[0].clientId, entries[1].clientId],
      [entries[2].clientId, entries[3].clientId],
      [entries[4].clientId, entries[5].clientId],
    ]);
    // The list previews the newest public line.
    const list = await app.http().get('/live-chat/conversations?folder=unassigned').set(bearer(agent.token));
    const row = list.body.data.find((candidate: { documentId: string }) => candidate.documentId === documentId);
    expect(row).toMatchObject({ lastMessageSeq: 7, lastMessagePreview: expect.stringContaining('One of our team') });
  });

  it('stores each line once: a step submitted twice at the same moment, or retried, adds nothing', async () => {
    const token = await newVisitor();
    await step(token, { type: 'start' });
    const [first, second] = await Promise.all([
      step(token, { type: 'button', buttonId: 'help' }),
      step(token, { type: 'button', buttonId: 'help' }),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const capture = { type: 'capture', values: { email: 'twice@example.com' } };
    const [a, b] = await Promise.all([step(token, capture), step(token, capture)]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const documentId = (a.status === 200 ? a : b).body.data.conversationDocumentId as string;
    expect((await step(token, capture)).status).toBe(409);

    const entries = await timelineOf(documentId);
    expect(entries.map((entry) => entry.transcript?.type ?? entry.event?.type)).toEqual([
      'bot_message',
      'question',
      'button',
      'capture',
      'capture_values',
      'bot_message',
      'conversation_created',
    ]);
    expect(new Set(entries.map((entry) => entry.clientId)).size).toBe(entries.length);
    expect(entries.map((entry) => entry.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('appends the offline path after the wait ran out, once, after the live part', async () => {
    const token = await newVisitor();
    const { documentId } = await walkToLiveChat(token);
    const conversation = await app.strapi.db.query(uid('conversation')).findOne({ where: { documentId } });
    await app.strapi.plugin('live-chat').service('wait-time').sweep(new Date(Date.parse(conversation.waitDeadlineAt) + 1000));
    const expired = await step(token, { type: 'wait_expired' });
    expect(expired.status).toBe(200);
    expect(expired.body.data.transcript).toHaveLength(expired.body.data.show.length);
    const entries = await timelineOf(documentId);
    const afterMissed = entries.slice(entries.findIndex((entry) => entry.event?.type === 'missed') + 1);
    expect(afterMissed.map((entry) => [entry.authorKind, entry.transcript?.type])).toEqual(
      expired.body.data.show.map(() => ['bot', expect.any(String)]),
    );
    expect(afterMissed[0].body).toContain('Sorry, nobody is available right now.');
    expect(new Set(entries.map((entry) => entry.clientId)).size).toBe(entries.length);
  });

  it('reaches the content API and the conversation.created webhook as messages of the conversation', async () => {
    const token = await newVisitor();
    const { documentId } = await walkToLiveChat(token);
    const apiToken = await createApiToken(app, 'read-only');
    const listed = await app
      .http()
      .get(`/api/live-chat/messages?filters[conversation][documentId][$eq]=${documentId}&sort=seq:asc&pagination[pageSize]=50`)
      .set(bearer(apiToken));
    expect(listed.status).toBe(200);
    expect(listed.body.data.map((message: { authorKind: string; audience: string; transcript: { type: string } | null }) => [message.authorKind, message.audience, message.transcript?.type ?? null])).toEqual([
      ['bot', 'everyone', 'bot_message'],
      ['bot', 'everyone', 'question'],
      ['visitor', 'everyone', 'button'],
      ['bot', 'everyone', 'capture'],
      ['visitor', 'everyone', 'capture_values'],
      ['bot', 'everyone', 'bot_message'],
      ['system', 'agents', null],
    ]);

    const deadline = Date.now() + 10_000;
    const created = () =>
      deliveries.find(
        (delivery) => delivery.event === 'live-chat.conversation.created' && (delivery.conversation as { documentId: string }).documentId === documentId,
      );
    while (!created() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    const transcript = created()?.transcript as Array<TimelineEntry & { internal: boolean }>;
    expect(transcript.map((line) => [line.seq, line.authorKind, (line.body ?? '').split('\n')[0], line.internal])).toEqual([
      [1, 'bot', 'Hi there! Thanks for visiting. How can we help you today?', false],
      [2, 'bot', 'What is it about?', false],
      [3, 'visitor', 'Buying', false],
      [4, 'bot', 'Who are you?', false],
      [5, 'visitor', 'Name: Jane Roe', false],
      [6, 'bot', '**One of our team** will be with you in a moment.', false],
    ]);
  });
});
