import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { formatBytes } from '../../../shared/domain/attachments';
import { applyWidgetCors } from '../controllers/widget-assets';
import { pluginConfig } from '../plugin-config';

/** The upload routes (widget and inbox): their bodies are checked before anything reads them. */
const UPLOAD_PATHS = [/^\/live-chat\/widget\/attachments\/?$/, /^\/live-chat\/conversations\/[^/]+\/attachments\/?$/];
/** Room for the multipart framing and the clientId field around the file. */
const MULTIPART_OVERHEAD = 64 * 1024;

/**
 * G4, F4: Strapi's body middleware (koa-body / formidable) writes a whole multipart body to the
 * temp folder, up to its own limit (200 MB unless the app changed it), before any route sees it.
 * This runs first (registered before Strapi's middlewares) and refuses an upload whose declared
 * length is over the attachment limit, or that declares none (chunked), before a byte is read.
 * Answered here in Strapi's error shape, as the error middleware would (it runs after this one).
 */
export function attachmentSizeGuard(strapi: Core.Strapi) {
  return async (ctx: Context, next: Next) => {
    if (ctx.method !== 'POST' || !UPLOAD_PATHS.some((pattern) => pattern.test(ctx.path))) return next();
    const maxBytes = pluginConfig(strapi).attachments.maxFileSize;
    const declared = ctx.request.headers['content-length'];
    const length = declared === undefined ? NaN : Number(declared);
    if (Number.isFinite(length) && length <= maxBytes + MULTIPART_OVERHEAD) return next();

    const tooLarge = Number.isFinite(length);
    const status = tooLarge ? 413 : 411;
    const message = tooLarge ? `The file is larger than ${formatBytes(maxBytes)}` : 'Send the upload with a Content-Length';
    if (ctx.path.startsWith('/live-chat/widget/')) applyWidgetCors(strapi, ctx);
    // The rest of the body is not read: close the connection instead of draining it.
    ctx.set('Connection', 'close');
    ctx.status = status;
    ctx.body = {
      data: null,
      error: { status, name: tooLarge ? 'PayloadTooLargeError' : 'LengthRequiredError', message, details: {} },
    };
  };
}
