import { checkFilters } from './filters';
import type { Issues } from './issues';
import { asList, isPlainObject, isRelation, readableField, type ModelLookup, type ModelView } from './model';
import { booleanLike } from './values';

/**
 * F4: `fields`, `sort` and `populate` name only what the model has. `fields[0]=__proto__` (or
 * `constructor`, any name of an object's prototype) passed Strapi's own check, which reads the
 * attributes with `in`, and answered 500.
 */
const MAX_DEPTH = 6;
const MAX_NAMES = 100;

/** `fields`: `title`, `title,status`, `fields[0]=title`, or `*`; scalar fields only. */
export function checkFields(model: ModelView, value: unknown, path: string[], issues: Issues): void {
  const list = typeof value === 'string' ? [value] : asList(value);
  if (!list) return issues.add(path, 'Expected a field name or a list of them, e.g. fields[0]=title');
  if (list.length > MAX_NAMES) return issues.add(path, `At most ${MAX_NAMES} fields`);
  list.forEach((entry, index) => {
    const at = typeof value === 'string' ? path : [...path, String(index)];
    if (typeof entry !== 'string') return issues.add(at, 'Expected a field name');
    for (const name of entry.split(',').map((part) => part.trim())) {
      if (name === '*') continue;
      const attribute = readableField(model, name);
      if (!attribute) issues.add(at, `Unknown field "${name.slice(0, 64)}"`);
      else if (isRelation(attribute)) issues.add(at, `"${name}" is a relation: use populate[${name}] to read it`);
    }
  });
}

/** One sort entry as text: `title`, `title:desc`, `person.name:asc`. */
function checkSortText(model: ModelView, lookup: ModelLookup, text: string, path: string[], issues: Issues): void {
  for (const part of text.split(',')) {
    const [fieldPath, direction, ...rest] = part.trim().split(':');
    if (rest.length > 0 || (direction !== undefined && !/^(asc|desc)$/i.test(direction))) {
      issues.add(path, 'Expected field or field:asc / field:desc');
      continue;
    }
    checkSortPath(model, lookup, fieldPath.split('.'), path, issues);
  }
}

function checkSortPath(model: ModelView, lookup: ModelLookup, names: string[], path: string[], issues: Issues): void {
  let current: ModelView | undefined = model;
  for (const [index, name] of names.entries()) {
    const attribute: ReturnType<typeof readableField> = current ? readableField(current, name) : undefined;
    const last = index === names.length - 1;
    if (!attribute) return issues.add(path, `Unknown field "${name.slice(0, 64)}"`);
    if (isRelation(attribute)) {
      if (last) return issues.add(path, `"${name}" is a relation: sort on one of its fields, e.g. ${name}.id`);
      current = attribute.target ? lookup(attribute.target) : undefined;
      if (!current) return issues.add(path, `"${name}" cannot be sorted on`);
    } else if (!last) return issues.add(path, `"${name}" has no fields`);
  }
}

/** The object form: `sort[title]=desc`, `sort[person][name]=asc`. */
function checkSortObject(model: ModelView, lookup: ModelLookup, value: Record<string, unknown>, path: string[], issues: Issues, depth: number): void {
  if (depth > MAX_DEPTH) return issues.add(path, 'Sort is nested too deeply');
  const keys = Object.keys(value);
  if (keys.length === 0) return issues.add(path, 'Expected a field');
  for (const key of keys) {
    const at = [...path, key];
    const attribute = readableField(model, key);
    const direction = value[key];
    if (!attribute) issues.add(at, 'Unknown field');
    else if (isRelation(attribute)) {
      const target = attribute.target ? lookup(attribute.target) : undefined;
      if (!target || !isPlainObject(direction)) issues.add(at, `Sort on one of the relation's fields, e.g. sort[${key}][id]=asc`);
      else checkSortObject(target, lookup, direction, at, issues, depth + 1);
    } else if (typeof direction !== 'string' || !/^(asc|desc)$/i.test(direction)) issues.add(at, 'Expected asc or desc');
  }
}

