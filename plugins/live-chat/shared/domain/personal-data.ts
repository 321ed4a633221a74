/**
 * F5 / G9: the personal data the plugin keeps, declared once, and the pure rules of exporting and
 * erasing it. Export, erasure, retention and the completeness tests read this declaration, so a
 * new field that identifies a person is added here and nowhere else. No I/O, time is a parameter.
 */

/** Who an export or an erasure is about; `conversation` means "the person or visitor of this chat". */
export const SUBJECT_KINDS = ['visitor', 'person', 'conversation'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

/** What an erasure does with a column: cleared (null) or kept with the subject's identifiers cut out. */
export type ErasureRule = 'clear' | 'redact';

/**
 * The columns (snake_case, as stored) that identify a person, per table of the plugin. Rows whose
 * business meaning outlives the person (conversations for analytics, leads, deals, activities)
 * keep their row and lose these columns; a person row is deleted whole.
 */
export const PERSONAL_COLUMNS = {
  conversations: {
    person_name: 'clear',
    person_email: 'clear',
    person_phone: 'clear',
    organization_name: 'clear',
    organization_address: 'clear',
    notes: 'clear',
    last_message_preview: 'clear',
    rating_comment: 'clear',
  },
  messages: { body: 'clear', transcript: 'clear', event: 'redact' },
  visitors: {
    name: 'clear',
    email: 'clear',
    page: 'clear',
    page_title: 'clear',
    landing_page: 'clear',
    referrer: 'clear',
    language: 'clear',
    time_zone: 'clear',
    browser: 'clear',
    os: 'clear',
    device_type: 'clear',
    flow: 'clear',
  },
  leads: { title: 'redact' },
  deals: { title: 'redact' },
  activities: { subject: 'redact', note: 'redact' },
} as const satisfies Record<string, Record<string, ErasureRule>>;

/** The columns of `table` an erasure clears. */
export const clearedColumns = (table: keyof typeof PERSONAL_COLUMNS): string[] =>
  Object.entries(PERSONAL_COLUMNS[table])
    .filter(([, rule]) => rule === 'clear')
    .map(([column]) => column);

/** What replaces an identifier cut out of a business record's text. */
export const REDACTED = '[erased]';

/** The identifiers an erasure looks for in free text: each value of two characters or more, once. */
export function identifiersOf(values: ReadonlyArray<string | null | undefined>): string[] {
  const found = new Set<string>();
  for (const value of values) {
    const trimmed = value?.trim();
    if (trimmed && trimmed.length >= 2) found.add(trimmed);
  }
  // Longest first, so "Jane Roe" is cut whole before "Jane" could leave "Roe" behind.
  return [...found].sort((a, b) => b.length - a.length);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `text` with every identifier (case-insensitive) replaced by REDACTED; null stays null. */
export function redactText(text: string | null, identifiers: readonly string[]): string | null {
  if (text === null || identifiers.length === 0) return text;
  const pattern = new RegExp(identifiers.map(escapeRegExp).join('|'), 'gi');
  return text.replace(pattern, REDACTED);
}

/**
 * Free text the visitor wrote into an event, by event type: cleared whole, as a message body is
 * (a rating's comment is the visitor's own words; the score stays for analytics).
 */
const VISITOR_TEXT_IN_EVENTS: Readonly<Record<string, readonly string[]>> = { rated: ['comment'] };

/**
 * A timeline event's data with the subject's identifiers cut out of its texts (agent ids and names
 * stay) and the visitor's own words in it cleared.
 */
export function redactEventData<T extends { type: string; data?: Record<string, string | number | null> }>(
  event: T | null,
  identifiers: readonly string[],
): T | null {
  if (!event) return event;
  const visitorText = VISITOR_TEXT_IN_EVENTS[event.type] ?? [];
  const data = Object.fromEntries(
    Object.entries(event.data ?? {}).map(([key, value]) => [
      key,
      visitorText.includes(key) ? null : typeof value === 'string' ? redactText(value, identifiers) : value,
    ]),
  );
  return { ...event, data };
}

/** The word an API caller sends, or an admin types when the subject has no name, to confirm an erasure. */
export const ERASE_CONFIRMATION = 'ERASE';

/**
 * Erasure is irreversible, so the admin types what they erase: the subject's display name, or
 * ERASE. Case and surrounding spaces do not matter; anything else refuses.
 */
export function isErasureConfirmed(typed: string, subjectName: string | null): boolean {
  const normal = (text: string) => text.trim().toLocaleLowerCase();
  if (normal(typed) === '') return false;
  return normal(typed) === normal(ERASE_CONFIRMATION) || (subjectName !== null && normal(typed) === normal(subjectName));
}

/** G9: the retention setting ("erase closed conversations older than N days"), off by default. */
export interface RetentionSettings {
  enabled: boolean;
  days: number;
}
export const RETENTION_DAYS = { min: 1, max: 3650, default: 365 } as const;
export const DEFAULT_RETENTION: RetentionSettings = { enabled: false, days: RETENTION_DAYS.default };

const DAY_MS = 24 * 60 * 60 * 1000;

/** G9: conversations closed before this instant are due for erasure (null: retention is off). */
export function retentionCutoff(settings: RetentionSettings, now: Date): Date | null {
  if (!settings.enabled) return null;
  return new Date(now.getTime() - settings.days * DAY_MS);
}

/** G9: whether a conversation is due for erasure under the retention rule. */
export function isDueForErasure(
  conversation: { status: string; closedAt: Date | null; erasedAt: Date | null },
  cutoff: Date | null,
): boolean {
  if (cutoff === null || conversation.erasedAt !== null) return false;
  return conversation.status === 'closed' && conversation.closedAt !== null && conversation.closedAt < cutoff;
}
