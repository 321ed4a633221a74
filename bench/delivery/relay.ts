import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { NAMESPACES, SOCKET_PATH } from '../../plugins/live-chat/shared/events';

export interface Relay {
  url: string;
  close: () => Promise<void>;
}

/**
 * The baseline: a bare Socket.IO relay with the plugin's path, namespaces, frame limit and event
 * names, and the same fan-out (to the paired agent's room and back to the visitor's own room), but
 * nothing else: no token check, no rate limit, no validation, no database. A visitor's
 * `message:send` is numbered in memory, forwarded and acknowledged at once. What the plugin adds
 * on top of this is the cost of authenticating, limiting, validating and storing before the ack.
 */
export async function startRelay(): Promise<Relay> {
  const httpServer = createServer();
  const io = new Server(httpServer, { path: SOCKET_PATH, serveClient: false, maxHttpBufferSize: 64 * 1024 });

  const agents = io.of(NAMESPACES.agent);
  agents.on('connection', (socket) => {
    socket.join(`agent:${Number(socket.handshake.auth?.agent)}`);
  });

  const visitors = io.of(NAMESPACES.visitor);
  let nextVisitor = 0;
  visitors.on('connection', (socket) => {
    const visitorRoom = `visitor:${(nextVisitor += 1)}`;
    socket.join(visitorRoom);
    const agentRoom = `agent:${Number(socket.handshake.auth?.agent)}`;
    const documentId = `relay-${nextVisitor}`;
    let seq = 0;

    socket.on('conversation:start', (_payload: unknown, ack?: (answer: unknown) => void) => {
      ack?.({ ok: true, data: { documentId, status: 'assigned' } });
    });
    socket.on('message:send', (payload: { clientId?: unknown; body?: unknown }, ack?: (answer: unknown) => void) => {
      seq += 1;
      const entry = { kind: 'text', seq, clientId: payload?.clientId, body: payload?.body, authorKind: 'visitor', createdAt: new Date().toISOString() };
      agents.to(agentRoom).emit('timeline:entry', { documentId, entry });
      visitors.to(visitorRoom).emit('timeline:entry', entry);
      ack?.({ ok: true, data: entry });
    });
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => io.close(() => resolve()));
    },
  };
}
