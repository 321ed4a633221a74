import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { z } from 'zod';
import { errors } from '@strapi/utils';
import { attachmentLimits, validateCaptureValues } from '../../../shared/domain';
import { pluginConfig } from '../plugin-config';
import { widgetPageViewSchema, widgetSessionSchema } from '../../../shared/schemas';
import { widgetResumeSchema, widgetTranscriptSchema } from '../../../shared/contracts/email';
import { forbidden, invalidInput, unauthorized } from '../errors';
import { flowInputSchema } from '../services/flow';
import { parseOrThrow } from '../validation';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { RealtimeLimits } from '../realtime/limits';
import { applyWidgetCors } from './widget-assets';
import { discardUploads, readUpload } from '../attachments/multipart';

const flowSchema = z.strictObject({
  playbookDocumentId: z.string().regex(/^[a-z0-9]{1,64}$/).optional(),
  page: z.string().max(2048).regex(/^https?:\/\//, 'The page must be an http(s) URL').optional(),
  input: flowInputSchema,
});

/** A5: the loader reports the page it runs on (once an hour per page), before anyone opens the chat. */
const installationSchema = z.strictObject({
  playbookDocumentId: z.string().regex(/^[a-z0-9]{1,64}$/).optional(),
  page: z.string().max(2048).regex(/^https?:\/\//, 'The page must be an http(s) URL'),
});

/** The host page's `LiveChat.identify({ name, email })`: at least one, each checked by the capture rules (A6). */
const identifySchema = z
  .strictObject({ name: z.string().max(500).optional(), email: z.string().max(500).optional() })
  .refine((value) => Boolean(value.name?.trim() || value.email?.trim()), { message: 'Give a name or an email', path: ['name'] });

/** Routes the widget calls without an admin or API session (visitors have neither). */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const limits = (): RealtimeLimits => strapi.plugin('live-chat').service('realtime').limits();
  /** F4: a refused point is a 429 in Strapi's error shape, with the wait in Retry-After. */
  const consume = async (ctx: Context, limiter: RateLimiterAbstract, key: string) => {
    try {
      await limiter.consume(key);
    } catch (refusal) {
      const wait = refusal instanceof RateLimiterRes ? Math.ceil(refusal.msBeforeNext / 1000) : 1;
      ctx.set('Retry-After', String(Math.max(wait, 1)));
      throw new errors.RateLimitError('Too many requests; try again shortly');
    }
  };
  /**
   * Every widget route: pages of sites off LIVE_CHAT_WIDGET_ORIGINS are refused (as on the visitor
   * socket), and each IP has a request budget (F4: a session creates a visitor row).
   */
  const guardOrigin = async (ctx: Context) => {
    if (!applyWidgetCors(strapi, ctx)) throw forbidden('This site may not use the chat widget (LIVE_CHAT_WIDGET_ORIGINS)');
    await consume(ctx, limits().ipRequests, ctx.request.ip);
  };
  /** The visitor the token names; their steps share the budget of their socket events (per visitor). */
  const visitorOf = async (ctx: Context) => {
    const header = ctx.request.headers.authorization ?? '';
    const visitor = await strapi.plugin('live-chat').service('visitors').fromToken(header.replace(/^Bearer\s+/i, ''));
    if (!visitor) throw unauthorized('A visitor token is required (POST /live-chat/widget/session)');
    await consume(ctx, limits().visitorEvents, String(visitor.id));
    return visitor;
  };

  return {
    /** A1–A8: one step of the page's playbook; the visitor proves who they are with their token. */
    async flow(ctx: Context) {
      await guardOrigin(ctx);
      const visitor = await visitorOf(ctx);
      const body = parseOrThrow(flowSchema, (ctx.request as { body?: unknown }).body, 'Invalid flow step');
      if (!body.playbookDocumentId && !body.page) {
        throw invalidInput('Invalid flow step', [{ path: ['page'], message: 'Give the page URL or a playbook id' }]);
      }
      ctx.body = {
        data: await strapi
          .plugin('live-chat')
          .service('flow')
          .step(visitor, { playbookDocumentId: body.playbookDocumentId, pageUrl: body.page, input: body.input }),
      };
    },

    /** E4: first contact or a return visit → a signed visitor token and the open conversation, if any. */
    async session(ctx: Context) {
      await guardOrigin(ctx);
      const body = (ctx.request as { body?: unknown }).body;
      const input = parseOrThrow(widgetSessionSchema, body, 'Invalid session request');
      const visitors = strapi.plugin('live-chat').service('visitors');
      const { token, visitor } = await visitors.startSession({ ...input, userAgent: ctx.request.headers['user-agent'] });
      const conversation = await visitors.currentConversation(visitor.id);
      const view = conversation ? await strapi.plugin('live-chat').service('satisfaction').visitorView(conversation) : null;
      // G4: what the paperclip may offer; the server still checks every file's bytes.
      const { allowedTypes, maxFileSize } = pluginConfig(strapi).attachments;
      const attachments = attachmentLimits({ allowedTypes, maxBytes: maxFileSize });
      ctx.body = { data: { token, conversation: view, attachments } };
    },

    /**
     * G2: the visitor moved to another page while the widget is loaded (a page load with a stored
     * token, or an SPA navigation). Stored, and sent live to the agents of their open chat.
     */
    async pageView(ctx: Context) {
      await guardOrigin(ctx);
      const visitor = await visitorOf(ctx);
      const view = parseOrThrow(widgetPageViewSchema, (ctx.request as { body?: unknown }).body, 'Invalid page view');
      await strapi.plugin('live-chat').service('visitors').recordPageView(visitor.id, { ...view, userAgent: ctx.request.headers['user-agent'] });
      ctx.status = 204;
    },

    /**
     * A5: "embedded" means the widget reported in from a page. The loader does so as the page loads
     * (no visitor is created); 404 when no published, active playbook runs on that page.
     */
    async installation(ctx: Context) {
      await guardOrigin(ctx);
      const body = parseOrThrow(installationSchema, (ctx.request as { body?: unknown }).body, 'Invalid installation report');
      const playbooks = strapi.plugin('live-chat').service('playbooks');
      const playbook: { id: string } | null = body.playbookDocumentId
        ? await playbooks.findRunnablePlaybook(body.playbookDocumentId, null)
        : await playbooks.findPlaybookForPage(body.page, null);
      if (!playbook) throw new errors.NotFoundError('No published, active playbook runs on this page');
      await strapi.plugin('live-chat').service('installations').record(playbook.id, body.page);
      ctx.status = 204;
    },

    /**
     * G4: a file from the visitor into their current conversation (multipart: `files` and
     * `clientId`). 201 with the stored timeline entry; a retry with the same clientId answers the
     * stored one with 200 and stores no second file.
     */
    async attachment(ctx: Context) {
      try {
        await guardOrigin(ctx);
        const visitor = await visitorOf(ctx);
        const { clientId, file } = readUpload(ctx);
        await consume(ctx, limits().visitorUploads, String(visitor.id));
        const { entry, created } = await strapi.plugin('live-chat').service('attachments').sendAsVisitor(visitor, clientId, file);
        ctx.status = created ? 201 : 200;
        ctx.body = { data: entry };
      } finally {
        await discardUploads(ctx);
      }
    },

    /** G8: the visitor asks for their chat's transcript by email (sent at the close, or now if it is closed). */
    async transcript(ctx: Context) {
      await guardOrigin(ctx);
      const visitor = await visitorOf(ctx);
      const input = parseOrThrow(widgetTranscriptSchema, (ctx.request as { body?: unknown }).body, 'Invalid transcript request');
      ctx.body = { data: await strapi.plugin('live-chat').service('emails').requestTranscript(visitor, input.requested ?? true) };
    },

    /**
     * G8: a follow-up email's link (`?livechat=` on the site's page) → a session of the visitor it
     * names and their conversation; 401 when the link is forged or expired.
     */
    async resume(ctx: Context) {
      await guardOrigin(ctx);
      const input = parseOrThrow(widgetResumeSchema, (ctx.request as { body?: unknown }).body, 'Invalid resume request');
      const resumed = await strapi.plugin('live-chat').service('emails').resume(input.link);
      if (!resumed) throw unauthorized('This chat link is invalid or has expired');
      ctx.body = { data: { token: resumed.token, conversation: await strapi.plugin('live-chat').service('satisfaction').visitorView(resumed.conversation) } };
    },

    /** E1: the host page tells who the visitor is (JS API `identify`); stored on the visitor, shown in the inbox. */
    async identify(ctx: Context) {
      await guardOrigin(ctx);
      const visitor = await visitorOf(ctx);
      const input = parseOrThrow(identifySchema, (ctx.request as { body?: unknown }).body, 'Invalid identify request');
      const checked = validateCaptureValues(['name', 'email'], [], { name: input.name, email: input.email });
      if (!checked.ok) throw invalidInput('Invalid identify request', checked.errors.map((e) => ({ ...e, path: e.path.slice(1) })));
      const identity = await strapi.plugin('live-chat').service('visitors').identify(visitor.id, checked.value);
      ctx.body = { data: identity };
    },
  };
};
