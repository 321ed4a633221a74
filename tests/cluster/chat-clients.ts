import { io, type Socket } from 'socket.io-client';
import { emptyTimeline, mergeEntries, syncedSeqOf, type TimelineState } from '../../plugins/live-chat/admin/src/inbox/state/timeline';
import { catchUp } from '../../plugins/live-chat/shared/catch-up';
import type { TimelineEntry } from '../../plugins/live-chat/shared/contracts/conversations';
import { NAMESPACES, RECONNECTION, SOCKET_PATH, type Ack, type SyncPage, type VisitorSyncPage } from '../../plugins/live-chat/shared/events';
import { MessageStore } from '../../plugins/live-chat/widget/src/chat/store';
import { loopbackAddress } from '../../bench/delivery/ips';

/**
 * Chat clients as the widget and the inbox are: socket.io-client with its own reconnection (the
 * defaults the real clients use), the real clients' state (the widget's MessageStore, the inbox's
 * timeline functions) and the shared catch-up after every (re)connect and `resync` (E2). Each comes
 * from its own loopback address, so HAProxy's source hashing spreads them over the nodes. Senders
 * retry a message that got no ack with the same client id once connected again, as a user's retry does.
 */
export interface ChatClient {
  readonly name: string;
  socket: Socket;
  /** When the socket lost and regained its connection (ms since epoch), in order. */
  disconnects: number[];
  connects: number[];
  /** Client id → seq of every message the server acked. */
  acked: Map<string, number>;
  /** Messages written but not acked yet. */
  unacked: () => number;
  /** Sends the next message now (if none is waiting for its ack); resolves when this attempt ends. */
  sendOne: () => Promise<void>;
  /** Entries held per conversation document id, in seq order (the client's view). */
  view: () => Map<string, TimelineEntry[]>;
  /** The stored timeline of the same conversations as this client may see it, read from seq 0. */
  stored: () => Promise<Map<string, TimelineEntry[]>>;
  close: () => void;
}

const ACK_TIMEOUT_MS = 5_000;

/** Every entry of one timeline from the start, through the same `sync` the clients page with. */
async function readAll(request: (afterSeq: number) => Promise<Ack<SyncPage>>): Promise<TimelineEntry[]> {
  const entries: TimelineEntry[] = [];
  const complete = await catchUp<SyncPage>(request, 0, (page) => {
    entries.push(...page.entries);
  }, () => true);
  if (!complete) throw new Error('could not read the stored timeline');
  return entries;
}

function openSocket(lbUrl: string, namespace: string, token: string, address: string): Socket {
  return io(`${lbUrl}${namespace}`, {
    path: SOCKET_PATH,
    transports: ['websocket'],
    auth: { token },
    forceNew: true,
    ...RECONNECTION,
    // engine.io-client hands localAddress to ws (and so to the TCP connect); it is not in its typings.
    ...({ localAddress: address } as object),
  });
}

function whenConnected(socket: Socket, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve());
    setTimeout(() => reject(new Error(`${name} did not connect`)), 20_000).unref();
  });
}

/** The shared part: connection log, the outbox with retries by client id. */
function sender(name: string, socket: Socket, send: (clientId: string, body: string) => Promise<Ack<TimelineEntry>>, onAck: (entry: TimelineEntry) => void) {
  const disconnects: number[] = [];
  const connects: number[] = [];
  socket.on('disconnect', () => disconnects.push(Date.now()));
  socket.on('connect', () => connects.push(Date.now()));
  const acked = new Map<string, number>();
  const outbox: Array<{ clientId: string; body: string }> = [];
  let counter = 0;
  let busy = false;
  const sendOne = async () => {
    if (busy || !socket.connected) return;
    if (outbox.length === 0) {
      counter += 1;
      outbox.push({ clientId: `${name}-${String(counter).padStart(5, '0')}`, body: `${name} #${counter}` });
    }
    const message = outbox[0];
    busy = true;
    try {
      const ack = await send(message.clientId, message.body);
      if (ack.ok) {
        acked.set(message.clientId, ack.data.seq);
        outbox.shift();
        onAck(ack.data);
      }
      // Refused (rate_limited, unavailable while a node drains): the same message goes again.
    } catch {
      // No ack (disconnected, timed out): sent again with the same client id once connected.
    } finally {
      busy = false;
    }
  };
  return { disconnects, connects, acked, sendOne, unacked: () => outbox.length };
}

