import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Core } from '@strapi/strapi';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import { Server } from 'socket.io';
import { NAMESPACES, SOCKET_PATH } from '../../../shared/events';
import { pluginConfig } from '../plugin-config';
import { setupAgentNamespace } from './agent-namespace';
import { createLimits, type RealtimeLimits } from './limits';
import { createRequestGate } from './request-gate';
import { setupVisitorNamespace } from './visitor-namespace';
import { isAllowedWidgetOrigin } from '../widget-origins';

/** Frames larger than this are refused by the transport itself (F4). */
const MAX_FRAME_BYTES = 64 * 1024;

export interface Realtime {
  io: Server;
  /** Shared with the widget's HTTP routes, so a visitor has one budget whichever way they call. */
  limits: RealtimeLimits;
  /**
   * F3 graceful shutdown: refuses new events, waits (at most `timeoutMs`) for the handlers still
   * storing and acking, then closes every client's connection without a Socket.IO "disconnect"
   * packet, so the clients' own reconnection takes them to another node through the balancer.
   */
  drain: (timeoutMs: number) => Promise<void>;
  close: () => Promise<void>;
}

/** The server event that tells clients to run their catch-up `sync` again (shared/events.ts). */
const RESYNC_EVENT = 'resync';

/**
 * The Redis adapter publishes without awaiting; with Redis away each publish would reject with no
 * handler and end the process. A failed broadcast is made up for by the clients' resync instead.
 */
function swallowPublishFailures(client: object) {
  const target = client as { publish: (...args: unknown[]) => Promise<unknown> };
  const publish = target.publish.bind(target);
  target.publish = (...args: unknown[]) => publish(...args).catch(() => 0);
}

/** Runs `action` each time `client` is ready again after a lost connection (not the first time). */
function onReconnect(client: { on: (event: 'ready', listener: () => void) => unknown }, action: () => void) {
  let first = true;
  client.on('ready', () => {
    if (!first) action();
    first = false;
  });
}

/**
 * Socket.IO on Strapi's own HTTP server, on its own path so Strapi's other websockets are not
 * disturbed. With REDIS_URL the Redis adapter joins the processes (F3) and the rate limits are shared.
 */
export async function startRealtime(strapi: Core.Strapi): Promise<Realtime> {
  const config = pluginConfig(strapi);
  const isAllowedOrigin = (origin: string | undefined) => isAllowedWidgetOrigin(config.widgetOrigins, origin);

  const io = new Server(strapi.server.httpServer, {
    path: SOCKET_PATH,
    serveClient: false,
    maxHttpBufferSize: MAX_FRAME_BYTES,
    cors: { origin: (origin, callback) => callback(null, isAllowedOrigin(origin)), credentials: false },
  });

  const gate = createRequestGate();
  const redisClients: Array<{ quit: () => Promise<unknown> }> = [];
  let limiterStore: unknown;
  if (config.redisUrl) {
    // No offline queue: while Redis is away a broadcast fails at once instead of piling up (the
    // clients' resync covers it), and the rate limiters see the client is not ready.
    const pub = createClient({ url: config.redisUrl, disableOfflineQueue: true });
    const sub = pub.duplicate();
    swallowPublishFailures(pub);
    // Without a listener an unreachable Redis would crash the process; the clients reconnect by themselves.
    let reported = false;
    for (const client of [pub, sub]) {
      client.on('error', (error: Error) => {
        if (!reported) strapi.log.warn(`[live-chat] Redis unreachable, realtime stays on this node until it is back: ${error.message}`);
        reported = true;
      });
    }
    // Broadcasts published while Redis was away were lost; the clients catch up from the database
    // (E2) without reconnecting. Once this node's subscriber is back, its own clients resync (they
    // missed what others published); once its publisher is back, every node's clients resync (they
    // missed what this node could not publish).
    const resync = (scope: 'local' | 'everywhere') => {
      for (const namespace of [NAMESPACES.agent, NAMESPACES.visitor]) {
        if (scope === 'local') io.of(namespace).local.emit(RESYNC_EVENT);
        else io.of(namespace).emit(RESYNC_EVENT);
      }
    };
    onReconnect(sub, () => {
      reported = false;
      strapi.log.info('[live-chat] Redis is back; clients catch up');
      resync('local');
    });
    onReconnect(pub, () => resync('everywhere'));
    await Promise.all([pub.connect(), sub.connect()]);
    redisClients.push(pub, sub);
    io.adapter(createAdapter(pub, sub));
    limiterStore = pub;
  }
  const limits = createLimits(limiterStore);

  // In-flight HTTP requests (REST sends, uploads) count too, so a shutdown answers them before it ends.
  strapi.server.httpServer.on('request', (request: IncomingMessage, response: ServerResponse) => {
    if (request.url?.startsWith(SOCKET_PATH)) return; // Socket.IO's own long polls
    void gate.track(() => new Promise((resolve) => response.once('close', resolve)));
  });
  // A connection that reaches a node already shutting down is let go at once: the client retries elsewhere.
  io.engine.on('connection', (connection: { close: () => void }) => {
    if (gate.closed) connection.close();
  });
  setupAgentNamespace(strapi, io.of(NAMESPACES.agent), limits, gate);
  setupVisitorNamespace(strapi, io.of(NAMESPACES.visitor), limits, isAllowedOrigin, gate);

  return {
    io,
    limits,
    async drain(timeoutMs) {
      gate.close();
      if (!(await gate.idle(timeoutMs))) strapi.log.warn('[live-chat] shutdown: socket handlers still running after the drain timeout');
      // An engine-level close (not socket.disconnect(), whose "io server disconnect" stops the
      // client's reconnection); each flushes what it still has to write (acks) before closing.
      const engine = io.engine as unknown as { clients: Record<string, { close: () => void }>; clientsCount: number };
      for (const connection of Object.values(engine.clients)) connection.close();
      // The disconnect handlers the closes start (presence grace, B2) finish before the database closes.
      const until = Date.now() + timeoutMs;
      while (engine.clientsCount > 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
      await gate.idle(Math.max(0, until - Date.now()));
    },
    async close() {
      // Closes the engine only: Strapi closes its own HTTP server afterwards.
      io.engine.close();
      await Promise.all(redisClients.map((client) => client.quit().catch(() => undefined)));
    },
  };
}
