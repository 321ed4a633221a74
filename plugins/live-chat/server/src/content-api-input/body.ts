import { DB_INTEGER_MAX } from '../../../shared/constants';
import { documentIdSchema } from '../../../shared/schemas';
import { Issues } from './issues';
import { asList, attributeOf, isPlainObject, isRelation, isToMany, type AttributeView, type ModelView } from './model';
import { bodyValueIssue, integerIn } from './values';

/**
 * F4: the body of a core create / update route: `{ "data": { … } }` holding only attributes the
 * client may write, each of a value its column can store, relations in the forms Strapi 5
 * accepts. A key that is no own attribute (`toString`, `__proto__`, `constructor`) reached
 * Strapi's entity validator, which looked it up on the prototype and answered 500.
 */
const RELATION_OPERATIONS = new Set(['connect', 'disconnect', 'set']);
const REFERENCE_KEYS = new Set(['id', 'documentId', 'locale', 'status']);
const POSITION_KEYS = new Set(['before', 'after', 'start', 'end']);
const MAX_REFERENCES = 100;

const validDocumentId = (value: unknown) => documentIdSchema.safeParse(value).success;

/** `before` / `after` a document, or `start` / `end`, as Strapi's relation ordering reads it. */
function checkPosition(value: unknown, path: string[], issues: Issues): void {
  if (!isPlainObject(value)) return issues.add(path, 'Expected { before }, { after }, { start: true } or { end: true }');
  const keys = Object.keys(value);
  if (keys.length !== 1 || !POSITION_KEYS.has(keys[0])) return issues.add(path, 'Expected exactly one of before, after, start or end');
  const [key] = keys;
  const ok = key === 'start' || key === 'end' ? value[key] === true : validDocumentId(value[key]);
  if (!ok) issues.add([...path, key], key === 'start' || key === 'end' ? 'Expected true' : 'Expected a documentId');
}

/** One related document: its documentId, its numeric id, or `{ documentId, locale?, status? }` / `{ id }`. */
function checkReference(value: unknown, path: string[], issues: Issues, withPosition: boolean): void {
  if (typeof value === 'string') {
    if (!validDocumentId(value)) issues.add(path, 'Expected a documentId');
    return;
  }
  if (typeof value === 'number') {
    const problem = integerIn(value, 1, DB_INTEGER_MAX);
    if (problem) issues.add(path, problem);
    return;
  }
  if (!isPlainObject(value)) return issues.add(path, 'Expected a documentId or { documentId }');
  const hasDocumentId = Object.prototype.hasOwnProperty.call(value, 'documentId');
  const hasId = Object.prototype.hasOwnProperty.call(value, 'id');
  if (hasDocumentId === hasId) return issues.add(path, 'Expected { documentId } (or { id })');
  for (const key of Object.keys(value)) {
    const at = [...path, key];
    const entry = value[key];
    if (key === 'position' && withPosition) checkPosition(entry, at, issues);
    else if (!REFERENCE_KEYS.has(key)) issues.add(at, 'Unknown key in a relation reference');
    else if (key === 'documentId' && !validDocumentId(entry)) issues.add(at, 'Expected a documentId');
    else if (key === 'id') {
      const problem = integerIn(entry, 1, DB_INTEGER_MAX);
      if (problem) issues.add(at, problem);
    } else if (key === 'locale' && entry !== null && (typeof entry !== 'string' || !/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,4}$/.test(entry))) {
      issues.add(at, 'Expected a locale code');
    } else if (key === 'status' && entry !== 'draft' && entry !== 'published') issues.add(at, 'Expected draft or published');
  }
}

function checkReferences(value: unknown, path: string[], issues: Issues, withPosition: boolean): void {
  const list = asList(value);
  if (!list) return checkReference(value, path, issues, withPosition);
  if (list.length > MAX_REFERENCES) return issues.add(path, `At most ${MAX_REFERENCES} related documents at once`);
  list.forEach((item, index) => checkReference(item, [...path, String(index)], issues, withPosition));
}

/**
 * A relation's value: null, a reference, a list of them (to-one: at most one), or
 * `{ connect?, disconnect?, set? }` (`set` alone).
 */
function checkRelation(attribute: AttributeView, value: unknown, path: string[], issues: Issues): void {
  if (value === null) return;
  const list = Array.isArray(value) ? value : undefined;
  if (list) {
    if (!isToMany(attribute) && list.length > 1) return issues.add(path, 'This relation holds one document');
    return checkReferences(list, path, issues, false);
  }
  if (!isPlainObject(value) || !Object.keys(value).some((key) => RELATION_OPERATIONS.has(key))) {
    return checkReference(value, path, issues, false);
  }
  const keys = Object.keys(value);
  if (keys.includes('set') && keys.length > 1) issues.add(path, 'Use set alone, or connect and disconnect');
  for (const key of keys) {
    const at = [...path, key];
    if (!RELATION_OPERATIONS.has(key)) {
      issues.add(at, 'Expected connect, disconnect or set');
      continue;
    }
    const items = asList(value[key]);
    if (!items) issues.add(at, `Expected a list, e.g. { "${key}": ["<documentId>"] }`);
    else if (!isToMany(attribute) && key !== 'disconnect' && items.length > 1) issues.add(at, 'This relation holds one document');
    else checkReferences(items, at, issues, key === 'connect');
  }
}

/** Every problem of a create / update body, each under `['body', …]`. */
export function checkBody(model: ModelView, body: unknown, issues: Issues = new Issues()): Issues {
  if (!isPlainObject(body)) {
    issues.add(['body'], 'Expected a JSON object { "data": { … } }');
    return issues;
  }
  for (const key of Object.keys(body)) if (key !== 'data') issues.add(['body', key], 'Unknown key; send the fields inside "data"');
  const data = body.data;
  if (!isPlainObject(data)) {
    issues.add(['body', 'data'], 'Expected an object of fields');
    return issues;
  }
  for (const key of Object.keys(data)) {
    const path = ['body', 'data', key];
    const attribute = attributeOf(model, key);
    if (!attribute || !model.isWritable(key)) issues.add(path, attribute || key === 'id' || key === 'documentId' ? 'This field cannot be written' : 'Unknown field');
    else if (isRelation(attribute)) {
      if (model.isPrivate(key)) issues.add(path, 'This field cannot be written');
      else checkRelation(attribute, data[key], path, issues);
    } else {
      const problem = bodyValueIssue(attribute, data[key]);
      if (problem) issues.add(path, problem);
    }
  }
  return issues;
}
