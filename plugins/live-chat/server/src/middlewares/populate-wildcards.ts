import type { Context, Next } from 'koa';

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Rewrites a relation's `*` inside an object populate to `true`, at every depth; `populate=*` itself
 * and `populate[rel][populate]=*` (valid as they are) are left alone. Answers the very same value when
 * there is nothing to rewrite.
 */
export function nestedWildcardsToTrue(populate: unknown): unknown {
  if (!isPlainObject(populate)) return populate;
  let changed = false;
  const entries = Object.entries(populate).map(([key, value]) => {
    let next = value;
    if (value === '*') next = true;
    else if (isPlainObject(value) && 'populate' in value) {
      const nested = nestedWildcardsToTrue(value.populate);
      if (nested !== value.populate) next = { ...value, populate: nested };
    }
    changed ||= next !== value;
    return [key, next] as const;
  });
  return changed ? Object.fromEntries(entries) : populate;
}

/**
 * F1: `populate[person]=*` answers 400 on Strapi 5.54's own core routes when the related type has
 * relations of its own ("Invalid key organization at person.organization", strapi/strapi#23326 and
 * #22661): the content-API sanitizer expands the nested `*` into the target's relation names without
 * the `populate` key its query validator then expects. Strapi's query converter reads a nested `*` as
 * `true` (populate that relation one level deep), so the plugin's routes hand Strapi that form.
 */
const populateWildcards = () => async (ctx: Context, next: Next) => {
  const { populate } = ctx.query;
  const normalized = nestedWildcardsToTrue(populate);
  // Koa types the query as flat strings; Strapi's qs parser (and this setter) nest it.
  if (normalized !== populate) ctx.query = { ...ctx.query, populate: normalized } as typeof ctx.query;
  await next();
};

export default populateWildcards;
