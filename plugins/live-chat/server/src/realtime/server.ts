import type { Core } from '@strapi/strapi';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import { Server } from 'socket.io';
import { NAMESPACES, SOCKET_PATH } from '../../../shared/events';
import { pluginConfig } from '../plugin-config';
import { setupAgentNamespace } from './agent-namespace';
import { createLimits, type RealtimeLimits } from './limits';
import { setupVisitorNamespace } from './visitor-namespace';
import { isAllowedWidgetOrigin } from '../widget-origins';

/** Frames larger than this are refused by the transport itself (F4). */
const MAX_FRAME_BYTES = 64 * 1024;

export interface Realtime {
  io: Server;
  /** Shared with the widget's HTTP routes, so a visitor has one budget whichever way they call. */
  limits: RealtimeLimits;
  close: () => Promise<void>;
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

  const redisClients: Array<{ quit: () => Promise<unknown> }> = [];
  let limiterStore: unknown;
  if (config.redisUrl) {
    const pub = createClient({ url: config.redisUrl });
    const sub = pub.duplicate();
    await Promise.all([pub.connect(), sub.connect()]);
    redisClients.push(pub, sub);
    io.adapter(createAdapter(pub, sub));
    limiterStore = pub;
  }
  const limits = createLimits(limiterStore);

  setupAgentNamespace(strapi, io.of(NAMESPACES.agent), limits);
  setupVisitorNamespace(strapi, io.of(NAMESPACES.visitor), limits, isAllowedOrigin);

  return {
    io,
    limits,
    async close() {
      io.disconnectSockets(true);
      for (const namespace of [NAMESPACES.agent, NAMESPACES.visitor]) io.of(namespace).disconnectSockets(true);
      // Closes the engine only: Strapi closes its own HTTP server afterwards.
      io.engine.close();
      await Promise.all(redisClients.map((client) => client.quit().catch(() => undefined)));
    },
  };
}
