import type { Core } from '@strapi/strapi';
import { io, type Socket } from 'socket.io-client';
import { NAMESPACES, SOCKET_PATH } from '../../plugins/live-chat/shared/events';
import { signIn, type BenchAgent } from '../inbox-list/agents';
import { percentile } from '../inbox-list/measure';

/** One SQL statement of a traced message: when it started and how long the driver took (ms, from the emit). */
interface TracedStatement {
  sql: string;
  startMs: number;
  /** null for BEGIN / COMMIT, which knex sends without a 'query-response'. */
  durationMs: number | null;
}

interface TracedMessage {
  ackMs: number;
  deliveryMs: number;
  /** Server side, from the engine.io sockets: the frame read, the agent's copy queued, the ack queued. */
  server: { receivedMs: number; agentCopyMs: number; ackMs: number };
  statements: TracedStatement[];
}

export interface TraceSummary {
  messages: number;
  /** Medians over the traced messages. */
  ackMs: number;
  deliveryMs: number;
  server: { receivedMs: number; agentCopyMs: number; ackMs: number };
  statements: number;
  dbMs: number;
  /** The statements of the median message, with median offsets and durations over messages of that shape. */
  path: Array<{ sql: string; startMs: number; durationMs: number | null }>;
  /** Messages whose statement list differed from the usual one (a sweeper tick landing inside, say). */
  otherShapes: number;
}

