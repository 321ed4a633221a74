import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { Agent } from '../../../shared/domain';
import { CONVERSATION_ACTIONS as ACTIONS } from '../../../shared/contracts/content-api';
import { documentIdSchema } from '../../../shared/schemas';
import { forbidden, invalidInput } from '../errors';
import { parseOrThrow } from '../validation';

/**
 * F1: the inbox actions for integrations (API tokens / users-permissions), acting as a named agent
 * whose own permissions and visibility apply. Bodies follow the content API's `{ data: … }` shape.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = (name: string) => strapi.plugin('live-chat').service(name);
  const dataOf = (ctx: Context): unknown => ((ctx.request as { body?: { data?: unknown } }).body ?? {}).data;
  const documentIdOf = (ctx: Context) => parseOrThrow(documentIdSchema, ctx.params.documentId, 'Invalid id');

  async function actingAgent(id: number): Promise<Agent> {
    const agent: Agent | 'unknown' | 'not_allowed' = await service('agents').findActingAgent(id);
    if (agent === 'unknown') {
      throw invalidInput('Unknown acting agent', [{ path: ['data', 'actingAgentId'], message: 'No agent with this id can take chats' }]);
    }
    // The app's `actingAgents` setting keeps integrations to the agents it names.
    if (agent === 'not_allowed') throw forbidden('This integration may not act as that agent');
    return agent;
  }

  return {
    async assign(ctx: Context) {
      const documentId = documentIdOf(ctx);
      const input = parseOrThrow(ACTIONS.assign.request, dataOf(ctx), 'Invalid assign request');
      ctx.body = { data: await service('conversations').assignToMe(await actingAgent(input.actingAgentId), documentId) };
    },

    async reassign(ctx: Context) {
      const documentId = documentIdOf(ctx);
      const input = parseOrThrow(ACTIONS.reassign.request, dataOf(ctx), 'Invalid reassign request');
      ctx.body = {
        data: await service('conversations').reassign(await actingAgent(input.actingAgentId), documentId, input.agentId),
      };
    },

    async close(ctx: Context) {
      const documentId = documentIdOf(ctx);
      const input = parseOrThrow(ACTIONS.close.request, dataOf(ctx), 'Invalid close request');
      ctx.body = { data: await service('conversations').close(await actingAgent(input.actingAgentId), documentId) };
    },

    async sendMessage(ctx: Context) {
      const documentId = documentIdOf(ctx);
      const { actingAgentId: id, ...message } = parseOrThrow(ACTIONS.sendMessage.request, dataOf(ctx), 'Invalid message');
      const { entry, created } = await service('messages').sendAsAgent(await actingAgent(id), documentId, message);
      ctx.status = created ? 201 : 200;
      ctx.body = { data: entry };
    },

    async createLead(ctx: Context) {
      const documentId = documentIdOf(ctx);
      const input = parseOrThrow(ACTIONS.createLead.request, dataOf(ctx), 'Invalid lead request');
      ctx.status = 201;
      ctx.body = { data: await service('crm').create(await actingAgent(input.actingAgentId), documentId, 'lead', input.title) };
    },

    async createDeal(ctx: Context) {
      const documentId = documentIdOf(ctx);
      const input = parseOrThrow(ACTIONS.createDeal.request, dataOf(ctx), 'Invalid deal request');
      ctx.status = 201;
      ctx.body = { data: await service('crm').create(await actingAgent(input.actingAgentId), documentId, 'deal', input.title) };
    },
  };
};
