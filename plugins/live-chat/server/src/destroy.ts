import type { Core } from '@strapi/strapi';

/** How long a shutdown waits for in-flight socket handlers and HTTP requests. */
const DRAIN_TIMEOUT_MS = 10_000;

/**
 * Closes what bootstrap opened, so a test run or a restart leaves no handle behind. On SIGTERM it is
 * also the graceful shutdown of a node behind a load balancer (F3, docs/operations.md): take no new
 * connections (the balancer's checks and retries turn to the other nodes), finish the stores and
 * acks in flight, send the sockets to reconnect elsewhere, then stop the timers and let the
 * listeners fan out what was stored before the database closes.
 */
export default async ({ strapi }: { strapi: Core.Strapi }) => {
  const server = strapi.server?.httpServer;
  if (server?.listening) {
    server.close(); // Strapi's own destroy then ends the connections that remain
    server.closeIdleConnections();
  }
  await strapi.plugin('live-chat').service('realtime').drain(DRAIN_TIMEOUT_MS);
  await strapi.plugin('live-chat').service('sweeper').stop();
  // G8: follow-up checks started by visitor sockets that closed just before.
  await strapi.plugin('live-chat').service('emails').drain();
  // Listeners still fanning out a stored change finish before the database closes.
  await strapi.plugin('live-chat').service('event-bus').drain();
  await strapi.plugin('live-chat').service('realtime').stop();
};
