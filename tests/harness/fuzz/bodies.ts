import fc from 'fast-check';
import contentTypes from '../../../plugins/live-chat/server/src/content-types';
import type { ContentTypeName } from '../../../plugins/live-chat/shared/constants';
import { anyJson, edgeNumber, edgeText, HOSTILE_KEYS, objectOf, ownObject } from './values';

/**
 * Request bodies for the content API's core create / update routes of one type, from its schema:
 * mostly `{ data }` of its own attributes with plausible, edge and wrong values (so a good share is
 * stored), plus hostile keys, relation forms right and wrong, and bodies of the wrong shape.
 */
interface Attribute {
  type?: string;
  maxLength?: number;
  required?: boolean;
  enum?: string[];
  relation?: string;
}

/** Document ids of existing records by type, so relations sometimes point at something real. */
export type KnownDocuments = Partial<Record<ContentTypeName, string[]>>;

const attributesOf = (type: ContentTypeName) => contentTypes[type].schema.attributes as Record<string, Attribute>;
const targetName = (target: unknown) => (typeof target === 'string' ? (target.split('.').pop() as ContentTypeName) : undefined);

interface Limits {
  maxLength?: number;
  required?: boolean;
}

/** A value the attribute accepts (within its column and its schema's limits). */
function valid(attribute: Attribute & Limits): fc.Arbitrary<unknown> {
  const max = Math.min(attribute.maxLength ?? 40, 40);
  switch (attribute.type) {
    case 'string':
    case 'text':
      return fc.string({ minLength: 1, maxLength: max });
    case 'email':
      return fc.emailAddress().filter((email) => email.length <= 254);
    case 'enumeration':
      return fc.constantFrom(...(attribute.enum ?? ['x']));
    case 'decimal':
      return fc.oneof(fc.integer({ min: 0, max: 9_999_999_999 }).map((cents) => cents / 100), fc.constantFrom(0, 99_999_999.99));
    case 'integer':
      return fc.integer({ min: 0, max: 2_147_483_647 });
    case 'boolean':
      return fc.boolean();
    case 'date':
      return fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    case 'datetime':
      return fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }).map((d) => d.toISOString());
    default:
      return anyJson;
  }
}

/** A value of the right kind that may still be wrong (too long, out of range, a far date …). */
function plausible(attribute: Attribute): fc.Arbitrary<unknown> {
  switch (attribute.type) {
    case 'string':
    case 'text':
    case 'email':
    case 'enumeration':
      return edgeText;
    case 'decimal':
    case 'float':
    case 'integer':
      return fc.oneof(edgeNumber, edgeText);
    case 'boolean':
      return anyJson;
    case 'date':
    case 'datetime':
      return fc.oneof(edgeText, edgeNumber);
    default:
      return anyJson;
  }
}

function reference(known: string[]): fc.Arbitrary<unknown> {
  const real = known.length > 0 ? fc.constantFrom(...known) : fc.constant('nosuchdocument0000000000');
  const id = fc.oneof(real, fc.constant('nosuchdocument0000000000'), edgeText);
  return fc.oneof(
    { weight: 3, arbitrary: id },
    { weight: 2, arbitrary: id.map((documentId) => ({ documentId })) },
    { weight: 1, arbitrary: fc.oneof(edgeNumber, fc.integer({ min: 1, max: 5 })).map((value) => ({ id: value })) },
    { weight: 1, arbitrary: fc.record({ documentId: real, position: fc.oneof(real.map((before) => ({ before })), real.map((after) => ({ after })), fc.constant({ start: true }), fc.constant({ end: true })) }) },
    { weight: 1, arbitrary: edgeNumber },
    { weight: 1, arbitrary: fc.record({ documentId: id, position: objectOf(fc.constantFrom('before', 'after', 'start', 'end', 'x'), anyJson, 2) }) },
    { weight: 1, arbitrary: fc.record({ documentId: id, locale: edgeText, status: edgeText }, { requiredKeys: ['documentId'] }) },
    { weight: 1, arbitrary: anyJson },
  );
}

function relationValue(known: string[]): fc.Arbitrary<unknown> {
  const ref = reference(known);
  const list = fc.array(ref, { maxLength: 3 });
  return fc.oneof(
    { weight: 2, arbitrary: ref },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: list },
    { weight: 2, arbitrary: objectOf(fc.constantFrom('connect', 'disconnect', 'set', 'options', '__proto__'), fc.oneof(list, ref, anyJson), 3) },
    { weight: 2, arbitrary: fc.record({ connect: list, disconnect: list }, { requiredKeys: [] }) },
    { weight: 1, arbitrary: fc.record({ set: list }) },
  );
}

function attributeValue(attribute: Attribute, known: KnownDocuments): fc.Arbitrary<unknown> {
  if (attribute.type === 'relation') {
    const target = targetName((attribute as { target?: unknown }).target);
    return relationValue((target && known[target]) || []);
  }
  return fc.oneof(
    { weight: 16, arbitrary: valid(attribute) },
    { weight: 2, arbitrary: plausible(attribute) },
    { weight: 1, arbitrary: anyJson },
    { weight: 1, arbitrary: fc.constant(null) },
  );
}

/** `data` of one type: some of its attributes, sometimes a key that is none of them. */
export function dataFor(type: ContentTypeName, known: KnownDocuments): fc.Arbitrary<Record<string, unknown>> {
  const attributes = attributesOf(type);
  const names = Object.keys(attributes);
  const required = names.filter((name) => (attributes[name] as Limits).required);
  // Required attributes are mostly present, so a fair share of bodies is stored and the write path runs to the end.
  const chosenNames = fc.tuple(fc.subarray(names), fc.integer({ min: 0, max: 9 })).map(([some, dice]) =>
    dice < 8 ? [...new Set([...required, ...some])] : some,
  );
  const own = chosenNames.chain((chosen) =>
    fc.tuple(...chosen.map((name) => attributeValue(attributes[name], known).map((value) => [name, value] as const))),
  );
  const strangers = fc.array(
    fc.tuple(fc.oneof(fc.constantFrom(...HOSTILE_KEYS, 'id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'locale'), fc.string({ maxLength: 12 })), anyJson),
    { maxLength: 2 },
  );
  return fc
    .tuple(own, fc.oneof({ weight: 4, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: strangers }))
    .map(([mine, extra]) => ownObject([...mine, ...extra]));
}

/** A whole request body: mostly `{ data }`, sometimes something else entirely. */
export function bodyFor(type: ContentTypeName, known: KnownDocuments): fc.Arbitrary<unknown> {
  const data = dataFor(type, known);
  return fc.oneof(
    { weight: 12, arbitrary: data.map((value) => ({ data: value })) },
    { weight: 1, arbitrary: fc.tuple(data, fc.constantFrom(...HOSTILE_KEYS, 'meta', 'filters'), anyJson).map(([value, key, extra]) => ownObject([['data', value], [key, extra]])) },
    { weight: 1, arbitrary: data },
    { weight: 1, arbitrary: anyJson.map((value) => ({ data: value })) },
    { weight: 1, arbitrary: anyJson },
  );
}
