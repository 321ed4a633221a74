import type { Socket } from 'socket.io-client';
import { catchUp } from '../../plugins/live-chat/shared/catch-up';
import { SYNC_PAGE_SIZE } from '../../plugins/live-chat/shared/constants';
import type { TimelineEntry } from '../../plugins/live-chat/shared/contracts/conversations';
import type { Ack, SyncPage, VisitorConversation, VisitorSyncPage } from '../../plugins/live-chat/shared/events';
import { bearer, createAgent, type TestAdmin } from '../harness/admin';
import { agentMessages, appendToTimeline, internalEvents } from '../harness/fixtures';
import { connect, disconnectAll, listen, request, visitorToken } from '../harness/sockets';
import { bootStrapi, type TestApp } from '../harness/strapi';

/**
 * E2: a client away for thousands of entries catches up through `sync` a page at a time on both
 * namespaces, with the catch-up loop the widget and the inbox run (shared/catch-up.ts). Each page
 * says whether more exist and where the next one continues; together the pages hold every entry
 * the client may see, once, in order, with no gap.
 */
let app: TestApp;
let url: string;
let ada: TestAdmin;

beforeAll(async () => {
  app = await bootStrapi();
  url = await listen(app);
  ada = await createAgent(app, 'Ada');
});
afterAll(async () => {
  disconnectAll();
  await app.stop();
});

/** A visitor's conversation, assigned to Ada; `heldSeq` is where the visitor's view of it ends. */
async function chatWithAda() {
  const token = await visitorToken(app);
  const visitor = await connect(url, 'visitor', token);
  const started = await request<VisitorConversation>(visitor, 'conversation:start', {});
  if (!started.ok) throw new Error(started.error.message);
  const { documentId } = started.data;
  expect((await app.http().post(`/live-chat/conversations/${documentId}/assign`).set(bearer(ada.token))).status).toBe(200);
  const held = await request<VisitorSyncPage>(visitor, 'sync', { afterSeq: 0 });
  if (!held.ok || held.data.hasMore) throw new Error('the new chat did not fit one page');
  return { token, visitor, documentId, heldSeq: held.data.nextAfterSeq };
}

/** Runs the clients' catch-up from `afterSeq` and keeps every page it was given. */
async function catchUpFrom<P extends SyncPage>(ask: (afterSeq: number) => Promise<Ack<P>>, afterSeq: number) {
  const pages: P[] = [];
  const caughtUp = await catchUp(ask, afterSeq, (page) => void pages.push(page), () => true);
  return { caughtUp, pages, entries: pages.flatMap((page): TimelineEntry[] => page.entries) };
}

/** The seqs from `first` to `last`, each once: what "in order, no gap, no duplicate" looks like. */
const seqRange = (first: number, last: number) => Array.from({ length: last - first + 1 }, (_, i) => first + i);

/** Where each page should end when `count` entries after `from` are read SYNC_PAGE_SIZE at a time. */
const pageEnds = (from: number, count: number) =>
  Array.from({ length: Math.ceil(count / SYNC_PAGE_SIZE) }, (_, i) => Math.min(from + (i + 1) * SYNC_PAGE_SIZE, from + count));

