import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { csatSettingsSchema } from '../../../shared/domain/satisfaction';
import { notificationPreferencesSchema } from '../../../shared/schemas';
import type { AdminSession } from '../services/agents';
import { parseOrThrow } from '../validation';

/** D3: notification settings, company-wide and per agent; G8: the company's email settings; issue 16: the CSAT switch. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = () => strapi.plugin('live-chat').service('notification-settings');
  const agentId = (ctx: Context) => (ctx.state as AdminSession).user.id;
  const changes = (ctx: Context) =>
    parseOrThrow(notificationPreferencesSchema, (ctx.request as { body?: unknown }).body, 'Invalid notification settings');

  return {
    async getCompany(ctx: Context) {
      ctx.body = { data: await settings().getCompany() };
    },
    async setCompany(ctx: Context) {
      ctx.body = { data: await settings().setCompany(changes(ctx)) };
    },
    async getMine(ctx: Context) {
      ctx.body = { data: { company: await settings().getCompany(), mine: await settings().getForAgent(agentId(ctx)) } };
    },
    /** Issue 16 (G6): whether visitors are asked to rate closed chats. */
    async getCsat(ctx: Context) {
      ctx.body = { data: await strapi.plugin('live-chat').service('satisfaction').settings() };
    },
    async setCsat(ctx: Context) {
      const input = parseOrThrow(csatSettingsSchema, (ctx.request as { body?: unknown }).body, 'Invalid satisfaction rating settings');
      ctx.body = { data: await strapi.plugin('live-chat').service('satisfaction').updateSettings(input) };
    },
    async setMine(ctx: Context) {
      ctx.body = { data: { company: await settings().getCompany(), mine: await settings().setForAgent(agentId(ctx), changes(ctx)) } };
    },
    async getEmail(ctx: Context) {
      ctx.body = { data: await strapi.plugin('live-chat').service('email-settings').get() };
    },
    async setEmail(ctx: Context) {
      ctx.body = { data: await strapi.plugin('live-chat').service('email-settings').set((ctx.request as { body?: unknown }).body) };
    },
  };
};