/** `sort`: text, a list of texts or objects, or an object. */
export function checkSort(model: ModelView, lookup: ModelLookup, value: unknown, path: string[], issues: Issues): void {
  if (typeof value === 'string') return checkSortText(model, lookup, value, path, issues);
  const list = asList(value);
  if (list) {
    if (list.length > MAX_NAMES) return issues.add(path, `At most ${MAX_NAMES} sort fields`);
    list.forEach((entry, index) => {
      const at = [...path, String(index)];
      if (typeof entry === 'string') checkSortText(model, lookup, entry, at, issues);
      else if (isPlainObject(entry)) checkSortObject(model, lookup, entry, at, issues, 1);
      else issues.add(at, 'Expected field:asc or field:desc');
    });
    return;
  }
  if (isPlainObject(value)) return checkSortObject(model, lookup, value, path, issues, 1);
  issues.add(path, 'Expected field:asc or field:desc');
}

/** A relation of `model` that the content API may populate, with its target; or a message. */
function relationTarget(model: ModelView, lookup: ModelLookup, name: string): ModelView | string {
  const attribute = readableField(model, name);
  if (!attribute) return `Unknown relation "${name.slice(0, 64)}"`;
  if (!isRelation(attribute)) return `"${name}" is not a relation; it is always returned`;
  return (attribute.target && lookup(attribute.target)) || `"${name}" cannot be populated`;
}

/** Dotted text: `person`, `person.organization`, comma-separated. */
function checkPopulateText(model: ModelView, lookup: ModelLookup, text: string, path: string[], issues: Issues): void {
  if (text === '*') return;
  for (const part of text.split(',')) {
    let current = model;
    for (const name of part.trim().split('.')) {
      const target = relationTarget(current, lookup, name);
      if (typeof target === 'string') return issues.add(path, target);
      current = target;
    }
  }
}

const POPULATE_KEYS = new Set(['fields', 'populate', 'filters', 'sort', 'count']);

/** `populate`: `*`, text, a list of texts, or an object per relation with its own options. */
export function checkPopulate(model: ModelView, lookup: ModelLookup, value: unknown, path: string[], issues: Issues, depth = 1): void {
  if (depth > MAX_DEPTH) return issues.add(path, 'Populate is nested too deeply');
  if (typeof value === 'string') return checkPopulateText(model, lookup, value, path, issues);
  const list = asList(value);
  if (list) {
    if (list.length > MAX_NAMES) return issues.add(path, `At most ${MAX_NAMES} relations`);
    list.forEach((entry, index) => {
      if (typeof entry === 'string') checkPopulateText(model, lookup, entry, [...path, String(index)], issues);
      else issues.add([...path, String(index)], 'Expected a relation name');
    });
    return;
  }
  if (!isPlainObject(value)) return issues.add(path, 'Expected *, a relation name, or populate[relation]=true');
  for (const key of Object.keys(value)) {
    const at = [...path, key];
    const target = relationTarget(model, lookup, key);
    if (typeof target === 'string') {
      issues.add(at, target);
      continue;
    }
    const options = value[key];
    if (options === true || options === '*' || options === 'true' || options === false || options === 'false') continue;
    if (!isPlainObject(options)) {
      issues.add(at, `Expected true, * or an object of options, e.g. populate[${key}][fields][0]=id`);
      continue;
    }
    for (const option of Object.keys(options)) {
      const optionAt = [...at, option];
      const optionValue = options[option];
      if (!POPULATE_KEYS.has(option)) issues.add(optionAt, 'Expected fields, populate, filters, sort or count');
      else if (option === 'fields') checkFields(target, optionValue, optionAt, issues);
      else if (option === 'populate') checkPopulate(target, lookup, optionValue, optionAt, issues, depth + 1);
      else if (option === 'filters') checkFilters(target, lookup, optionValue, optionAt, issues, depth);
      else if (option === 'sort') checkSort(target, lookup, optionValue, optionAt, issues);
      else {
        const problem = booleanLike(optionValue);
        if (problem) issues.add(optionAt, problem);
      }
    }
  }
}
