import { sidePanelSchema, validateSidePanel, type SidePanel } from '../../../plugins/live-chat/shared/domain';

/** The normalised value of a valid input, failing the test with the field errors otherwise. */
function valid(input: unknown): SidePanel {
  const result = validateSidePanel(input);
  if (!result.ok) throw new Error(`expected valid, got ${JSON.stringify(result.errors)}`);
  return result.value;
}

/** The field errors of an invalid input, failing the test if it was accepted. */
function invalid(input: unknown): Array<{ path: string[]; message: string }> {
  const result = validateSidePanel(input);
  if (result.ok) throw new Error(`expected invalid, got ${JSON.stringify(result.value)}`);
  return result.errors;
}

/** The single error message for `field`, asserting it is the only error. */
function errorFor(field: string, value: unknown): string {
  const errors = invalid({ [field]: value });
  expect(errors).toHaveLength(1);
  expect(errors[0].path).toEqual([field]);
  return errors[0].message;
}

describe('C1 Side panel: a complete, valid record', () => {
  it('accepts every field and normalises it', () => {
    expect(
      valid({
        dealValue: '1200.50',
        dealCurrency: 'sek',
        expectedCloseDate: '2028-02-29',
        personName: '  Greta Garbo ',
        personEmail: ' Greta@Example.COM ',
        personPhone: '+46 70 123 45 67',
        organizationName: ' Acme AB ',
        organizationAddress: ' Storgatan 1\nStockholm ',
        notes: '  wants a demo\n\tnext week ',
      }),
    ).toEqual({
      dealValue: 1200.5,
      dealCurrency: 'SEK',
      expectedCloseDate: '2028-02-29',
      personName: 'Greta Garbo',
      personEmail: 'greta@example.com',
      personPhone: '+46701234567',
      organizationName: 'Acme AB',
      organizationAddress: 'Storgatan 1\nStockholm',
      notes: '  wants a demo\n\tnext week ',
    });
  });

  it('accepts an empty object: every field is optional', () => {
    expect(valid({})).toEqual({});
  });

  it('accepts null for every field, which clears it', () => {
    const cleared = Object.fromEntries(Object.keys(sidePanelSchema.shape).map((key) => [key, null]));
    expect(valid(cleared)).toEqual(cleared);
  });
});

describe('C1 Deal value', () => {
  it.each([
    [0, 0],
    [1200, 1200],
    [1200.5, 1200.5],
    [0.29, 0.29],
    [99_999_999.99, 99_999_999.99],
    ['99999999.99', 99_999_999.99],
    ['1200.50', 1200.5],
    [' 42 ', 42],
  ])('accepts %p as %p', (input, output) => {
    expect(valid({ dealValue: input }).dealValue).toBe(output);
  });

  it('refuses a negative amount', () => {
    expect(errorFor('dealValue', -1)).toBe('Deal value cannot be negative');
    expect(errorFor('dealValue', '-0.5')).toBe('Deal value cannot be negative');
  });

  it('refuses more than 2 decimals', () => {
    expect(errorFor('dealValue', 10.123)).toBe('Deal value can have at most 2 decimals');
    expect(errorFor('dealValue', '10.123')).toBe('Deal value can have at most 2 decimals');
    expect(errorFor('dealValue', 1e-7)).toBe('Deal value can have at most 2 decimals');
  });

  it('refuses more than 99,999,999.99, the most its decimal(10, 2) column holds on PostgreSQL', () => {
    expect(errorFor('dealValue', 100_000_000)).toMatch(/at most 99,999,999.99/);
    expect(errorFor('dealValue', '1000000000000')).toMatch(/at most 99,999,999.99/);
  });

  it.each([['abc'], ['12,50'], ['1e3'], [''], [Number.NaN], [Number.POSITIVE_INFINITY], [true], [{}]])(
    'refuses the non-numeric %p with a readable message',
    (input) => {
      expect(errorFor('dealValue', input)).toBe('Deal value must be a number, e.g. 1200.50');
    },
  );
});

describe('C1 Deal currency (ISO 4217)', () => {
  it('accepts a known code and upper-cases a lower-case one', () => {
    expect(valid({ dealCurrency: 'EUR' }).dealCurrency).toBe('EUR');
    expect(valid({ dealCurrency: 'usd' }).dealCurrency).toBe('USD');
  });

  it("refuses 'XYZ', which has the shape but is no currency", () => {
    expect(errorFor('dealCurrency', 'XYZ')).toBe('Unknown currency code');
  });

  it.each([['EURO'], ['EU'], ['€'], ['E1R']])("refuses %p, which is not a 3-letter code", (input) => {
    expect(errorFor('dealCurrency', input)).toBe('Currency must be a 3-letter ISO 4217 code, e.g. EUR');
  });
});

describe('C1 Expected close date', () => {
  it('accepts a real date, including 29 February of a leap year', () => {
    expect(valid({ expectedCloseDate: '2026-12-31' }).expectedCloseDate).toBe('2026-12-31');
    expect(valid({ expectedCloseDate: '2028-02-29' }).expectedCloseDate).toBe('2028-02-29');
  });

  it.each([['2026-02-30'], ['2026-02-29'], ['2026-13-01'], ['2026-04-31'], ['2026-00-10']])(
    'refuses %p, which is not a real calendar date',
    (input) => {
      expect(errorFor('expectedCloseDate', input)).toBe('Expected close date is not a real calendar date');
    },
  );

  it.each([['31/12/2026'], ['2026-1-5'], ['2026-12-31T00:00:00Z'], ['tomorrow']])('refuses %p, not YYYY-MM-DD', (input) => {
    expect(errorFor('expectedCloseDate', input)).toBe('Expected close date must be a date in the format YYYY-MM-DD');
  });
});

