/**
 * C1: the side panel where an agent records the visitor's details. Values are plain text (escaped on
 * render); what breaks storage or display is refused: control characters, HTML markup, malformed
 * emails / phones / amounts / dates, unknown currencies and unknown fields.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { z } from 'zod';
import { DB_DECIMAL_MAX } from '../constants';

// Everything below U+0020 except tab, LF and CR, plus DEL and the C1 block: invisible, and they corrupt exports.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// A tag-like run (`<b>`, `</p>`, `<img …>`, `<!-- -->`): markup in a plain-text field is a client bug or
// an attack, so it gets a clear 400 (F4) instead of being stored. "a < b" and "<3" are not tags.
const HTML_TAG = /<\s*\/?\s*[a-z!?][^>]*>/i;
// The deal value is stored in a decimal(10, 2) column (Strapi's decimal): larger amounts overflow it.
const MAX_DEAL_VALUE = DB_DECIMAL_MAX;
const PHONE_EXAMPLE = '+46 70 123 45 67';

// Intl knows the ISO 4217 list; a runtime without supportedValuesOf (older browsers) falls back to the shape check.
const KNOWN_CURRENCIES: ReadonlySet<string> | null =
  typeof Intl.supportedValuesOf === 'function' ? new Set(Intl.supportedValuesOf('currency')) : null;

/** Free text of at most `max` characters without control characters; names are trimmed and must not be empty. */
const text = (label: string, max: number, kind: 'name' | 'trimmed' | 'as-typed') => {
  const base = z.string({ error: `${label} must be text` });
  const shaped = kind === 'name' ? base.trim().min(1, `${label} cannot be empty`) : kind === 'trimmed' ? base.trim() : base;
  return shaped
    .max(max, `${label} can be at most ${max} characters`)
    .refine((value) => !CONTROL_CHARACTERS.test(value), `${label} contains control characters`)
    .refine((value) => !HTML_TAG.test(value), `${label} cannot contain HTML; write plain text`);
};

/** Decimal places of a number as written in its shortest round-trip form (1e-7 has 7). */
function decimalPlaces(value: number): number {
  const match = /^-?\d+(?:\.(\d+))?(?:e([+-]\d+))?$/i.exec(String(value));
  if (!match) return 0;
  return Math.max(0, (match[1]?.length ?? 0) - Number(match[2] ?? 0));
}

// Numeric strings are accepted because form inputs and query strings deliver amounts as text.
const dealValue = z
  .union([z.number(), z.string()], { error: 'Deal value must be a number, e.g. 1200.50' })
  .transform((raw, ctx): number => {
    const fail = (message: string): number => {
      ctx.issues.push({ code: 'custom', message, input: raw });
      return z.NEVER;
    };
    const trimmed = typeof raw === 'string' ? raw.trim() : '';
    if (typeof raw === 'string' && !/^-?\d+(?:\.\d+)?$/.test(trimmed)) {
      return fail('Deal value must be a number, e.g. 1200.50');
    }
    const value = typeof raw === 'number' ? raw : Number(trimmed);
    if (!Number.isFinite(value)) return fail('Deal value must be a number, e.g. 1200.50');
    if (value < 0) return fail('Deal value cannot be negative');
    if (value > MAX_DEAL_VALUE) return fail('Deal value can be at most 99,999,999.99');
    if (decimalPlaces(value) > 2) return fail('Deal value can have at most 2 decimals');
    return value;
  });

const dealCurrency = z
  .string({ error: 'Currency must be a 3-letter ISO 4217 code, e.g. EUR' })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'Currency must be a 3-letter ISO 4217 code, e.g. EUR')
  .refine((code) => KNOWN_CURRENCIES === null || KNOWN_CURRENCIES.has(code), 'Unknown currency code');

/** True when `yyyy-mm-dd` names a day that exists (no 30 February). */
function isCalendarDate(value: string): boolean {
  const [year, month, day] = value.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const expectedCloseDate = z
  .string({ error: 'Expected close date must be a date in the format YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected close date must be a date in the format YYYY-MM-DD')
  .refine(isCalendarDate, 'Expected close date is not a real calendar date');

const personEmail = z
  .string({ error: 'Email must be text' })
  .trim()
  .toLowerCase()
  .max(254, 'Email can be at most 254 characters')
  .pipe(z.email('Enter a valid email address, e.g. name@example.com'));

// Stored as E.164 so the same number typed two ways is one number; without a country code we cannot know which.
const personPhone = z
  .string({ error: 'Phone must be text' })
  .trim()
  .max(40, 'Phone can be at most 40 characters')
  .transform((raw, ctx): string => {
    const fail = (message: string): string => {
      ctx.issues.push({ code: 'custom', message, input: raw });
      return z.NEVER;
    };
    if (!raw.startsWith('+')) {
      return fail(`Enter the phone number in international format, with + and the country code, e.g. ${PHONE_EXAMPLE}`);
    }
    const parsed = parsePhoneNumberFromString(raw, { extract: false });
    if (!parsed || !parsed.isValid()) return fail(`Enter a valid phone number, e.g. ${PHONE_EXAMPLE}`);
    // E.164 has no room for an extension; dropping it silently would lose what the agent typed.
    if (parsed.ext) return fail('Phone extensions are not supported; put the extension in the notes');
    return parsed.number;
  });

/** C1: the side panel fields; every one is optional and `null` clears it. Unknown fields are refused. */
export const sidePanelSchema = z.strictObject(
  {
    dealValue: dealValue.nullable().optional(),
    dealCurrency: dealCurrency.nullable().optional(),
    expectedCloseDate: expectedCloseDate.nullable().optional(),
    personName: text('Name', 200, 'name').nullable().optional(),
    personEmail: personEmail.nullable().optional(),
    personPhone: personPhone.nullable().optional(),
    organizationName: text('Organization name', 200, 'name').nullable().optional(),
    organizationAddress: text('Organization address', 1000, 'trimmed').nullable().optional(),
    notes: text('Notes', 10000, 'as-typed').nullable().optional(),
  },
  { error: 'The side panel must be an object' },
);

/** What a client may send. */
export type SidePanelInput = z.input<typeof sidePanelSchema>;
/** What is stored after validation and normalisation. */
export type SidePanel = z.output<typeof sidePanelSchema>;

/** One field error, in the shape of Strapi's ValidationError details. */
export interface SidePanelFieldError {
  path: string[];
  message: string;
}

/** Validates and normalises side panel input; on failure returns one readable error per bad field. */
export function validateSidePanel(
  input: unknown,
): { ok: true; value: SidePanel } | { ok: false; errors: SidePanelFieldError[] } {
  const result = sidePanelSchema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const errors: SidePanelFieldError[] = [];
  const seen = new Set<string>();
  const add = (path: string[], message: string): void => {
    const field = path[0] ?? '';
    if (seen.has(field)) return; // the first problem of a field is the one worth fixing first
    seen.add(field);
    errors.push({ path, message });
  };
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) add([key], `Unknown field "${key}"`);
    } else {
      add(issue.path.map(String), issue.message);
    }
  }
  return { ok: false, errors };
}
