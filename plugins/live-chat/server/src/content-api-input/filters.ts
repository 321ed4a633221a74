import type { Issues } from './issues';
import { asList, isPlainObject, isRelation, readableField, SYSTEM_FIELDS, type AttributeView, type ModelLookup, type ModelView } from './model';
import { booleanLike, filterValueIssue, isDateType, isNumberType, isStringType } from './values';

/**
 * F4: `filters` as Strapi's query engine can run them. Strapi's validator checks field names but
 * not the shape under an operator, so `filters[id][$eq][$eq]=1`, `$between=1`, `$in[a]=1`, an
 * operator with no field (`filters[$and][0][$eq]=1`), a text operator on a number, or a number
 * the column cannot hold reached the database and answered 500.
 */
const LOGICAL = new Set(['$and', '$or']);
const COMPARISON = ['$eq', '$ne', '$lt', '$lte', '$gt', '$gte'];
const TEXT = ['$eqi', '$nei', '$contains', '$notContains', '$containsi', '$notContainsi', '$startsWith', '$endsWith', '$startsWithi', '$endsWithi'];
const LISTS = new Set(['$in', '$notIn']);
const NULL_CHECKS = new Set(['$null', '$notNull']);
/** Every operator Strapi documents for the content API (its internal `$jsonSupersetOf` is not one). */
const KNOWN = new Set([...LOGICAL, '$not', ...COMPARISON, ...TEXT, ...LISTS, ...NULL_CHECKS, '$between']);
const MAX_DEPTH = 8;
const MAX_LIST = 100;

/** The operators that make sense (and run) on a field of this type. */
function operatorsFor(attribute: AttributeView): Set<string> {
  const { type } = attribute;
  const base = ['$not', '$eq', '$ne', '$in', '$notIn', '$null', '$notNull'];
  if (isStringType(type)) return new Set([...base, ...COMPARISON, ...TEXT, '$between']);
  if (isNumberType(type) || isDateType(type)) return new Set([...base, ...COMPARISON, '$between']);
  if (type === 'boolean') return new Set(base);
  // json, blocks and anything else: only whether it is set.
  return new Set(['$null', '$notNull']);
}

function checkOperand(attribute: AttributeView, value: unknown, path: string[], issues: Issues): void {
  const problem = filterValueIssue(attribute, value);
  if (problem) issues.add(path, problem);
}

/** The value under a field: a value (`$eq`), a list (`$in`), or an object of operators. */
function checkCondition(attribute: AttributeView, value: unknown, path: string[], issues: Issues, depth: number): void {
  const allowed = operatorsFor(attribute);
  const list = asList(value);
  if (list) {
    if (!allowed.has('$in')) return issues.add(path, 'This field cannot be compared with a list');
    return checkList(attribute, list, path, issues);
  }
  if (!isPlainObject(value)) {
    if (!allowed.has('$eq')) return issues.add(path, `Use one of: ${[...allowed].join(', ')}`);
    return checkOperand(attribute, value, path, issues);
  }
  if (depth > MAX_DEPTH) return issues.add(path, 'Filters are nested too deeply');
  const keys = Object.keys(value);
  if (keys.length === 0) return issues.add(path, 'Expected an operator, e.g. $eq');
  for (const key of keys) {
    const operand = value[key];
    const at = [...path, key];
    if (!KNOWN.has(key)) issues.add(at, key.startsWith('$') ? `Unknown operator ${key}` : 'Expected an operator, e.g. $eq');
    else if (!allowed.has(key)) issues.add(at, `${key} cannot be used on a field of type ${attribute.type}`);
    else if (key === '$not') checkCondition(attribute, operand, at, issues, depth + 1);
    else if (LISTS.has(key)) {
      const items = asList(operand);
      if (!items) issues.add(at, `${key} expects a list, e.g. ${key}[0]=a&${key}[1]=b`);
      else checkList(attribute, items, at, issues);
    } else if (key === '$between') {
      const items = asList(operand);
      if (!items || items.length !== 2) issues.add(at, '$between expects exactly two values, e.g. $between[0]=1&$between[1]=9');
      else checkList(attribute, items, at, issues);
    } else if (NULL_CHECKS.has(key)) {
      const problem = booleanLike(operand);
      if (problem) issues.add(at, problem);
    } else if (isPlainObject(operand) || Array.isArray(operand)) {
      issues.add(at, `${key} expects a single value, not an object or a list`);
    } else {
      checkOperand(attribute, operand, at, issues);
    }
  }
}

