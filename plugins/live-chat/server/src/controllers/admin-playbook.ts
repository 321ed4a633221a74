import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { PlaybookListResponse } from '../../../shared/contracts/admin';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Playbooks for the admin list screen. */
  async find(ctx: Context) {
    const body: PlaybookListResponse = { data: await strapi.plugin('live-chat').service('playbooks').list() };
    ctx.body = body;
  },
});
