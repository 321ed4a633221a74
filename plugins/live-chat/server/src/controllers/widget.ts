import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { z } from 'zod';
import { invalidInput } from '../errors';
import { toVisitorConversation } from '../realtime/views';
import { parseOrThrow } from '../validation';

const sessionSchema = z.strictObject({
  token: z.string().max(2048).optional(),
  page: z.string().max(2048).optional(),
  language: z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'Not a language tag').max(16).optional(),
});

/** Routes the widget calls without an admin or API session (visitors have neither). */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** E4: first contact or a return visit → a signed visitor token and the open conversation, if any. */
  async session(ctx: Context) {
    const body = (ctx.request as { body?: unknown }).body;
    const input = parseOrThrow(sessionSchema, body, 'Invalid session request');
    if (input.page && !/^https?:\/\//.test(input.page)) {
      throw invalidInput('Invalid session request', [{ path: ['page'], message: 'The page must be an http(s) URL' }]);
    }
    const visitors = strapi.plugin('live-chat').service('visitors');
    const { token, visitor } = await visitors.startSession(input);
    const conversation = await visitors.currentConversation(visitor.id);
    ctx.body = { data: { token, conversation: conversation ? toVisitorConversation(conversation) : null } };
  },
});
