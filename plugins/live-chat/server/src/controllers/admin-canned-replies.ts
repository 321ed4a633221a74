import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import {
  cannedReplyLocaleQuerySchema,
  createCannedReplyBodySchema,
  updateCannedReplyBodySchema,
  type CannedReplyDeletedResponse,
  type CannedReplyListResponse,
  type CannedReplyResponse,
  type ComposerCannedReplyListResponse,
} from '../../../shared/contracts/canned-replies';
import { documentIdSchema } from '../../../shared/schemas';
import type { AdminSession } from '../services/agents';
import { parseOrThrow } from '../validation';

/** G3: canned replies' admin API: each handler validates, calls one service, shapes the answer. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = (name: string) => strapi.plugin('live-chat').service(name);
  const replies = () => service('canned-replies');
  const idOf = (ctx: Context): string => parseOrThrow(documentIdSchema, ctx.params.documentId, 'Invalid id');
  const localeOf = (ctx: Context): string | undefined => parseOrThrow(cannedReplyLocaleQuerySchema, ctx.query, 'Invalid query').locale;
  const body = (ctx: Context): unknown => (ctx.request as { body?: unknown }).body;

  return {
    async find(ctx: Context) {
      const answer: CannedReplyListResponse = await replies().list(localeOf(ctx));
      ctx.body = answer;
    },

    async findOne(ctx: Context) {
      const documentId = idOf(ctx);
      const answer: CannedReplyResponse = { data: await replies().get(documentId, localeOf(ctx)) };
      ctx.body = answer;
    },

    async create(ctx: Context) {
      const locale = localeOf(ctx);
      const input = parseOrThrow(createCannedReplyBodySchema, body(ctx), 'Invalid canned reply');
      const answer: CannedReplyResponse = { data: await replies().create(input, locale) };
      ctx.status = 201;
      ctx.body = answer;
    },

    async update(ctx: Context) {
      const [documentId, locale] = [idOf(ctx), localeOf(ctx)];
      const input = parseOrThrow(updateCannedReplyBodySchema, body(ctx), 'Invalid canned reply');
      const { reply, created } = await replies().update(documentId, input, locale);
      const answer: CannedReplyResponse = { data: reply };
      ctx.status = created ? 201 : 200;
      ctx.body = answer;
    },

    async delete(ctx: Context) {
      const [documentId, locale] = [idOf(ctx), localeOf(ctx)];
      const answer: CannedReplyDeletedResponse = { data: await replies().remove(documentId, locale) };
      ctx.body = answer;
    },

    /** The composer's picker: the replies in the chat's language (B6 applies to the conversation). */
    async forConversation(ctx: Context) {
      const agent = service('agents').fromAdminSession(ctx.state as AdminSession);
      const answer: ComposerCannedReplyListResponse = await replies().forConversation(agent, idOf(ctx));
      ctx.body = answer;
    },
  };
};