const shorten = (sql: string) => {
  const flat = sql.replace(/\s+/g, ' ').replace(/"/g, '').trim();
  return flat.length > 150 ? `${flat.slice(0, 147)}...` : flat;
};

const median = (values: number[]) => percentile([...values].sort((a, b) => a - b), 50);

function connect(url: string, namespace: string, auth: object, localAddress?: string): Promise<Socket> {
  const socket = io(`${url}${namespace}`, {
    path: SOCKET_PATH,
    transports: ['websocket'],
    auth,
    reconnection: false,
    forceNew: true,
    ...(localAddress ? ({ localAddress } as object) : {}),
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

/**
 * Where the time of one visitor message goes, with nothing else in flight: a visitor and its agent
 * (in this process, so knex's events and the socket share one clock) send `count` messages one at a
 * time; every SQL statement knex runs between the emit and the ack is recorded with its start and
 * driver time. The plugin's 1 s sweeper can land inside a message: such messages have another
 * statement list and are left out of the per-statement medians.
 */
export async function traceMessages(strapi: Core.Strapi, baseUrl: string, agent: BenchAgent, count: number): Promise<TraceSummary> {
  const session = (await (await fetch(`${baseUrl}/live-chat/widget/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).json()) as {
    data: { token: string };
  };
  const agentToken = await signIn(baseUrl, agent);
  const agentSocket = await connect(baseUrl, NAMESPACES.agent, { token: agentToken });
  const visitorSocket = await connect(baseUrl, NAMESPACES.visitor, { token: session.data.token }, '127.250.0.1');
  try {
    const started = (await visitorSocket.timeout(10_000).emitWithAck('conversation:start', {})) as { ok: boolean; data: { documentId: string } };
    if (!started.ok) throw new Error(`trace: conversation:start failed: ${JSON.stringify(started)}`);
    const assigned = await fetch(`${baseUrl}/live-chat/conversations/${started.data.documentId}/assign`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${agentToken}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    if (assigned.status !== 200) throw new Error(`trace: assign answered ${assigned.status}`);
    await new Promise((resolve) => setTimeout(resolve, 300));

    // The server's side of the two connections: engine.io reports every frame it reads ('packet') and
    // every frame it queues for writing ('packetCreate'). Only listened to, nothing is changed.
    const realtime = strapi.plugin('live-chat').service('realtime') as { io: () => import('socket.io').Server };
    const serverSockets = (namespace: string) => [...realtime.io().of(namespace).sockets.values()];
    const agentConn = serverSockets(NAMESPACES.agent).find((socket) => (socket.data as { agent?: { id: number } }).agent?.id === agent.id)?.conn;
    const visitorConn = serverSockets(NAMESPACES.visitor).find((socket) => socket.handshake.address.endsWith('127.250.0.1'))?.conn;
    if (!agentConn || !visitorConn) throw new Error('trace: the server-side sockets were not found');
    let marks: { clientId: string; t0: number; receivedMs: number; agentCopyMs: number; ackMs: number } | null = null;
    const frame = (packet: { data?: unknown }) => (typeof packet.data === 'string' ? packet.data : '');
    agentConn.on('packetCreate', (packet: { data?: unknown }) => {
      if (marks && Number.isNaN(marks.agentCopyMs) && frame(packet).includes('timeline:entry') && frame(packet).includes(marks.clientId)) {
        marks.agentCopyMs = performance.now() - marks.t0;
      }
    });
    visitorConn.on('packet', (packet: { data?: unknown }) => {
      if (marks && Number.isNaN(marks.receivedMs) && frame(packet).includes(marks.clientId)) marks.receivedMs = performance.now() - marks.t0;
    });
    visitorConn.on('packetCreate', (packet: { data?: unknown }) => {
      // An ack frame is Socket.IO packet type 3: "3/visitor,<ack id>[…]".
      if (marks && Number.isNaN(marks.ackMs) && frame(packet).startsWith('3') && frame(packet).includes(marks.clientId)) marks.ackMs = performance.now() - marks.t0;
    });

    let current: { t0: number; statements: TracedStatement[]; open: Map<string, TracedStatement> } | null = null;
    const onQuery = (query: { sql: string; __knexQueryUid?: string }) => {
      if (!current) return;
      const statement: TracedStatement = { sql: shorten(query.sql), startMs: performance.now() - current.t0, durationMs: null };
      current.statements.push(statement);
      if (query.__knexQueryUid) current.open.set(query.__knexQueryUid, statement);
    };
    const onResponse = (_response: unknown, query: { __knexQueryUid?: string }) => {
      const statement = current && query.__knexQueryUid ? current.open.get(query.__knexQueryUid) : undefined;
      if (statement && current) statement.durationMs = performance.now() - current.t0 - statement.startMs;
    };
    const knex = strapi.db.connection as unknown as NodeJS.EventEmitter;
    knex.on('query', onQuery);
    knex.on('query-response', onResponse);

    const traced: TracedMessage[] = [];
    try {
      // The first few warm the statement caches and the JIT; they are not kept.
      for (let index = 0; index < count + 5; index += 1) {
        const clientId = `trace-message-${index}`;
        const delivered = new Promise<number>((resolve) => {
          const listener = (payload: { entry?: { clientId?: string } }) => {
            if (payload?.entry?.clientId !== clientId) return;
            agentSocket.off('timeline:entry', listener);
            resolve(performance.now());
          };
          agentSocket.on('timeline:entry', listener);
        });
        current = { t0: performance.now(), statements: [], open: new Map() };
        const t0 = current.t0;
        marks = { clientId, t0, receivedMs: Number.NaN, agentCopyMs: Number.NaN, ackMs: Number.NaN };
        const ack = (await visitorSocket.timeout(10_000).emitWithAck('message:send', { clientId, body: `Trace message ${index}` })) as { ok: boolean };
        const ackAt = performance.now();
        const statements = current.statements;
        current = null;
        if (!ack.ok) throw new Error(`trace: message refused: ${JSON.stringify(ack)}`);
        const deliveredAt = await delivered;
        const server = { receivedMs: marks.receivedMs, agentCopyMs: marks.agentCopyMs, ackMs: marks.ackMs };
        marks = null;
        if (index >= 5) traced.push({ ackMs: ackAt - t0, deliveryMs: deliveredAt - t0, server, statements });
        // Stay far below the visitor's 30 events / 5 s.
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    } finally {
      knex.off('query', onQuery);
      knex.off('query-response', onResponse);
    }

    const shapeOf = (message: TracedMessage) => message.statements.map((statement) => statement.sql).join('\n');
    const shapes = new Map<string, TracedMessage[]>();
    for (const message of traced) shapes.set(shapeOf(message), [...(shapes.get(shapeOf(message)) ?? []), message]);
    const usual = [...shapes.values()].sort((a, b) => b.length - a.length)[0] ?? [];
    const path = (usual[0]?.statements ?? []).map((statement, position) => {
      const durations = usual.map((message) => message.statements[position]!.durationMs).filter((value): value is number => value !== null);
      return {
        sql: statement.sql,
        startMs: median(usual.map((message) => message.statements[position]!.startMs)),
        durationMs: durations.length ? median(durations) : null,
      };
    });
    return {
      messages: traced.length,
      ackMs: median(traced.map((message) => message.ackMs)),
      deliveryMs: median(traced.map((message) => message.deliveryMs)),
      server: {
        receivedMs: median(traced.map((message) => message.server.receivedMs)),
        agentCopyMs: median(traced.map((message) => message.server.agentCopyMs)),
        ackMs: median(traced.map((message) => message.server.ackMs)),
      },
      statements: median(traced.map((message) => message.statements.length)),
      dbMs: median(traced.map((message) => message.statements.reduce((sum, statement) => sum + (statement.durationMs ?? 0), 0))),
      path,
      otherShapes: traced.length - usual.length,
    };
  } finally {
    visitorSocket.disconnect();
    agentSocket.disconnect();
  }
}
