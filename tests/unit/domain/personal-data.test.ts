import {
  DEFAULT_RETENTION,
  PERSONAL_COLUMNS,
  REDACTED,
  clearedColumns,
  identifiersOf,
  isDueForErasure,
  isErasureConfirmed,
  redactEventData,
  redactText,
  retentionCutoff,
} from '../../../plugins/live-chat/shared/domain/personal-data';

/** F5, G9: the pure rules of erasure and retention. */
describe('F5 what identifies a person', () => {
  it('declares the side panel, message texts and the visitor context as personal, and clears them', () => {
    expect(clearedColumns('conversations')).toEqual(
      expect.arrayContaining(['person_name', 'person_email', 'person_phone', 'organization_name', 'notes', 'last_message_preview', 'rating_comment']),
    );
    expect(clearedColumns('messages')).toEqual(['body', 'transcript']);
    expect(clearedColumns('visitors')).toEqual(expect.arrayContaining(['name', 'email', 'page', 'referrer', 'flow']));
    // Business records keep their row and lose only the identifiers in their texts.
    expect(PERSONAL_COLUMNS.leads).toEqual({ title: 'redact' });
    expect(clearedColumns('leads')).toEqual([]);
  });

  it('keeps what analytics count out of the declaration (times, status, assignee, rating)', () => {
    const conversation = Object.keys(PERSONAL_COLUMNS.conversations);
    for (const kept of ['status', 'assignee_id', 'created_at', 'closed_at', 'rating']) expect(conversation).not.toContain(kept);
  });
});

describe('F5 redaction of business records', () => {
  it('cuts every identifier, whatever its case, the longest first', () => {
    const identifiers = identifiersOf(['Jane', 'Jane Roe', 'jane@example.com', null, '  ', 'x']);
    expect(identifiers).toEqual(['jane@example.com', 'Jane Roe', 'Jane']);
    expect(redactText('Lead for JANE ROE (jane@example.com), call Jane', identifiers)).toBe(`Lead for ${REDACTED} (${REDACTED}), call ${REDACTED}`);
  });

  it('treats identifiers as text, not patterns', () => {
    expect(redactText('Call +46 (70) 123', identifiersOf(['+46 (70) 123']))).toBe(`Call ${REDACTED}`);
    expect(redactText('a.b', identifiersOf(['a*b']))).toBe('a.b');
  });

  it('leaves null, and text without identifiers, alone', () => {
    expect(redactText(null, ['Jane'])).toBeNull();
    expect(redactText('Big order', [])).toBe('Big order');
  });

  it('redacts the texts of a timeline event, keeping its type and numbers', () => {
    const event = { type: 'lead_created', data: { title: 'Lead for Jane', agentId: 7, by: null } };
    expect(redactEventData(event, ['Jane'])).toEqual({ type: 'lead_created', data: { title: `Lead for ${REDACTED}`, agentId: 7, by: null } });
    expect(redactEventData(null, ['Jane'])).toBeNull();
  });
});

describe('F5 an erasure is confirmed by typing', () => {
  it("accepts the person's name or ERASE, ignoring case and surrounding spaces", () => {
    expect(isErasureConfirmed('ERASE', null)).toBe(true);
    expect(isErasureConfirmed(' erase ', 'Jane Roe')).toBe(true);
    expect(isErasureConfirmed('jane roe', 'Jane Roe')).toBe(true);
  });

  it('refuses anything else, including an empty text and a name when the person has none', () => {
    expect(isErasureConfirmed('', null)).toBe(false);
    expect(isErasureConfirmed('   ', '')).toBe(false);
    expect(isErasureConfirmed('Jane', 'Jane Roe')).toBe(false);
    expect(isErasureConfirmed('yes', null)).toBe(false);
  });
});

describe('G9 retention', () => {
  const now = new Date('2026-06-30T12:00:00Z');

  it('is off by default: no cutoff, nothing due', () => {
    expect(DEFAULT_RETENTION.enabled).toBe(false);
    expect(retentionCutoff(DEFAULT_RETENTION, now)).toBeNull();
    expect(isDueForErasure({ status: 'closed', closedAt: new Date(0), erasedAt: null }, null)).toBe(false);
  });

  it('erases closed conversations closed more than N days before now, once', () => {
    const cutoff = retentionCutoff({ enabled: true, days: 30 }, now)!;
    expect(cutoff.toISOString()).toBe('2026-05-31T12:00:00.000Z');
    const closed = (closedAt: string, erasedAt: Date | null = null) => ({ status: 'closed', closedAt: new Date(closedAt), erasedAt });
    expect(isDueForErasure(closed('2026-05-31T11:59:59Z'), cutoff)).toBe(true);
    expect(isDueForErasure(closed('2026-05-31T12:00:00Z'), cutoff)).toBe(false);
    expect(isDueForErasure(closed('2026-01-01T00:00:00Z', now), cutoff)).toBe(false);
    expect(isDueForErasure({ status: 'assigned', closedAt: null, erasedAt: null }, cutoff)).toBe(false);
  });
});
