import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { Agent } from '../../../shared/domain';
import {
  availabilityBodySchema,
  crmBodySchema,
  documentIdSchema,
  folderListQuerySchema,
  reassignBodySchema,
  timelineQuerySchema,
} from '../../../shared/schemas';
import type { AdminSession } from '../services/agents';
import { parseOrThrow } from '../validation';

/** The inbox's admin API: each handler validates, calls one service, and shapes the answer. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = (name: string) => strapi.plugin('live-chat').service(name);
  const agentOf = (ctx: Context): Agent => service('agents').fromAdminSession(ctx.state as AdminSession);
  const documentIdOf = (ctx: Context): string => parseOrThrow(documentIdSchema, ctx.params.documentId, 'Invalid id');
  const body = (ctx: Context): unknown => (ctx.request as { body?: unknown }).body;

  return {
    async list(ctx: Context) {
      const query = parseOrThrow(folderListQuerySchema, ctx.query, 'Invalid list query');
      ctx.body = await service('conversations').list(agentOf(ctx), query);
    },

    async findOne(ctx: Context) {
      ctx.body = { data: await service('conversations').get(agentOf(ctx), documentIdOf(ctx)) };
    },

    async timeline(ctx: Context) {
      const page = parseOrThrow(timelineQuerySchema, ctx.query, 'Invalid timeline query');
      ctx.body = await service('conversations').timeline(agentOf(ctx), documentIdOf(ctx), page);
    },

    async assignToMe(ctx: Context) {
      ctx.body = { data: await service('conversations').assignToMe(agentOf(ctx), documentIdOf(ctx)) };
    },

    async reassign(ctx: Context) {
      const documentId = documentIdOf(ctx);
      const { agentId } = parseOrThrow(reassignBodySchema, body(ctx), 'Invalid reassign request');
      ctx.body = { data: await service('conversations').reassign(agentOf(ctx), documentId, agentId) };
    },

    async sendMessage(ctx: Context) {
      const { entry, created } = await service('messages').sendAsAgent(agentOf(ctx), documentIdOf(ctx), body(ctx));
      ctx.status = created ? 201 : 200;
      ctx.body = { data: entry };
    },

    async close(ctx: Context) {
      ctx.body = { data: await service('conversations').close(agentOf(ctx), documentIdOf(ctx)) };
    },

    async updateSidePanel(ctx: Context) {
      ctx.body = { data: await service('side-panel').update(agentOf(ctx), documentIdOf(ctx), body(ctx)) };
    },

    async createLead(ctx: Context) {
      const documentId = documentIdOf(ctx);
      const { title } = parseOrThrow(crmBodySchema, body(ctx), 'Invalid lead request');
      ctx.status = 201;
      ctx.body = { data: await service('crm').create(agentOf(ctx), documentId, 'lead', title) };
    },

    async createDeal(ctx: Context) {
      const documentId = documentIdOf(ctx);
      const { title } = parseOrThrow(crmBodySchema, body(ctx), 'Invalid deal request');
      ctx.status = 201;
      ctx.body = { data: await service('crm').create(agentOf(ctx), documentId, 'deal', title) };
    },

    async crmRecords(ctx: Context) {
      ctx.body = { data: await service('crm').linked(agentOf(ctx), documentIdOf(ctx)) };
    },

    /** G2: the visitor's context and their earlier conversations the agent may see. */
    async context(ctx: Context) {
      ctx.body = { data: await service('conversations').context(agentOf(ctx), documentIdOf(ctx)) };
    },

    async agents(ctx: Context) {
      const agents: Agent[] = await service('agents').listInboxAgents();
      ctx.body = { data: agents.map(({ id, displayName }) => ({ id, name: displayName })) };
    },

    async getAvailability(ctx: Context) {
      ctx.body = { data: { availability: await service('availability').get(agentOf(ctx).id) } };
    },

    async setAvailability(ctx: Context) {
      const { availability } = parseOrThrow(availabilityBodySchema, body(ctx), 'Invalid availability');
      ctx.body = { data: { availability: await service('availability').set(agentOf(ctx).id, availability) } };
    },
  };
};