describe('C1 Person email', () => {
  it('accepts a valid address, trimmed and lower-cased', () => {
    expect(valid({ personEmail: ' Ana.Lopez+chat@Example.ES ' }).personEmail).toBe('ana.lopez+chat@example.es');
  });

  it.each([['not-an-email'], ['a@b'], ['@example.com'], ['ana@'], ['ana lopez@example.com']])('refuses %p', (input) => {
    expect(errorFor('personEmail', input)).toBe('Enter a valid email address, e.g. name@example.com');
  });

  it('refuses an address longer than 254 characters', () => {
    expect(errorFor('personEmail', `${'a'.repeat(250)}@example.com`)).toBe('Email can be at most 254 characters');
  });
});

describe('C1 Person phone', () => {
  it('accepts an international number and stores it as E.164', () => {
    expect(valid({ personPhone: '+46 70 123 45 67' }).personPhone).toBe('+46701234567');
    expect(valid({ personPhone: '+1 (415) 555-2671' }).personPhone).toBe('+14155552671');
  });

  it("refuses '0701234567', a national number, asking for the international format", () => {
    expect(errorFor('personPhone', '0701234567')).toMatch(/international format.*country code/);
  });

  it("refuses '12345'", () => {
    expect(errorFor('personPhone', '12345')).toMatch(/international format/);
  });

  it('refuses a number that is not valid for its country', () => {
    expect(errorFor('personPhone', '+46 12')).toBe('Enter a valid phone number, e.g. +46 70 123 45 67');
  });

  it('refuses a number buried in other text instead of guessing', () => {
    expect(errorFor('personPhone', '+46 70 123 45 67 or call my mum')).toBe('Enter a valid phone number, e.g. +46 70 123 45 67');
  });

  it('refuses an extension, which E.164 cannot hold, rather than dropping it', () => {
    expect(errorFor('personPhone', '+46 70 123 45 67 ext. 5')).toMatch(/extension/);
  });
});

describe('C1 Names, address and notes', () => {
  it('refuses a name that is empty once trimmed', () => {
    expect(errorFor('personName', '   ')).toBe('Name cannot be empty');
    expect(errorFor('organizationName', '')).toBe('Organization name cannot be empty');
  });

  it('refuses text over the length limits', () => {
    expect(errorFor('personName', 'x'.repeat(201))).toBe('Name can be at most 200 characters');
    expect(errorFor('organizationName', 'x'.repeat(201))).toBe('Organization name can be at most 200 characters');
    expect(errorFor('organizationAddress', 'x'.repeat(1001))).toBe('Organization address can be at most 1000 characters');
    expect(errorFor('notes', 'x'.repeat(10_001))).toBe('Notes can be at most 10000 characters');
  });

  it('accepts text at the length limits', () => {
    expect(valid({ personName: 'x'.repeat(200), notes: 'x'.repeat(10_000) })).toEqual({
      personName: 'x'.repeat(200),
      notes: 'x'.repeat(10_000),
    });
  });

  it.each([['<script>alert(1)</script>'], ['<b>VIP</b>'], ['<img src=x onerror=alert(1)>'], ['</p>'], ['<!-- x -->']])(
    'refuses HTML markup %j in text fields (F4: a clear 400, not stored)',
    (html) => {
      expect(errorFor('notes', `note ${html}`)).toBe('Notes cannot contain HTML; write plain text');
      expect(errorFor('personName', html)).toBe('Name cannot contain HTML; write plain text');
    },
  );

  it('keeps text that merely contains angle brackets and ampersands, exactly as typed', () => {
    const text = 'price < 100 & quality > 3 <3 "friends"';
    expect(valid({ notes: text })).toEqual({ notes: text });
  });

  it('keeps line breaks and tabs in notes', () => {
    expect(valid({ notes: 'line 1\r\nline 2\tend' }).notes).toBe('line 1\r\nline 2\tend');
  });

  it.each([['\u0000'], ['\u0007'], ['\u001b[31m'], ['\u007f'], ['\u0085']])('refuses the control character %j', (control) => {
    expect(errorFor('notes', `hello${control}`)).toBe('Notes contains control characters');
    expect(errorFor('personName', `Ana${control}`)).toBe('Name contains control characters');
  });

  it('refuses a value of the wrong type', () => {
    expect(errorFor('personName', 42)).toBe('Name must be text');
  });
});

describe('C1 Field errors', () => {
  it('refuses unknown keys, naming each one', () => {
    expect(invalid({ personName: 'Ana', role: 'admin', isVip: true })).toEqual([
      { path: ['role'], message: 'Unknown field "role"' },
      { path: ['isVip'], message: 'Unknown field "isVip"' },
    ]);
  });

  it('reports one error per bad field, each with its path', () => {
    const errors = invalid({ dealValue: -5, dealCurrency: 'EURO', personEmail: 'nope', personName: 'Ana' });
    expect(errors.map((error) => error.path)).toEqual([['dealValue'], ['dealCurrency'], ['personEmail']]);
  });

  it('reports only the first problem of a field', () => {
    expect(invalid({ personName: `${'x'.repeat(201)}\u0000` })).toHaveLength(1);
  });

  it.each([[null], [[]], ['text'], [42]])('refuses %p, which is not an object', (input) => {
    expect(invalid(input)).toEqual([{ path: [], message: 'The side panel must be an object' }]);
  });
});
