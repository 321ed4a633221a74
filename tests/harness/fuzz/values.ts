import fc from 'fast-check';

/**
 * The values a fuzzed request is built from: edge values of every kind a column or a parser can
 * choke on (int4 and decimal(10, 2) bounds, far dates, prototype names, operators, NUL, huge and
 * odd strings), mixed with arbitrary JSON so nothing is only what we thought of.
 */
export const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'toJSON', 'then', 'length', ''];
export const OPERATORS = [
  '$eq', '$ne', '$eqi', '$nei', '$lt', '$lte', '$gt', '$gte', '$in', '$notIn', '$between', '$null', '$notNull', '$not', '$and', '$or',
  '$contains', '$notContains', '$containsi', '$notContainsi', '$startsWith', '$endsWith', '$startsWithi', '$endsWithi', '$jsonSupersetOf', '$foo',
];

const NUMBERS = [0, -1, 1, 1.5, 0.001, 99_999_999.99, 100_000_000, 1e12, 2_147_483_647, 2_147_483_648, -2_147_483_649, 9_007_199_254_740_993, 1e308, -1e308, Number.MIN_VALUE];
const NUMBER_TEXTS = ['0', '-1', '1', '01', '1.5', '1e3', '1e400', '-0', '2147483647', '2147483648', '-2147483649', '99999999.99', '100000000', '9223372036854775808', '0x10', 'NaN', 'Infinity', ' 1 '];
const DATE_TEXTS = [
  '2026-05-01', '2026-02-30', '0000-01-01', '0001-01-01', '9999-12-31', '10000-01-01', '+275760-09-13', '-000001-01-01',
  '2026-05-01T09:30:00Z', '2026-05-01T09:30:00.123456789+02:00', '2026-05-01T25:00:00Z', '0001-01-01T00:00:00+01:00', '9999-12-31T23:59:59-01:00',
  '+275760-09-13T00:00:00Z', '1714550000000', '99999999999999999', 'tomorrow', '2026-5-1',
];
const TEXTS = ['', ' ', 'x', 'open', 'won', 'call', 'EUR', 'ada@example.com', 'not-an-email', '*', 'true', 'false', 'null', '[object Object]', '<script>alert(1)</script>', "'; DROP TABLE x; --", '%', '_', '\\', '\u0000', 'x\u0000y', '\ud800', '😀', 'ß'.repeat(300), 'a'.repeat(256), 'x'.repeat(10_001)];

export const edgeNumber = fc.oneof(fc.constantFrom(...NUMBERS), fc.integer(), fc.double({ noNaN: true }));
export const edgeText = fc.oneof(fc.constantFrom(...TEXTS, ...NUMBER_TEXTS, ...DATE_TEXTS, ...HOSTILE_KEYS, ...OPERATORS), fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 }));

/** Any JSON value a client could send, edge values included. */
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.oneof(edgeNumber, edgeText, fc.boolean(), fc.constant(null)) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

/** An object with exactly these own keys (also `__proto__`, which a literal would turn into a prototype). */
export const ownObject = (entries: ReadonlyArray<readonly [string, unknown]>): Record<string, unknown> => Object.fromEntries(entries);

/** A short list of keys and values as an object with own keys. */
export const objectOf = (key: fc.Arbitrary<string>, value: fc.Arbitrary<unknown>, maxKeys = 4) =>
  fc.array(fc.tuple(key, value), { maxLength: maxKeys }).map(ownObject);

/** encodeURIComponent for any string: a lone surrogate (which it refuses) is sent as U+FFFD. */
export const encode = (text: string) => encodeURIComponent(text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'));
