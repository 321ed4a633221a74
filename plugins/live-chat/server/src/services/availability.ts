import type { Core } from '@strapi/strapi';
import { uid, type AgentAvailability } from '../../../shared/constants';
import { updateOrCreate } from '../repositories/sql';

/** B2: an agent's online / offline toggle, stored so it survives a reload and is shared by all nodes. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const statuses = () => strapi.db.query(uid('agent-status'));

  return {
    /** The agent's current availability (offline until they switch it on). */
    async get(agentId: number): Promise<AgentAvailability> {
      const row = await statuses().findOne({ where: { agent: agentId }, select: ['availability'] });
      return (row?.availability as AgentAvailability | undefined) ?? 'offline';
    },

    /** Sets the toggle; returns the stored value. */
    async set(agentId: number, availability: AgentAvailability): Promise<AgentAvailability> {
      await updateOrCreate(statuses(), { agent: agentId }, { availability }, () => ({ agent: agentId, availability }));
      return availability;
    },

    /** Ids of agents whose toggle is online. */
    async onlineAgentIds(): Promise<number[]> {
      const rows = await statuses().findMany({ where: { availability: 'online' }, populate: { agent: { select: ['id'] } } });
      return rows.flatMap((row: { agent?: { id: number } | null }) => (row.agent ? [row.agent.id] : []));
    },
  };
};
