import type { Core } from '@strapi/strapi';
import { contentTypes } from '@strapi/utils';
import type { Context, Next } from 'koa';
import { checkBody, checkQuery, Issues, type AttributeView, type ModelLookup, type ModelView } from '../content-api-input';
import { documentIdSchema } from '../../../shared/schemas';
import { invalidInput } from '../errors';

/** Which core route a middleware instance guards (set per route in routes/content-api.ts). */
export interface StrictInputConfig {
  uid: string;
  action: string;
}

const WRITES = new Set(['create', 'update']);

type StrapiModel = Parameters<typeof contentTypes.isPrivateAttribute>[0];

/** Strapi's registered schema as the rules read it; writability and privacy as Strapi decides them. */
function viewOf(strapi: Core.Strapi, uid: string): ModelView | undefined {
  const model = strapi.getModel(uid as Parameters<Core.Strapi['getModel']>[0]) as unknown as StrapiModel | undefined;
  if (!model) return undefined;
  const writable = new Set(contentTypes.getWritableAttributes(model));
  return {
    uid,
    attributes: model.attributes as unknown as Record<string, AttributeView>,
    isWritable: (name) => writable.has(name),
    isPrivate: (name) => contentTypes.isPrivateAttribute(model, name),
  };
}

/**
 * F4: the content API's core routes (Strapi's own controllers) refuse a body or query string they
 * cannot run with a 400 ValidationError naming each bad path, before anything is read or written,
 * instead of the 500 Strapi answered for some (content-api-input/ holds the rules).
 */
const strictInput = (config: StrictInputConfig, { strapi }: { strapi: Core.Strapi }) => {
  const views = new Map<string, ModelView | undefined>();
  const lookup: ModelLookup = (uid) => {
    if (!views.has(uid)) views.set(uid, viewOf(strapi, uid));
    return views.get(uid);
  };
  return async (ctx: Context, next: Next) => {
    const model = lookup(config.uid);
    if (!model) throw new Error(`strict-input: unknown content type ${config.uid}`);
    const issues = new Issues();
    // A documentId is letters and digits; anything else (a NUL PostgreSQL cannot compare, a 10 kB
    // string) is refused like the admin API refuses it, rather than looked up.
    const { id } = ctx.params as { id?: string };
    if (id !== undefined && !documentIdSchema.safeParse(id).success) issues.add(['params', 'id'], 'Not a valid document id');
    checkQuery(model, lookup, ctx.query as Record<string, unknown>, issues);
    if (WRITES.has(config.action)) checkBody(model, (ctx.request as { body?: unknown }).body, issues);
    if (!issues.empty) throw invalidInput('Invalid request', issues.list);
    await next();
  };
};

export default strictInput;
