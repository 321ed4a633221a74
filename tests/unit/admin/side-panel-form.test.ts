import type { SidePanelValues } from '../../../plugins/live-chat/shared/contracts/conversations';
import { validateSidePanel } from '../../../plugins/live-chat/shared/domain/side-panel';
import {
  dateFromIso,
  fieldErrors,
  isDirty,
  isoFromDate,
  toForm,
  toInput,
} from '../../../plugins/live-chat/admin/src/inbox/side-panel/form';

/** C1 in the inbox: the side panel's form state ⇄ the PUT body the API validates. */
const empty: SidePanelValues = {
  dealValue: null,
  dealCurrency: null,
  expectedCloseDate: null,
  personName: null,
  personEmail: null,
  personPhone: null,
  organizationName: null,
  organizationAddress: null,
  notes: null,
};
const stored: SidePanelValues = {
  ...empty,
  dealValue: 1200.5,
  dealCurrency: 'EUR',
  expectedCloseDate: '2027-03-31',
  personName: 'Ada Lovelace',
  personEmail: 'ada@example.com',
  notes: 'Wants a demo',
};

describe('side panel form', () => {
  it('round-trips stored values and sends every field, with emptied ones as null (clears them)', () => {
    expect(toInput(toForm(stored))).toEqual(stored);
    expect(toInput({ ...toForm(stored), personName: '   ', dealValue: undefined, notes: '' })).toEqual({
      ...stored,
      personName: null,
      dealValue: null,
      notes: null,
    });
  });

  it('sends a body the shared validator accepts as it is', () => {
    expect(validateSidePanel(toInput(toForm(stored)))).toMatchObject({ ok: true });
    expect(validateSidePanel(toInput(toForm(empty)))).toMatchObject({ ok: true });
  });

  it('is dirty only when a value would change', () => {
    expect(isDirty(toForm(stored), stored)).toBe(false);
    expect(isDirty({ ...toForm(stored), personPhone: '  ' }, stored)).toBe(false);
    expect(isDirty({ ...toForm(stored), dealValue: 99 }, stored)).toBe(true);
    expect(isDirty({ ...toForm(stored), notes: '' }, stored)).toBe(true);
  });

  it("puts the API's field errors (details.errors[].path) on their fields, the first per field", () => {
    const result = validateSidePanel({ personEmail: 'not-an-email', dealValue: -5 });
    if (result.ok) throw new Error('expected field errors');
    const byPath = Object.fromEntries(result.errors.map((error) => [error.path.join('.'), error.message]));
    expect(fieldErrors({ ...byPath, unknownField: 'ignored' })).toEqual({
      personEmail: 'Enter a valid email address, e.g. name@example.com',
      dealValue: 'Deal value cannot be negative',
    });
  });

  it('keeps a picked date on its calendar day whatever the time zone', () => {
    expect(isoFromDate(dateFromIso('2027-01-01'))).toBe('2027-01-01');
    expect(isoFromDate(new Date(2027, 11, 31, 23, 59))).toBe('2027-12-31');
    expect(dateFromIso('31/12/2027')).toBeUndefined();
    expect(isoFromDate(undefined)).toBe('');
  });
});
