import { DB_DECIMAL_MAX, DB_INTEGER_MAX } from '../../../shared/constants';
import type { AttributeView } from './model';

/**
 * F4: what a value of each attribute type must be for the database to store or compare it. One set
 * of bounds for request bodies and for filters, so a value Strapi's validators let through cannot
 * overflow a PostgreSQL column (int4, decimal(10, 2), varchar(255), timestamp) and answer 500.
 * Each check returns a message, or null when the value is fine.
 */
type Check = (value: unknown) => string | null;

const DB_INTEGER_MIN = -DB_INTEGER_MAX - 1;
const BIGINT_MAX = 9_223_372_036_854_775_807n;
/** Strapi creates string, email, enumeration and uid attributes as varchar(255). */
const VARCHAR_MAX = 255;
/** A filter operand longer than this is no search anyone types; it only costs the database. */
const FILTER_TEXT_MAX = 1000;

const STRING_TYPES = new Set(['string', 'text', 'richtext', 'email', 'password', 'uid', 'enumeration']);
const INTEGER_TYPES = new Set(['integer']);
const NUMBER_TYPES = new Set(['integer', 'biginteger', 'decimal', 'float']);
const DATE_TYPES = new Set(['date', 'datetime', 'timestamp', 'time']);

export const isStringType = (type: string) => STRING_TYPES.has(type);
export const isNumberType = (type: string) => NUMBER_TYPES.has(type);
export const isDateType = (type: string) => DATE_TYPES.has(type);

const INTEGER_TEXT = /^-?\d{1,20}$/;
const DECIMAL_TEXT = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const DATE_TEXT = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME_TEXT = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;
const TIME_TEXT = /^([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,3})?)?$/;

function isCalendarDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return year >= 1 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A whole number (or its digits) within [min, max]. */
function integerIn(value: unknown, min: number, max: number): string | null {
  const number = typeof value === 'number' ? value : typeof value === 'string' && INTEGER_TEXT.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isInteger(number)) return 'Must be a whole number';
  if (number < min || number > max) return `Must be between ${min} and ${max}`;
  return null;
}

function bigInteger(value: unknown): string | null {
  const text = typeof value === 'number' && Number.isInteger(value) ? String(value) : typeof value === 'string' ? value.trim() : '';
  if (!INTEGER_TEXT.test(text)) return 'Must be a whole number';
  const big = BigInt(text);
  return big > BIGINT_MAX || big < -BIGINT_MAX - 1n ? 'Out of range for a big integer' : null;
}

function decimalIn(value: unknown, maxAbs: number): string | null {
  const number = typeof value === 'number' ? value : typeof value === 'string' && DECIMAL_TEXT.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isFinite(number)) return 'Must be a number';
  if (Math.abs(number) > maxAbs) return `Must be between -${maxAbs} and ${maxAbs}`;
  return null;
}

function date(value: unknown): string | null {
  const match = typeof value === 'string' ? DATE_TEXT.exec(value) : null;
  if (!match || !isCalendarDay(Number(match[1]), Number(match[2]), Number(match[3]))) {
    return 'Must be a date in the format YYYY-MM-DD (years 0001 to 9999)';
  }
  return null;
}

/** An ISO 8601 date-time (or a millisecond timestamp) that lands between the years 1 and 9999 in UTC. */
function datetime(value: unknown): string | null {
  const message = 'Must be an ISO 8601 date-time, e.g. 2026-05-01T09:30:00Z (years 0001 to 9999)';
  let time: number;
  if (typeof value === 'number' || (typeof value === 'string' && /^\d{1,15}$/.test(value))) {
    time = Number(value);
    if (!Number.isInteger(time)) return message;
  } else if (typeof value === 'string') {
    const match = DATETIME_TEXT.exec(value);
    if (!match || !isCalendarDay(Number(match[1]), Number(match[2]), Number(match[3]))) return message;
    if (Number(match[4] ?? 0) > 23 || Number(match[5] ?? 0) > 59 || Number(match[6] ?? 0) > 59) return message;
    time = Date.parse(match[4] === undefined ? `${value}T00:00:00Z` : value.replace(' ', 'T'));
  } else {
    return message;
  }
  if (!Number.isFinite(time)) return message;
  const year = new Date(time).getUTCFullYear();
  return year < 1 || year > 9999 ? message : null;
}

const time: Check = (value) => (typeof value === 'string' && TIME_TEXT.test(value) ? null : 'Must be a time in the format HH:mm:ss');

const BOOLEAN_TEXT = new Set(['true', 'false', 't', 'f', '1', '0']);
const booleanLike: Check = (value) =>
  typeof value === 'boolean' || value === 0 || value === 1 || (typeof value === 'string' && BOOLEAN_TEXT.has(value))
    ? null
    : 'Must be true or false';

/** The JSON a `json` attribute may hold: anything JSON can say, not nested absurdly deep. */
function jsonDepth(value: unknown, depth = 0): number {
  if (depth > 64 || value === null || typeof value !== 'object') return depth;
  let deepest = depth;
  for (const child of Object.values(value)) deepest = Math.max(deepest, jsonDepth(child, depth + 1));
  return deepest;
}

/** A value in a request body (`data.<attribute>`) for a scalar attribute; null is left to Strapi's `required`. */
export function bodyValueIssue(attribute: AttributeView, value: unknown): string | null {
  if (value === null) return null;
  const { type } = attribute;
  if (isStringType(type)) {
    if (typeof value !== 'string') return 'Must be text';
    const max = attribute.maxLength ?? (type === 'text' || type === 'richtext' ? undefined : VARCHAR_MAX);
    if (max !== undefined && value.length > max) return `Can be at most ${max} characters`;
    if (type === 'enumeration' && !(attribute.enum ?? []).includes(value)) return `Must be one of: ${(attribute.enum ?? []).join(', ')}`;
    return null;
  }
  switch (type) {
    case 'integer':
      return integerIn(value, DB_INTEGER_MIN, DB_INTEGER_MAX);
    case 'biginteger':
      return bigInteger(value);
    case 'decimal':
      return decimalIn(value, DB_DECIMAL_MAX);
    case 'float':
      return decimalIn(value, Number.MAX_VALUE);
    case 'boolean':
      return typeof value === 'boolean' ? null : 'Must be true or false';
    case 'date':
      return date(value);
    case 'datetime':
    case 'timestamp':
      return datetime(value);
    case 'time':
      return time(value);
    case 'json':
    case 'blocks':
      return jsonDepth(value) > 32 ? 'Nested too deeply' : null;
    default:
      return `Attributes of type ${type} cannot be written through this API`;
  }
}

/** An operand of a filter on a scalar field (as the query string delivers it: text, or null). */
export function filterValueIssue(attribute: AttributeView, value: unknown): string | null {
  if (value === null) return null;
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return 'Must be a single value';
  const { type } = attribute;
  if (isStringType(type)) return String(value).length > FILTER_TEXT_MAX ? `Can be at most ${FILTER_TEXT_MAX} characters` : null;
  if (INTEGER_TYPES.has(type)) return integerIn(value, DB_INTEGER_MIN, DB_INTEGER_MAX);
  switch (type) {
    case 'biginteger':
      return bigInteger(value);
    case 'decimal':
    case 'float':
      return decimalIn(value, Number.MAX_SAFE_INTEGER);
    case 'boolean':
      return booleanLike(value);
    case 'date':
      return date(value);
    case 'datetime':
    case 'timestamp':
      return datetime(value);
    case 'time':
      return time(value);
    default:
      return `Fields of type ${type} cannot be filtered on`;
  }
}

export { booleanLike, integerIn };
