import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { z } from 'zod';
import type { AgentCapacityResponse, AssignmentSettingsResponse } from '../../../shared/contracts/assignment';
import { DB_INTEGER_MAX } from '../../../shared/constants';
import { AGENT_CAPACITY } from '../../../shared/domain/auto-assignment';
import { agentCapacitySchema } from '../../../shared/schemas';
import type { AutoAssignmentService } from '../services/auto-assignment';
import { parseOrThrow } from '../validation';

const agentIdSchema = z.coerce.number({ error: 'Must be an agent id' }).int('Must be an agent id').positive('Must be an agent id').max(DB_INTEGER_MAX);

/** G7: agents' capacities for auto-assignment (Settings > Live Chat > Auto-assignment). */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const assignment = () => strapi.plugin('live-chat').service('auto-assignment') as AutoAssignmentService;

  return {
    async find(ctx: Context) {
      const body: AssignmentSettingsResponse = {
        data: {
          defaultCapacity: AGENT_CAPACITY.default,
          limits: { min: AGENT_CAPACITY.min, max: AGENT_CAPACITY.max },
          agents: await assignment().listCapacities(),
        },
      };
      ctx.body = body;
    },
    async setCapacity(ctx: Context) {
      const agentId = parseOrThrow(z.object({ agentId: agentIdSchema }), ctx.params, 'Invalid agent id').agentId;
      const { maxOpenChats } = parseOrThrow(agentCapacitySchema, (ctx.request as { body?: unknown }).body, 'Invalid capacity');
      const body: AgentCapacityResponse = { data: await assignment().setCapacity(agentId, maxOpenChats) };
      ctx.body = body;
    },
  };
};
