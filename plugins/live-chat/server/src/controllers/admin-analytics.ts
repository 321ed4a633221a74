import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { analyticsCsv } from '../../../shared/analytics-csv';
import { analyticsQuerySchema, type AnalyticsResponse } from '../../../shared/contracts/analytics';
import type { AdminSession } from '../services/agents';
import { parseOrThrow } from '../validation';

/** Issue 16: the analytics report as JSON and as a CSV download; the service applies B6. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = (name: string) => strapi.plugin('live-chat').service(name);

  async function report(ctx: Context): Promise<AnalyticsResponse> {
    const query = parseOrThrow(analyticsQuerySchema, ctx.query, 'Invalid analytics query');
    const viewer = service('agents').fromAdminSession(ctx.state as AdminSession);
    return service('analytics').report(viewer, query);
  }

  return {
    async report(ctx: Context) {
      ctx.body = await report(ctx);
    },

    async exportCsv(ctx: Context) {
      const answer = await report(ctx);
      ctx.set('Content-Disposition', `attachment; filename="live-chat-analytics-${answer.meta.from}-${answer.meta.to}.csv"`);
      ctx.type = 'text/csv; charset=utf-8';
      ctx.body = analyticsCsv(answer.data);
    },
  };
};
