import type { Context, Next } from 'koa';
import { invalidInput } from '../errors';
import { nulPath } from '../validation';
import populateWildcards from './populate-wildcards';
import strictInput from './strict-input';

/**
 * F4 for the content API's core routes (Strapi's own controllers, which our schemas do not see): a
 * body or query holding U+0000 is a 400 here, instead of a PostgreSQL error (500) further down.
 */
const rejectNul = () => async (ctx: Context, next: Next) => {
  const inBody = nulPath((ctx.request as { body?: unknown }).body, ['body']);
  const inQuery = inBody ? null : nulPath(ctx.query, ['query']);
  const path = inBody ?? inQuery;
  if (path) throw invalidInput('Invalid request', [{ path, message: 'Contains a NUL character (U+0000)' }]);
  await next();
};

export default { 'reject-nul': rejectNul, 'strict-input': strictInput, 'populate-wildcards': populateWildcards };
