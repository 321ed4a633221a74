import type { Core } from '@strapi/strapi';
import type { Namespace } from 'socket.io';
import { pluginConfig } from '../plugin-config';
import { ROOMS } from '../realtime/rooms';
import { table, TABLES, toDbDatetime } from '../repositories/sql';

/**
 * B2: an agent who switched online stays online while any inbox tab of theirs is connected (on any
 * server process), and for a grace period after the last one closed, so a page reload keeps them
 * online. The grace is a stored deadline, swept like the wait time.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  return {
    /** An inbox socket of the agent connected: cancel any pending offline. */
    async connected(agentId: number) {
      await table(strapi, TABLES.agentStatuses)
        .where({ agent_id: agentId })
        .update({ offline_after_at: null, last_connected_at: toDbDatetime(strapi, new Date()) });
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

    /** Turns agents whose grace ran out offline; returns how many. */
    async sweep(now: Date = new Date()): Promise<number> {
      const result = await table(strapi, TABLES.agentStatuses)
        .where('availability', 'online')
        .whereNotNull('offline_after_at')
        .where('offline_after_at', '<=', toDbDatetime(strapi, now))
        .update({ availability: 'offline', offline_after_at: null });
      return Number(result ?? 0);
    },
  };
};