/** A visitor as the widget is: session over HTTP through the balancer, then the /visitor socket. */
export async function visitorClient(lbUrl: string, index: number): Promise<ChatClient & { documentId: string }> {
  const name = `v${String(index).padStart(2, '0')}`;
  const address = loopbackAddress(71, index);
  const session = await fetch(`${lbUrl}/live-chat/widget/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
  if (session.status !== 200) throw new Error(`${name}: session ${session.status}`);
  const token = ((await session.json()) as { data: { token: string } }).data.token;
  const socket = openSocket(lbUrl, NAMESPACES.visitor, token, address);
  const store = new MessageStore();
  let syncRun = 0;
  const sync = () => {
    const run = ++syncRun;
    void catchUp<VisitorSyncPage>(
      (afterSeq) => socket.timeout(ACK_TIMEOUT_MS).emitWithAck('sync', { afterSeq }),
      store.syncedSeq,
      ({ entries, nextAfterSeq }) => {
        for (const entry of entries) store.receive(entry);
        store.synced(nextAfterSeq);
      },
      () => run === syncRun && socket.connected,
    );
  };
  socket.on('connect', sync);
  socket.on('resync', sync);
  socket.on('timeline:entry', (entry: TimelineEntry) => store.receive(entry));
  await whenConnected(socket, name);
  const started = (await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('conversation:start', {})) as Ack<{ documentId: string }>;
  if (!started.ok) throw new Error(`${name}: ${started.error.message}`);
  const documentId = started.data.documentId;

  const send = (clientId: string, body: string) => {
    if (!store.find(clientId)) store.addPending(clientId, body, new Date());
    else store.retrying(clientId);
    return socket.timeout(ACK_TIMEOUT_MS).emitWithAck('message:send', { clientId, body }) as Promise<Ack<TimelineEntry>>;
  };
  const outbox = sender(name, socket, send, (entry) => store.receive(entry));
  return {
    name,
    socket,
    documentId,
    ...outbox,
    view: () => new Map([[documentId, store.list().filter((item) => item.seq !== null).map((item) => ({ seq: item.seq, clientId: item.clientId }) as TimelineEntry)]]),
    stored: async () => new Map([[documentId, await readAll((afterSeq) => socket.timeout(ACK_TIMEOUT_MS).emitWithAck('sync', { afterSeq }))]]),
    close: () => socket.disconnect(),
  };
}

/** An agent as the inbox is: the /agent socket with the admin token, a timeline per conversation. */
export async function agentClient(lbUrl: string, index: number, token: string, documentIds: () => string[]): Promise<ChatClient> {
  const name = `a${index}`;
  const socket = openSocket(lbUrl, NAMESPACES.agent, token, loopbackAddress(72, index));
  const timelines = new Map<string, TimelineState>();
  const merge = (documentId: string, entries: TimelineEntry[]) =>
    timelines.set(documentId, mergeEntries(timelines.get(documentId) ?? emptyTimeline, entries));
  let syncRun = 0;
  const sync = () => {
    const run = ++syncRun;
    for (const documentId of documentIds()) {
      void catchUp<SyncPage>(
        (afterSeq) => socket.timeout(ACK_TIMEOUT_MS).emitWithAck('sync', { documentId, afterSeq }),
        syncedSeqOf(timelines.get(documentId) ?? emptyTimeline),
        ({ entries }) => {
          merge(documentId, entries);
        },
        () => run === syncRun && socket.connected,
      );
    }
  };
  socket.on('connect', sync);
  socket.on('resync', sync);
  socket.on('timeline:entry', ({ documentId, entry }: { documentId: string; entry: TimelineEntry }) => merge(documentId, [entry]));
  await whenConnected(socket, name);
  let turn = index;
  // The retry of a message goes to the conversation of its first attempt: client ids are unique per conversation.
  const targets = new Map<string, string>();
  const sendTo = (clientId: string, body: string) => {
    const ids = documentIds();
    const documentId = targets.get(clientId) ?? ids[turn++ % ids.length];
    targets.set(clientId, documentId);
    return socket.timeout(ACK_TIMEOUT_MS).emitWithAck('message:send', { documentId, clientId, body }) as Promise<Ack<TimelineEntry>>;
  };
  const outbox = sender(name, socket, sendTo, (entry) => merge(targets.get(entry.clientId) as string, [entry]));
  return {
    name,
    socket,
    ...outbox,
    view: () => new Map([...timelines].map(([documentId, state]) => [documentId, state.entries])),
    stored: async () => {
      const all = new Map<string, TimelineEntry[]>();
      for (const documentId of documentIds()) {
        all.set(documentId, await readAll((afterSeq) => socket.timeout(ACK_TIMEOUT_MS).emitWithAck('sync', { documentId, afterSeq })));
      }
      return all;
    },
    close: () => socket.disconnect(),
  };
}