describe('E2 catch-up on the visitor socket', () => {
  it('pages a visitor through 2,000 missed messages behind 600 events they never see', async () => {
    const { token, visitor, documentId, heldSeq } = await chatWithAda();
    visitor.disconnect();
    const lastSeq = await appendToTimeline(app, documentId, [...internalEvents(600), ...agentMessages('missed', 2000)]);
    expect(lastSeq).toBe(heldSeq + 2600);

    const back = await connect(url, 'visitor', token);
    const { caughtUp, pages, entries } = await catchUpFrom((afterSeq) => request<VisitorSyncPage>(back, 'sync', { afterSeq }), heldSeq);
    expect(caughtUp).toBe(true);
    const ends = pageEnds(heldSeq, 2600);
    expect(pages.map((page) => page.nextAfterSeq)).toEqual(ends);
    expect(pages.map((page) => page.hasMore)).toEqual(ends.map((end) => end < lastSeq));
    // The first page read only internal events: it shows nothing, yet says where to go on.
    expect(pages[0]).toMatchObject({ entries: [], hasMore: true, nextAfterSeq: heldSeq + SYNC_PAGE_SIZE });
    expect(pages.every((page) => page.conversation?.documentId === documentId)).toBe(true);
    expect(entries.map((entry) => entry.body)).toEqual(Array.from({ length: 2000 }, (_, i) => `missed ${i + 1}`));
    expect(entries.map((entry) => entry.seq)).toEqual(seqRange(heldSeq + 601, lastSeq));

    // Caught up: the next sync from where the last page ended has nothing more.
    expect(await request(back, 'sync', { afterSeq: lastSeq })).toMatchObject({ ok: true, data: { entries: [], hasMore: false, nextAfterSeq: lastSeq } });
  });

  it('waits out a rate-limit refusal (F4) and carries on', async () => {
    const { visitor, documentId, heldSeq } = await chatWithAda();
    const lastSeq = await appendToTimeline(app, documentId, agentMessages('later', 2 * SYNC_PAGE_SIZE));
    // Spend the visitor's event budget until the server refuses.
    for (let i = 0; i < 100 && (await request(visitor, 'typing', { typing: false })).ok; i += 1);
    const answers: string[] = [];
    const { caughtUp, entries } = await catchUpFrom(async (afterSeq) => {
      const ack = await request<VisitorSyncPage>(visitor, 'sync', { afterSeq });
      answers.push(ack.ok ? 'page' : ack.error.code);
      return ack;
    }, heldSeq);
    expect(caughtUp).toBe(true);
    expect(answers[0]).toBe('rate_limited');
    expect(answers.filter((answer) => answer === 'page')).toHaveLength(2);
    expect(entries.map((entry) => entry.seq)).toEqual(seqRange(heldSeq + 1, lastSeq));
  });
});

describe('E2 catch-up on the agent socket', () => {
  let agentSocket: Socket;
  beforeAll(async () => {
    agentSocket = await connect(url, 'agent', ada.token);
  });
  const agentSync = (socket: Socket, documentId: string) => (afterSeq: number) => request<SyncPage>(socket, 'sync', { documentId, afterSeq });

  it('pages an agent through 2,000 missed entries, the last page full and final', async () => {
    const { documentId } = await chatWithAda();
    const held = await catchUpFrom(agentSync(agentSocket, documentId), 0);
    const heldSeq = held.entries[held.entries.length - 1].seq;
    agentSocket.disconnect();
    const lastSeq = await appendToTimeline(app, documentId, [...agentMessages('first', 1000), ...internalEvents(200), ...agentMessages('then', 800)]);

    agentSocket = await connect(url, 'agent', ada.token);
    const { caughtUp, pages, entries } = await catchUpFrom(agentSync(agentSocket, documentId), heldSeq);
    expect(caughtUp).toBe(true);
    const ends = pageEnds(heldSeq, 2000);
    expect(pages.map((page) => page.nextAfterSeq)).toEqual(ends);
    // 2,000 is a whole number of pages: the last one is full and says there is no more.
    expect(pages.map((page) => page.hasMore)).toEqual(ends.map((end) => end < lastSeq));
    expect(pages.map((page) => page.entries.length)).toEqual(ends.map(() => SYNC_PAGE_SIZE));
    expect(entries.map((entry) => entry.seq)).toEqual(seqRange(heldSeq + 1, lastSeq));
    expect(entries.filter((entry) => entry.kind === 'event')).toHaveLength(200);
    expect(entries[entries.length - 1].body).toBe('then 800');
  });

  it('takes in what is written while it pages, still without a gap', async () => {
    const { visitor, documentId, heldSeq } = await chatWithAda();
    await appendToTimeline(app, documentId, agentMessages('backlog', 3 * SYNC_PAGE_SIZE));
    let written: TimelineEntry | null = null;
    const { caughtUp, entries } = await catchUpFrom(async (afterSeq) => {
      if (afterSeq > heldSeq && !written) {
        const sent = await request<TimelineEntry>(visitor, 'message:send', { clientId: 'written-mid-catch-up', body: 'meanwhile' });
        if (sent.ok) written = sent.data;
      }
      return agentSync(agentSocket, documentId)(afterSeq);
    }, heldSeq);
    expect(caughtUp).toBe(true);
    expect(written).toMatchObject({ seq: heldSeq + 3 * SYNC_PAGE_SIZE + 1 });
    expect(entries.map((entry) => entry.seq)).toEqual(seqRange(heldSeq + 1, heldSeq + 3 * SYNC_PAGE_SIZE + 1));
    expect(entries[entries.length - 1].body).toBe('meanwhile');
  });
});
