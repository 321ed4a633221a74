import type { SidePanelValues } from '../../../../shared/contracts/conversations';

/**
 * C1: the side panel's editable state. Text fields hold what the agent typed (never null, so the
 * inputs stay controlled); the server validates and normalises on save, so no rule is repeated here.
 */
export interface SidePanelForm {
  dealValue: number | undefined;
  dealCurrency: string;
  /** `YYYY-MM-DD` or empty. */
  expectedCloseDate: string;
  personName: string;
  personEmail: string;
  personPhone: string;
  organizationName: string;
  organizationAddress: string;
  notes: string;
}

export const SIDE_PANEL_FIELDS = [
  'dealValue',
  'dealCurrency',
  'expectedCloseDate',
  'personName',
  'personEmail',
  'personPhone',
  'organizationName',
  'organizationAddress',
  'notes',
] as const satisfies ReadonlyArray<keyof SidePanelForm & keyof SidePanelValues>;
export type SidePanelField = (typeof SIDE_PANEL_FIELDS)[number];

/** The stored values as form state. */
export function toForm(values: SidePanelValues): SidePanelForm {
  return {
    dealValue: values.dealValue ?? undefined,
    dealCurrency: values.dealCurrency ?? '',
    expectedCloseDate: values.expectedCloseDate ?? '',
    personName: values.personName ?? '',
    personEmail: values.personEmail ?? '',
    personPhone: values.personPhone ?? '',
    organizationName: values.organizationName ?? '',
    organizationAddress: values.organizationAddress ?? '',
    notes: values.notes ?? '',
  };
}

// Whitespace only means "nothing": the API would refuse an empty name, and the agent meant to clear it.
const textOrNull = (value: string): string | null => (value.trim() === '' ? null : value);

/** The PUT body: every field, an emptied one as `null` (clears it, docs/api.md). */
export function toInput(form: SidePanelForm): SidePanelValues {
  return {
    dealValue: form.dealValue ?? null,
    dealCurrency: textOrNull(form.dealCurrency),
    expectedCloseDate: textOrNull(form.expectedCloseDate),
    personName: textOrNull(form.personName),
    personEmail: textOrNull(form.personEmail),
    personPhone: textOrNull(form.personPhone),
    organizationName: textOrNull(form.organizationName),
    organizationAddress: textOrNull(form.organizationAddress),
    notes: textOrNull(form.notes),
  };
}

/** Whether the form differs from the stored values (unsaved edits). */
export function isDirty(form: SidePanelForm, stored: SidePanelValues): boolean {
  const current = toInput(form);
  const saved = toInput(toForm(stored));
  return SIDE_PANEL_FIELDS.some((field) => current[field] !== saved[field]);
}

/** Field errors of the API (`details.errors[].path`, joined with dots) keyed by side-panel field. */
export function fieldErrors(fields: Record<string, string>): Partial<Record<SidePanelField, string>> {
  const errors: Partial<Record<SidePanelField, string>> = {};
  for (const [path, message] of Object.entries(fields)) {
    const field = path.split('.')[0] as SidePanelField;
    if ((SIDE_PANEL_FIELDS as readonly string[]).includes(field)) errors[field] ??= message;
  }
  return errors;
}

/** `YYYY-MM-DD` as a local date (the DatePicker works in the browser's time zone). */
export function dateFromIso(value: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

/** A picked local date as `YYYY-MM-DD`: toISOString would shift it to UTC, a day early east of Greenwich. */
export function isoFromDate(date: Date | undefined): string {
  if (!date) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
