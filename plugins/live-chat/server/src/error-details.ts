import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { PLUGIN_ID } from '../../shared/constants';

/** The plugin's own paths: its content API and its admin / widget routes. */
const PLUGIN_PATHS = [`/api/${PLUGIN_ID}/`, `/${PLUGIN_ID}/`];

const isErrorBody = (body: unknown): body is { data: null; error: Record<string, unknown> } =>
  typeof body === 'object' &&
  body !== null &&
  'error' in body &&
  typeof (body as { error: unknown }).error === 'object' &&
  (body as { error: unknown }).error !== null;

/**
 * F4, F1: errors raised before any route runs (the body parser's malformed JSON "SyntaxError", 413
 * "request entity too large", 415) reach Strapi's error middleware as plain HTTP errors, which it
 * answers without `details`. Every answer of the plugin's routes has Strapi's full error shape, so
 * an empty `details` is added where it is missing. Registered outermost, it sees the final body.
 */
export function completeErrorDetails(strapi: Core.Strapi): void {
  strapi.server.use(async (ctx: Context, next: Next) => {
    await next();
    if (!PLUGIN_PATHS.some((prefix) => ctx.path.startsWith(prefix))) return;
    const { body } = ctx;
    if (isErrorBody(body) && body.error.details === undefined) body.error.details = {};
  });
}
