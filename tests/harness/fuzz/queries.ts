import fc from 'fast-check';
import contentTypes from '../../../plugins/live-chat/server/src/content-types';
import type { ContentTypeName } from '../../../plugins/live-chat/shared/constants';
import { edgeText, encode, HOSTILE_KEYS, OPERATORS } from './values';

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
      const key = encode(first) + rest.map((segment) => `[${encode(segment)}]`).join('');
      return withValue ? `${key}=${encode(v)}` : key;
    });
}

const scalarNames = (type: ContentTypeName) =>
  ['id', 'documentId', 'createdAt', 'updatedAt', ...Object.keys(attributesOf(type)).filter((name) => {
    const attribute = attributesOf(type)[name] as Attribute & { private?: boolean };
    return attribute.type !== 'relation' && attribute.private !== true;
  })];
const relationNames = (type: ContentTypeName) =>
  Object.keys(attributesOf(type)).filter((name) => {
    const attribute = attributesOf(type)[name] as Attribute & { private?: boolean };
    return targetOf(attribute) && attribute.private !== true;
  });
const typeOfField = (type: ContentTypeName, name: string) =>
  name === 'id' ? 'integer' : name === 'documentId' ? 'string' : name === 'createdAt' || name === 'updatedAt' ? 'datetime' : (attributesOf(type)[name]?.type ?? 'string');