function checkList(attribute: AttributeView, items: unknown[], path: string[], issues: Issues): void {
  if (items.length > MAX_LIST) return issues.add(path, `At most ${MAX_LIST} values`);
  items.forEach((item, index) => {
    if (isPlainObject(item) || Array.isArray(item)) issues.add([...path, String(index)], 'Expected a single value');
    else checkOperand(attribute, item, [...path, String(index)], issues);
  });
}

/**
 * The value under a relation, as Strapi's query engine reads it: a related id (or a list of them),
 * fields of the related type, exactly one `$and` / `$or`, or one operator on the related id
 * (`filters[person][$null]=true`). Fields and operators mixed, two operators, or `$not` there threw
 * in the engine ("Operator and non-operator keys cannot be mixed in a relation where clause") and
 * answered 500.
 */
function checkRelationFilter(target: ModelView, lookup: ModelLookup, value: unknown, path: string[], issues: Issues, depth: number): void {
  if (!isPlainObject(value)) return checkCondition(SYSTEM_FIELDS.id, value, path, issues, depth);
  const keys = Object.keys(value);
  const operators = keys.filter((key) => key.startsWith('$'));
  if (operators.length === 0) return checkFilters(target, lookup, value, path, issues, depth);
  if (operators.length !== keys.length) {
    return issues.add(path, 'Under a relation, use either its fields or one of $and / $or, not both (put the fields inside the $and)');
  }
  if (operators.length > 1) return issues.add(path, 'Under a relation, use one operator; combine more with $and');
  const [operator] = operators;
  if (LOGICAL.has(operator)) return checkFilters(target, lookup, value, path, issues, depth);
  if (operator === '$not') return issues.add([...path, operator], 'Use $not around the relation (filters[$not][relation]…) or on one of its fields');
  checkCondition(SYSTEM_FIELDS.id, value, path, issues, depth);
}

/** A filter object (or a list of them, read as $and) on `model`. */
export function checkFilters(model: ModelView, lookup: ModelLookup, value: unknown, path: string[], issues: Issues, depth = 0): void {
  if (depth > MAX_DEPTH) return issues.add(path, 'Filters are nested too deeply');
  const list = asList(value);
  if (list) {
    if (list.length > MAX_LIST) return issues.add(path, `At most ${MAX_LIST} filters in a list`);
    list.forEach((item, index) => checkFilters(model, lookup, item, [...path, String(index)], issues, depth + 1));
    return;
  }
  if (!isPlainObject(value)) return issues.add(path, 'Expected an object of fields, e.g. filters[title][$eq]=…');
  for (const key of Object.keys(value)) {
    const operand = value[key];
    const at = [...path, key];
    if (LOGICAL.has(key)) {
      const items = asList(operand);
      if (!items) issues.add(at, `${key} expects a list of filters, e.g. ${key}[0][title][$eq]=…`);
      else if (items.length > MAX_LIST) issues.add(at, `At most ${MAX_LIST} filters in a list`);
      else items.forEach((item, index) => checkFilters(model, lookup, item, [...at, String(index)], issues, depth + 1));
    } else if (key === '$not') {
      checkFilters(model, lookup, operand, at, issues, depth + 1);
    } else if (key.startsWith('$')) {
      issues.add(at, KNOWN.has(key) ? `${key} must follow a field, e.g. filters[title][${key}]=…` : `Unknown operator ${key}`);
    } else {
      const attribute = readableField(model, key);
      if (!attribute) issues.add(at, 'Unknown field');
      else if (isRelation(attribute)) {
        const target = attribute.target ? lookup(attribute.target) : undefined;
        if (!target) issues.add(at, 'This relation cannot be filtered on');
        else checkRelationFilter(target, lookup, operand, at, issues, depth + 1);
      } else checkCondition(attribute, operand, at, issues, depth + 1);
    }
  }
}
