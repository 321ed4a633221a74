import type { Core } from '@strapi/strapi';
import type { Namespace, Server } from 'socket.io';
import { NAMESPACES } from '../../../shared/events';
import { pluginConfig } from '../plugin-config';
import { ROOMS } from '../realtime/rooms';
import { table, TABLES, toDbDatetime } from '../repositories/sql';

/** The shortest presence lease; a longer grace period makes a longer lease. */
const MIN_LEASE_MS = 10_000;

/**
 * B2: an agent who switched online stays online while any inbox tab of theirs is connected (on any
 * server process), and for a grace period after the last one closed, so a page reload keeps them
 * online. The grace is a stored deadline, swept like the wait time.
 *
 * F3: a connected tab does not clear the deadline, it holds a lease: the deadline is pushed a lease
 * ahead, renewed by the node holding the socket (at every third of the lease). A node that dies
 * renews nothing, so the agents only it was holding go offline when the lease runs out, by any
 * other node's sweep; nothing depends on the dead node.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const leaseMs = () => Math.max(pluginConfig(strapi).presenceGraceMs, MIN_LEASE_MS);
  let renewedAt = 0;

  /** The agents with an inbox socket on this process (none before the realtime server started). */
  async function localAgentIds(): Promise<number[]> {
    let namespace: Namespace;
    try {
      namespace = (strapi.plugin('live-chat').service('realtime').io() as Server).of(NAMESPACES.agent);
    } catch {
      return [];
    }
    const sockets = await namespace.local.fetchSockets();
    return [...new Set(sockets.map((socket) => (socket.data as { agent?: { id: number } }).agent?.id).filter((id): id is number => typeof id === 'number'))];
  }

  /** Pushes the lease of the agents connected here a lease ahead of `now`. */
  async function renew(agentIds: number[], now: Date) {
    if (agentIds.length === 0) return;
    await table(strapi, TABLES.agentStatuses)
      .whereIn('agent_id', agentIds)
      .update({ offline_after_at: toDbDatetime(strapi, new Date(now.getTime() + leaseMs())) });
  }

  return {
    /** An inbox socket of the agent connected: a lease instead of any pending offline. */
    async connected(agentId: number) {
      const now = new Date();
      await table(strapi, TABLES.agentStatuses)
        .where({ agent_id: agentId })
        .update({ offline_after_at: toDbDatetime(strapi, new Date(now.getTime() + leaseMs())), last_connected_at: toDbDatetime(strapi, now) });
    },

    /** An inbox socket closed: if it was the agent's last one anywhere, start the grace period. */
    async disconnected(agentId: number, namespace: Namespace) {
      const remaining = await namespace.in(ROOMS.agent(agentId)).fetchSockets();
      if (remaining.length > 0) return;
      const offlineAfterAt = new Date(Date.now() + pluginConfig(strapi).presenceGraceMs);
      await table(strapi, TABLES.agentStatuses)
        .where({ agent_id: agentId, availability: 'online' })
        .update({ offline_after_at: toDbDatetime(strapi, offlineAfterAt) });
    },

    /** Renews this process's leases when due, then turns agents whose deadline passed offline; returns how many. */
    async sweep(now: Date = new Date()): Promise<number> {
      if (now.getTime() - renewedAt >= leaseMs() / 3) {
        renewedAt = now.getTime();
        await renew(await localAgentIds(), now);
      }
      const result = await table(strapi, TABLES.agentStatuses)
        .where('availability', 'online')
        .whereNotNull('offline_after_at')
        .where('offline_after_at', '<=', toDbDatetime(strapi, now))
        .update({ availability: 'offline', offline_after_at: null });
      return Number(result ?? 0);
    },
  };
};
