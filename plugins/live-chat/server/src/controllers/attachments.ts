import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { Agent } from '../../../shared/domain';
import { documentIdSchema } from '../../../shared/schemas';
import { discardUploads, readUpload } from '../attachments/multipart';
import { notFound } from '../errors';
import type { AdminSession } from '../services/agents';
import type { AttachmentService } from '../services/attachments';
import { parseOrThrow } from '../validation';

/** The key in an attachment URL: 32 base64url characters (services/attachments.ts). */
const FILE_KEY = /^[A-Za-z0-9_-]{32}$/;

/** `filename*` (RFC 6266 / 5987) with a plain ASCII fallback. */
const dispositionOf = (inline: boolean, name: string) =>
  `${inline ? 'inline' : 'attachment'}; filename="${name.replace(/[^\x20-\x7E]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

/** G4: agents' uploads, the erasure of a conversation's files, and serving every attachment. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = (): AttachmentService => strapi.plugin('live-chat').service('attachments');
  const agentOf = (ctx: Context): Agent => strapi.plugin('live-chat').service('agents').fromAdminSession(ctx.state as AdminSession);
  const documentIdOf = (ctx: Context): string => parseOrThrow(documentIdSchema, ctx.params.documentId, 'Invalid id');

  return {
    /** An agent's file in a conversation assigned to them (the rule of a reply); multipart `files` + `clientId`. */
    async upload(ctx: Context) {
      try {
        const documentId = documentIdOf(ctx);
        const { clientId, file } = readUpload(ctx);
        const { entry, created } = await service().sendAsAgent(agentOf(ctx), documentId, clientId, file);
        ctx.status = created ? 201 : 200;
        ctx.body = { data: entry };
      } finally {
        await discardUploads(ctx);
      }
    },

    /** GDPR: removes the conversation's files; the messages stay as "file removed". */
    async erase(ctx: Context) {
      ctx.body = { data: await service().eraseFilesAsAdmin(agentOf(ctx), documentIdOf(ctx)) };
    },

    /** A file, as `serve` below sends it. */
    serve: (ctx: Context) => serve(ctx, 'original'),

    /** An image's thumbnail (the upload plugin's `thumbnail` format), served the same way. */
    serveThumbnail: (ctx: Context) => serve(ctx, 'thumbnail'),
  };

  /**
   * Serves a file so that nothing uploaded can run as a page on Strapi's origin: the type stored
   * (detected from the bytes, never HTML or SVG), `nosniff`, downloads for everything but images,
   * and a CSP sandbox for the odd browser that renders it anyway.
   */
  async function serve(ctx: Context, variant: 'original' | 'thumbnail') {
    const key = String(ctx.params.fileKey ?? '');
    if (!FILE_KEY.test(key)) throw notFound('File');
    const file = await service().open(key, variant);
    ctx.set('Content-Disposition', dispositionOf(file.inline, file.name));
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('Content-Security-Policy', "default-src 'none'; sandbox");
    // The widget shows images from another site's page.
    ctx.set('Cross-Origin-Resource-Policy', 'cross-origin');
    // The URL is the credential: keep it out of shared caches and out of Referer headers.
    ctx.set('Cache-Control', 'private, max-age=300');
    ctx.set('Referrer-Policy', 'no-referrer');
    ctx.type = file.mime === 'text/plain' ? 'text/plain; charset=utf-8' : file.mime;
    if (file.size !== null) ctx.length = file.size;
    ctx.body = file.body;
  }
};
