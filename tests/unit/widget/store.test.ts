import { getRandomValues } from 'node:crypto';
import type { TimelineEntry } from '../../../plugins/live-chat/shared/contracts/conversations';
import { MessageStore, newClientId } from '../../../plugins/live-chat/widget/src/chat/store';

/** E2/E3 in the widget: ordered by seq, each entry once, a retry never doubles a message. */
const entry = (seq: number, overrides: Partial<TimelineEntry> = {}): TimelineEntry => ({
  seq,
  clientId: `client-${seq}`,
  kind: 'text',
  authorKind: 'agent',
  authorName: 'Ada',
  body: `message ${seq}`,
  audience: 'everyone',
  transcript: null,
  event: null,
  attachment: null,
  createdAt: new Date(2026, 0, 1, 12, 0, seq).toISOString(),
  ...overrides,
});
const seqs = (store: MessageStore) => store.list().map((item) => item.seq);
const now = new Date('2026-01-01T12:00:00Z');

describe('MessageStore', () => {
  it('G2: keeps the bot transcript in order, the visitor\'s answers to the bot without a delivery state', () => {
    const store = new MessageStore();
    store.receive(entry(1, { authorKind: 'bot', authorName: null, transcript: { type: 'question', buttons: ['A', 'B'] } }));
    store.receive(entry(2, { authorKind: 'visitor', clientId: 'bot-abcdefgh-1', body: 'A', transcript: { type: 'button', buttonId: 'a' } }));
    store.markReadByAgent(5);
    expect(store.list().map((item) => [item.seq, item.authorKind, item.transcript?.type, item.status])).toEqual([
      [1, 'bot', 'question', null],
      [2, 'visitor', 'button', null],
    ]);
  });

  it('orders entries by seq whatever order they arrive in', () => {
    const store = new MessageStore();
    for (const seq of [3, 1, 5, 2, 4]) store.receive(entry(seq));
    expect(seqs(store)).toEqual([1, 2, 3, 4, 5]);
  });

  it('shows an entry that arrives twice (live event and catch-up sync) once', () => {
    const store = new MessageStore();
    expect(store.receive(entry(1)).change).toBe('added');
    expect(store.receive(entry(1)).change).toBe('duplicate');
    store.receive(entry(2));
    expect(store.receive(entry(2)).change).toBe('duplicate');
    expect(seqs(store)).toEqual([1, 2]);
  });

  it('shows the visitor\'s message at once as sending, then the stored copy in its place', () => {
    const store = new MessageStore();
    store.receive(entry(1));
    expect(store.addPending('own-aaaaaaaa', 'hello', now)?.status).toBe('sending');
    expect(store.list().map((i) => i.status)).toEqual([null, 'sending']);
    const stored = entry(2, { clientId: 'own-aaaaaaaa', authorKind: 'visitor', authorName: null, body: 'hello' });
    expect(store.receive(stored).change).toBe('confirmed');
    // The ack after the live event (or the other way round) changes nothing.
    expect(store.receive(stored).change).toBe('duplicate');
    expect(store.list()).toHaveLength(2);
    expect(store.list()[1]).toMatchObject({ seq: 2, status: 'sent', body: 'hello' });
  });

  it('keeps unsent messages after stored ones, in the order they were written', () => {
    const store = new MessageStore();
    store.addPending('own-first-1', 'first', now);
    store.addPending('own-second-2', 'second', now);
    store.receive(entry(7));
    expect(store.list().map((i) => i.body)).toEqual(['message 7', 'first', 'second']);
  });

  it('marks a failed send, retries it under the same client id, and never duplicates it', () => {
    const store = new MessageStore();
    store.addPending('own-retry-1', 'are you there?', now);
    expect(store.addPending('own-retry-1', 'are you there?', now)).toBeNull();
    store.fail('own-retry-1');
    expect(store.find('own-retry-1')?.status).toBe('failed');
    expect(store.retrying('own-retry-1')?.status).toBe('sending');
    store.receive(entry(1, { clientId: 'own-retry-1', authorKind: 'visitor', body: 'are you there?' }));
    expect(store.list()).toHaveLength(1);
    expect(store.find('own-retry-1')).toMatchObject({ seq: 1, status: 'sent' });
    expect(store.retrying('own-retry-1')).toBeNull();
  });

  it('does not take an agent entry with the same client id for the visitor\'s message', () => {
    const store = new MessageStore();
    store.addPending('same-id-123', 'mine', now);
    store.receive(entry(1, { clientId: 'same-id-123', authorKind: 'agent' }));
    expect(store.list().map((i) => [i.authorKind, i.status])).toEqual([
      ['agent', null],
      ['visitor', 'sending'],
    ]);
  });

  it('shows read receipts up to the agent\'s read seq, also for messages stored later', () => {
    const store = new MessageStore();
    store.receive(entry(1, { clientId: 'own-1aaaaaaa', authorKind: 'visitor' }));
    store.receive(entry(2));
    store.receive(entry(3, { clientId: 'own-3aaaaaaa', authorKind: 'visitor' }));
    expect(store.markReadByAgent(1).map((i) => i.seq)).toEqual([1]);
    expect(store.list().map((i) => i.status)).toEqual(['read', null, 'sent']);
    expect(store.markReadByAgent(1)).toEqual([]);
    store.markReadByAgent(4);
    store.receive(entry(4, { clientId: 'own-4aaaaaaa', authorKind: 'visitor' }));
    expect(store.list().map((i) => i.status)).toEqual(['read', null, 'read', 'read']);
  });

  it('counts the last seq written by others for the visitor\'s own read receipt', () => {
    const store = new MessageStore();
    store.receive(entry(1));
    store.receive(entry(2, { clientId: 'own-2aaaaaaa', authorKind: 'visitor' }));
    expect(store.lastIncomingSeq).toBe(1);
  });

  it('continues a catch-up from the sync pages it applied, never from a live entry ahead of them', () => {
    const store = new MessageStore();
    store.receive(entry(1));
    store.synced(1);
    store.receive(entry(9)); // live, while seqs 2–8 may still be missing
    expect(store.syncedSeq).toBe(1);
    store.synced(12); // a page that read up to seq 12, some of it hidden from visitors
    store.synced(4); // a late answer of an older catch-up does not move it back
    expect(store.syncedSeq).toBe(12);
  });

  it('G4: a file on its way is one pending row that the stored entry replaces once (ack, socket, sync)', () => {
    const store = new MessageStore();
    store.receive(entry(1));
    expect(store.addPending('wfile0001', 'map.png', now, 'file')?.kind).toBe('file');
    expect(store.addPending('wfile0001', 'map.png', now, 'file')).toBeNull();
    store.fail('wfile0001');
    expect(store.retrying('wfile0001')?.status).toBe('sending'); // the retry reuses the client id
    const attachment = { name: 'map.png', mime: 'image/png', size: 10, url: '/live-chat/attachments/k', thumbnailUrl: null, removedAt: null };
    const stored = entry(2, { clientId: 'wfile0001', authorKind: 'visitor', kind: 'file', body: null, attachment });
    expect(store.receive(stored).change).toBe('confirmed');
    expect(store.receive({ ...stored }).change).toBe('duplicate'); // the socket's copy
    expect(store.list().map((i) => [i.seq, i.kind, i.status, i.attachment?.name ?? null])).toEqual([
      [1, 'text', null, null],
      [2, 'file', 'sent', 'map.png'],
    ]);
  });

  it('G4: a refused file is dropped; a stored entry is never dropped', () => {
    const store = new MessageStore();
    store.addPending('wfile0002', 'page.png', now, 'file');
    expect(store.drop('wfile0002')).toBe(true);
    expect(store.list()).toEqual([]);
    expect(store.drop('wfile0002')).toBe(false);
    store.receive(entry(1, { clientId: 'wfile0003', authorKind: 'visitor' }));
    expect(store.drop('wfile0003')).toBe(false);
    expect(seqs(store)).toEqual([1]);
  });

  it('starts over for a new conversation', () => {
    const store = new MessageStore();
    store.receive(entry(1));
    store.synced(1);
    store.clear();
    expect(store.syncedSeq).toBe(0);
    expect(store.receive(entry(1)).change).toBe('added');
  });
});

describe('newClientId', () => {
  it('gives ids the server accepts (8–64 of [A-Za-z0-9_-]) that do not repeat', () => {
    const random = (bytes: Uint8Array) => getRandomValues(bytes);
    const ids = new Set(Array.from({ length: 1000 }, () => newClientId(random)));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
  });
});
