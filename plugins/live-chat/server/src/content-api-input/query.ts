import { DB_INTEGER_MAX } from '../../../shared/constants';
import { checkFilters } from './filters';
import { Issues } from './issues';
import { isPlainObject, type ModelLookup, type ModelView } from './model';
import { checkFields, checkPopulate, checkSort } from './selection';
import { booleanLike, integerIn } from './values';

/**
 * F4: the query string of a core content-API route. Only the parameters Strapi's core routes read
 * for these types, each in a shape Strapi can run; anything else is a 400 naming it.
 */
const PAGINATION_KEYS = new Set(['page', 'pageSize', 'start', 'limit', 'withCount']);
const LOCALE = /^(\*|[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,4})$/;
const SEARCH_MAX = 200;

function checkPagination(value: unknown, path: string[], issues: Issues): void {
  if (!isPlainObject(value)) return issues.add(path, 'Expected pagination[page] and pagination[pageSize], or pagination[start] and pagination[limit]');
  const keys = Object.keys(value);
  for (const key of keys) {
    const at = [...path, key];
    const entry = value[key];
    let problem: string | null;
    if (!PAGINATION_KEYS.has(key)) problem = 'Expected page, pageSize, start, limit or withCount';
    else if (key === 'withCount') problem = booleanLike(entry);
    // limit=-1 is Strapi's "no limit" (still capped by the app's api.rest.maxLimit).
    else if (key === 'limit' && (entry === '-1' || entry === -1)) problem = null;
    else problem = integerIn(entry, key === 'start' ? 0 : 1, DB_INTEGER_MAX);
    if (problem) issues.add(at, problem);
  }
  const paged = keys.some((key) => key === 'page' || key === 'pageSize');
  const offset = keys.some((key) => key === 'start' || key === 'limit');
  if (paged && offset) issues.add(path, 'Use page and pageSize, or start and limit, not both');
}

type Check = (model: ModelView, lookup: ModelLookup, value: unknown, path: string[], issues: Issues) => void;

const PARAMETERS: Record<string, Check> = {
  filters: (model, lookup, value, path, issues) => checkFilters(model, lookup, value, path, issues),
  fields: (model, _lookup, value, path, issues) => checkFields(model, value, path, issues),
  sort: checkSort,
  populate: (model, lookup, value, path, issues) => checkPopulate(model, lookup, value, path, issues),
  pagination: (_model, _lookup, value, path, issues) => checkPagination(value, path, issues),
  status: (_model, _lookup, value, path, issues) => {
    if (value !== 'draft' && value !== 'published') issues.add(path, 'Expected draft or published');
  },
  locale: (_model, _lookup, value, path, issues) => {
    if (typeof value !== 'string' || value.length > 35 || !LOCALE.test(value)) issues.add(path, 'Expected a locale code, e.g. en or sv-SE');
  },
  _q: (_model, _lookup, value, path, issues) => {
    if (typeof value !== 'string') issues.add(path, 'Expected text');
    else if (value.length > SEARCH_MAX) issues.add(path, `Can be at most ${SEARCH_MAX} characters`);
  },
};

/** Every problem of a route's query, each under `['query', …]`. */
export function checkQuery(model: ModelView, lookup: ModelLookup, query: Record<string, unknown>, issues: Issues = new Issues()): Issues {
  for (const key of Object.keys(query)) {
    const path = ['query', key];
    const check = Object.prototype.hasOwnProperty.call(PARAMETERS, key) ? PARAMETERS[key] : undefined;
    if (!check) issues.add(path, 'Unknown query parameter; use filters, fields, sort, populate, pagination, status, locale or _q');
    else check(model, lookup, query[key], path, issues);
  }
  return issues;
}
