import { uid } from '../../plugins/live-chat/shared/constants';
import { bearer, createAgent, type TestAdmin } from '../harness/admin';
import { startConversation } from '../harness/fixtures';
import { bootStrapi, type TestApp } from '../harness/strapi';

/** E2 over REST: stored before the answer, gap-free seq, a retry never stores a second copy. */
let app: TestApp;
let ada: TestAdmin;
let bjorn: TestAdmin;

beforeAll(async () => {
  app = await bootStrapi();
  ada = await createAgent(app, 'Ada');
  bjorn = await createAgent(app, 'Bjorn');
});
afterAll(async () => {
  await app.stop();
});

const send = (agent: TestAdmin, documentId: string, message: object) =>
  app.http().post(`/live-chat/conversations/${documentId}/messages`).set(bearer(agent.token)).send(message);

const seqsOf = async (documentId: string) => {
  const response = await app.http().get(`/live-chat/conversations/${documentId}/messages`).set(bearer(ada.token));
  return response.body.data.map((entry: { seq: number }) => entry.seq);
};

describe('E2 agent messages', () => {
  it('needs the conversation to be assigned to the sender first (B3)', async () => {
    const { documentId } = await startConversation(app);
    const response = await send(ada, documentId, { clientId: 'client-00000001', body: 'Hello' });
    expect(response.status).toBe(409);
    expect(response.body.error.details).toEqual({ code: 'not_assigned' });
  });

  it('stores the message with the next seq and answers with it; a retry returns the same message', async () => {
    const { id, documentId } = await startConversation(app);
    await app.http().post(`/live-chat/conversations/${documentId}/assign`).set(bearer(ada.token));
    const first = await send(ada, documentId, { clientId: 'retry-me-0001', body: 'Hi, how can I help?' });
    expect(first.status).toBe(201);
    expect(first.body.data).toMatchObject({ seq: 3, clientId: 'retry-me-0001', kind: 'text', authorKind: 'agent', authorName: 'Ada Tester' });

    const retry = await send(ada, documentId, { clientId: 'retry-me-0001', body: 'Hi, how can I help?' });
    expect(retry.status).toBe(200);
    expect(retry.body.data.seq).toBe(3);
    expect(await app.strapi.db.query(uid('message')).count({ where: { conversation: id, clientId: 'retry-me-0001' } })).toBe(1);
    expect(await seqsOf(documentId)).toEqual([1, 2, 3]);
  });

  it('stores exactly one message when ten retries of it race', async () => {
    const { id, documentId } = await startConversation(app);
    await app.http().post(`/live-chat/conversations/${documentId}/assign`).set(bearer(ada.token));
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => send(ada, documentId, { clientId: 'racing-retry-01', body: 'Once' })),
    );
    expect(responses.every((response) => [200, 201].includes(response.status))).toBe(true);
    expect(new Set(responses.map((response) => response.body.data.seq)).size).toBe(1);
    expect(await app.strapi.db.query(uid('message')).count({ where: { conversation: id, kind: 'text' } })).toBe(1);
  });

  it('keeps seq gap-free when many different messages are sent at once', async () => {
    const { documentId } = await startConversation(app);
    await app.http().post(`/live-chat/conversations/${documentId}/assign`).set(bearer(ada.token));
    await Promise.all(Array.from({ length: 15 }, (_, i) => send(ada, documentId, { clientId: `burst-${String(i).padStart(4, '0')}`, body: `m${i}` })));
    expect(await seqsOf(documentId)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
  });

  it('refuses another agent and a closed conversation', async () => {
    const { documentId } = await startConversation(app);
    await app.http().post(`/live-chat/conversations/${documentId}/assign`).set(bearer(ada.token));
    expect((await send(bjorn, documentId, { clientId: 'not-mine-0001', body: 'x' })).status).toBe(404);
    await app.http().post(`/live-chat/conversations/${documentId}/close`).set(bearer(ada.token));
    const closed = await send(ada, documentId, { clientId: 'too-late-0001', body: 'x' });
    expect(closed.status).toBe(409);
    expect(closed.body.error.details).toEqual({ code: 'conversation_closed' });
  });

  it.each([
    [{ body: 'no client id' }, 'clientId'],
    [{ clientId: 'short', body: 'x' }, 'clientId'],
    [{ clientId: 'has spaces 123', body: 'x' }, 'clientId'],
    [{ clientId: 'valid-id-0001', body: '   ' }, 'body'],
    [{ clientId: 'valid-id-0001', body: 'x'.repeat(5001) }, 'body'],
    [{ clientId: 'valid-id-0001', body: 42 }, 'body'],
    [{ clientId: 'valid-id-0001', body: 'x', extra: true }, ''],
  ])('refuses %j with 400 and stores nothing', async (message, field) => {
    const { id, documentId } = await startConversation(app);
    await app.http().post(`/live-chat/conversations/${documentId}/assign`).set(bearer(ada.token));
    const response = await send(ada, documentId, message);
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors.map((e: { path: string[] }) => e.path.join('.'))).toContain(field);
    expect(await app.strapi.db.query(uid('message')).count({ where: { conversation: id, kind: 'text' } })).toBe(0);
  });

  it('stores HTML typed into a chat as plain text (it is escaped wherever it is shown)', async () => {
    const { documentId } = await startConversation(app);
    await app.http().post(`/live-chat/conversations/${documentId}/assign`).set(bearer(ada.token));
    const response = await send(ada, documentId, { clientId: 'html-text-0001', body: '<b>not bold</b>' });
    expect(response.body.data.body).toBe('<b>not bold</b>');
  });
});

describe('E2 + B5 a reply racing a reassignment', () => {
  it('every reply the old assignee got stored comes before the reassignment; the rest are refused (409 not_assigned, or 404 once it is hidden from them)', async () => {
    const { id, documentId } = await startConversation(app);
    await app.http().post(`/live-chat/conversations/${documentId}/assign`).set(bearer(ada.token));
    const replies = Array.from({ length: 15 }, (_, i) => send(ada, documentId, { clientId: `race-${i}-0001`, body: `Reply ${i}` }));
    const reassign = app.http().post(`/live-chat/conversations/${documentId}/reassign`).set(bearer(ada.token)).send({ agentId: bjorn.id });
    const [reassigned, ...answers] = await Promise.all([reassign, ...replies]);
    expect(reassigned.status).toBe(200);
    for (const answer of answers) {
      expect([201, 404, 409]).toContain(answer.status);
      if (answer.status === 409) expect(answer.body.error.details).toEqual({ code: 'not_assigned' });
    }

    const rows: Array<{ seq: number; kind: string; authorKind: string; event: { type: string } | null }> = await app.strapi.db
      .query(uid('message'))
      .findMany({ where: { conversation: id }, orderBy: { seq: 'asc' } });
    const reassignedAt = rows.find((row) => row.event?.type === 'reassigned')?.seq;
    expect(reassignedAt).toBeDefined();
    const storedReplies = rows.filter((row) => row.kind === 'text' && row.authorKind === 'agent');
    expect(storedReplies).toHaveLength(answers.filter((answer) => answer.status === 201).length);
    for (const reply of storedReplies) expect(reply.seq).toBeLessThan(reassignedAt as number);
    // Gap-free whatever the interleaving.
    expect(rows.map((row) => row.seq)).toEqual(rows.map((_, index) => index + 1));
  });
});
