import fc from 'fast-check';
import contentTypes from '../../../plugins/live-chat/server/src/content-types';
import type { ContentTypeName } from '../../../plugins/live-chat/shared/constants';
import { edgeText, HOSTILE_KEYS, OPERATORS } from './values';

/**
 * Query strings for the content API's list and get routes of one type, built the way Strapi's
 * parser reads them (`filters[person][name][$eq]=…`): the type's fields and relations, two levels
 * into related types, operators in right and wrong places, and the parameters' edge values.
 * Each string is a list of `key=value` pairs, encoded as a client would.
 */
interface Attribute {
  type?: string;
  target?: string;
}

const attributesOf = (type: ContentTypeName) => contentTypes[type].schema.attributes as Record<string, Attribute>;
const targetOf = (attribute: Attribute | undefined): ContentTypeName | undefined =>
  typeof attribute?.target === 'string' && attribute.target.startsWith('plugin::live-chat.')
    ? (attribute.target.split('.').pop() as ContentTypeName)
    : undefined;

const SYSTEM = ['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'locale', 'createdBy'];
const PARAMETERS = ['filters', 'fields', 'sort', 'populate', 'pagination', 'status', 'locale', '_q'];
const VALUES = ['1', '0', '-1', 'true', 'false', '*', 'asc', 'desc', 'title:asc', 'id:desc', 'draft', 'published', 'en', '2026-05-01', '2026-05-01T00:00:00Z', '2147483648', '99999999999', '1e400', 'abc', ''];

/** A segment path of `depth` steps through `type`: field names, relation names, operators, indices, junk. */
function segments(type: ContentTypeName, depth: number): fc.Arbitrary<string[]> {
  if (depth === 0) return fc.constant<string[]>([]);
  const attributes = attributesOf(type);
  const names = [...Object.keys(attributes), ...SYSTEM];
  const relations = Object.keys(attributes).filter((name) => targetOf(attributes[name]));
  const step = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...names) },
    { weight: 3, arbitrary: fc.constantFrom(...OPERATORS) },
    { weight: 1, arbitrary: fc.constantFrom('0', '1', '21', 'fields', 'populate', 'filters', 'sort', 'count', 'page', 'pageSize', 'start', 'limit', 'withCount') },
    { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_KEYS) },
    { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
  );
  const intoRelation = relations.length > 0
    ? fc.constantFrom(...relations).chain((relation) => {
        const target = targetOf(attributes[relation]) as ContentTypeName;
        return segments(target, depth - 1).map((rest) => [relation, ...rest]);
      })
    : step.map((s) => [s]);
  return fc.oneof(
    { weight: 3, arbitrary: fc.tuple(step, segments(type, depth - 1)).map(([first, rest]) => [first, ...rest]) },
    { weight: 1, arbitrary: intoRelation },
    { weight: 1, arbitrary: fc.constant<string[]>([]) },
  );
}

function value(type: ContentTypeName): fc.Arbitrary<string> {
  const attributes = attributesOf(type);
  const names = [...Object.keys(attributes), ...SYSTEM];
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...VALUES) },
    { weight: 2, arbitrary: fc.constantFrom(...names) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...names), fc.constantFrom(':asc', ':desc', ':up', '', ',id', '.name')).map(([a, b]) => a + b) },
    { weight: 2, arbitrary: edgeText },
    { weight: 1, arbitrary: fc.integer().map(String) },
  );
}

/** One `key=value` pair. */
function pair(type: ContentTypeName): fc.Arbitrary<string> {
  const top = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...PARAMETERS) }, { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_KEYS, 'foo', 'page', 'publicationFilter', 'count') });
  return fc
    .tuple(top, segments(type, 4), value(type), fc.boolean())
    .map(([first, rest, v, withValue]) => {
      const key = encodeURIComponent(first) + rest.map((segment) => `[${encodeURIComponent(segment)}]`).join('');
      return withValue ? `${key}=${encodeURIComponent(v)}` : key;
    });
}

/** A query string (without `?`) of a few pairs, sometimes none. */
export const queryFor = (type: ContentTypeName): fc.Arbitrary<string> =>
  fc.array(pair(type), { maxLength: 4 }).map((pairs) => pairs.join('&'));

/** The named examples of the issue (F4), always among the first inputs. */
export const KNOWN_BAD_QUERIES = ['filters[id][$eq][$eq]=1', 'fields[0]=__proto__'];