/** An operand a field of this type accepts. */
function operandFor(fieldType: string): fc.Arbitrary<string> {
  switch (fieldType) {
    case 'integer':
      return fc.oneof(fc.integer({ min: -2_147_483_648, max: 2_147_483_647 }), fc.integer({ min: 0, max: 20 })).map(String);
    case 'decimal':
    case 'float':
      return fc.double({ min: -1e9, max: 1e9, noNaN: true }).map(String);
    case 'boolean':
      return fc.constantFrom('true', 'false', '1', '0');
    case 'date':
      return fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    case 'datetime':
      return fc.date({ min: new Date('0001-01-02T00:00:00Z'), max: new Date('9999-12-30T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());
    default:
      return fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('open', 'a', '%', '_', '\\'));
  }
}

const TEXT_OPERATORS = ['$eqi', '$nei', '$contains', '$notContains', '$containsi', '$notContainsi', '$startsWith', '$endsWith', '$startsWithi', '$endsWithi'];
const COMPARE = ['$eq', '$ne', '$lt', '$lte', '$gt', '$gte'];
const TEXT_TYPES = new Set(['string', 'text', 'email', 'enumeration']);

/** `filters…` pairs a well-behaved client sends: a field (maybe through relations), a fitting operator and operand. */
function validFilter(type: ContentTypeName, prefix: string, depth: number): fc.Arbitrary<string[]> {
  const relations = relationNames(type);
  const onField = fc.constantFrom(...scalarNames(type)).chain((name) => {
    const fieldType = typeOfField(type, name);
    const at = `${prefix}[${name}]`;
    if (fieldType === 'json') return fc.constantFrom('true', 'false').map((v) => [`${at}[$null]=${v}`]);
    const operators = fieldType === 'boolean' ? ['$eq', '$ne'] : TEXT_TYPES.has(fieldType) ? [...COMPARE, ...TEXT_OPERATORS] : COMPARE;
    const operand = operandFor(fieldType);
    return fc.oneof(
      fc.tuple(fc.constantFrom(...operators), operand).map(([op, v]) => [`${at}[${op}]=${encode(v)}`]),
      operand.map((v) => [`${at}=${encode(v)}`]),
      fc.tuple(fc.constantFrom('$in', '$notIn'), fc.array(operand, { minLength: 1, maxLength: 3 })).map(([op, vs]) => vs.map((v, i) => `${at}[${op}][${i}]=${encode(v)}`)),
      fc.tuple(operand, operand).map(([a, b]) => [`${at}[$between][0]=${encode(a)}`, `${at}[$between][1]=${encode(b)}`]),
      fc.constantFrom('$null', '$notNull').chain((op) => fc.constantFrom('true', 'false').map((v) => [`${at}[${op}]=${v}`])),
      fc.tuple(fc.constantFrom(...operators), operand).map(([op, v]) => [`${at}[$not][${op}]=${encode(v)}`]),
    );
  });
  const options: Array<fc.Arbitrary<string[]>> = [onField];
  if (depth > 0) {
    options.push(fc.constantFrom('$and', '$or').chain((op) => fc.array(validFilter(type, `${prefix}[${op}][0]`, depth - 1), { minLength: 1, maxLength: 2 }).map((all) => all.flat())));
    if (relations.length > 0) {
      options.push(fc.constantFrom(...relations).chain((relation) => validFilter(targetOf(attributesOf(type)[relation]) as ContentTypeName, `${prefix}[${relation}]`, depth - 1)));
    }
  }
  return fc.oneof(...options);
}

function validPopulate(type: ContentTypeName, prefix: string, depth: number): fc.Arbitrary<string[]> {
  const relations = relationNames(type);
  if (relations.length === 0 || depth === 0) return fc.constant<string[]>([`${prefix}=*`]);
  return fc.constantFrom(...relations).chain((relation) => {
    const target = targetOf(attributesOf(type)[relation]) as ContentTypeName;
    const at = `${prefix}[${relation}]`;
    return fc.oneof(
      fc.constant<string[]>([`${prefix}=${relation}`]),
      fc.constant<string[]>([`${prefix}[0]=${relation}`]),
      fc.constantFrom('*', 'true').map((v) => [`${at}=${v}`]),
      fc.constantFrom(...scalarNames(target)).map((field) => [`${at}[fields][0]=${field}`]),
      validPopulate(target, `${at}[populate]`, depth - 1),
      validFilter(target, `${at}[filters]`, 1),
      fc.constantFrom(...scalarNames(target)).chain((field) => fc.constantFrom('asc', 'desc').map((d) => [`${at}[sort]=${field}:${d}`])),
    );
  });
}

/** A query string a well-behaved client could send (most should be answered 200). */
function validQueryFor(type: ContentTypeName): fc.Arbitrary<string> {
  const scalars = scalarNames(type);
  const relations = relationNames(type);
  const part = fc.oneof(
    { weight: 4, arbitrary: validFilter(type, 'filters', 2) },
    { weight: 2, arbitrary: validPopulate(type, 'populate', 2) },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.constantFrom(...scalars, ...relations.map((relation) => `${relation}.id`)), fc.constantFrom('', ':asc', ':desc', ':DESC')).map(([field, direction]) => [`sort=${field}${direction}`]),
    },
    { weight: 1, arbitrary: fc.subarray(scalars, { minLength: 1, maxLength: 3 }).map((fields) => fields.map((field, i) => `fields[${i}]=${field}`)) },
    {
      weight: 1,
      arbitrary: fc.oneof(
        fc.tuple(fc.integer({ min: 1, max: 2_147_483_647 }), fc.integer({ min: 1, max: 100 })).map(([page, size]) => [`pagination[page]=${page}`, `pagination[pageSize]=${size}`]),
        fc.tuple(fc.integer({ min: 0, max: 2_147_483_647 }), fc.constantFrom(-1, 1, 10, 100)).map(([start, limit]) => [`pagination[start]=${start}`, `pagination[limit]=${limit}`]),
        fc.constantFrom('true', 'false').map((v) => [`pagination[withCount]=${v}`]),
      ),
    },
    { weight: 1, arbitrary: fc.oneof(fc.string({ maxLength: 30 }).map((q) => [`_q=${encode(q)}`]), fc.constantFrom<string[]>(['status=published'], ['status=draft'], ['locale=en'], ['locale=sv-SE'])) },
  );
  return fc.array(part, { maxLength: 3 }).map((parts) => parts.flat().join('&'));
}

/** A query string (without `?`): half as a client would send one, half anything at all. */
export const queryFor = (type: ContentTypeName): fc.Arbitrary<string> =>
  fc.oneof(validQueryFor(type), fc.array(pair(type), { maxLength: 4 }).map((pairs) => pairs.join('&')));

/** The named examples of the issue (F4), always among the first inputs. */
export const KNOWN_BAD_QUERIES = ['filters[id][$eq][$eq]=1', 'fields[0]=__proto__'];
