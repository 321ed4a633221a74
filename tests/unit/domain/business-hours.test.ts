import {
  businessHoursSchema,
  isCalendarDate,
  isOpen,
  nextOpening,
  outsideHoursRefusal,
  type BusinessHours,
} from '../../../plugins/live-chat/shared/domain/business-hours';

const nineToFive = { from: '09:00', to: '17:00' };
const weekdays = { monday: [nineToFive], tuesday: [nineToFive], wednesday: [nineToFive], thursday: [nineToFive], friday: [nineToFive] };
const stockholm: BusinessHours = { timeZone: 'Europe/Stockholm', weekly: weekdays, holidays: ['2026-12-24', '2026-12-25'] };
const at = (iso: string) => new Date(iso);

describe('G7 Business hours: open or closed at a given time', () => {
  it('is open inside a weekday interval in the playbook time zone, not in UTC', () => {
    // Monday 2026-12-07 08:30 UTC is 09:30 in Stockholm (CET, UTC+1).
    expect(isOpen(stockholm, at('2026-12-07T08:30:00Z'))).toBe(true);
    // 07:59 UTC is 08:59 local: not yet open.
    expect(isOpen(stockholm, at('2026-12-07T07:59:00Z'))).toBe(false);
  });

  it('opens at the first minute and closes at the closing minute', () => {
    expect(isOpen(stockholm, at('2026-12-07T08:00:00Z'))).toBe(true);
    expect(isOpen(stockholm, at('2026-12-07T15:59:59Z'))).toBe(true);
    expect(isOpen(stockholm, at('2026-12-07T16:00:00Z'))).toBe(false);
  });

  it('is closed on a day without hours (the weekend)', () => {
    expect(isOpen(stockholm, at('2026-12-12T10:00:00Z'))).toBe(false);
  });

  it('is closed all day on a holiday, by the local date', () => {
    expect(isOpen(stockholm, at('2026-12-24T10:00:00Z'))).toBe(false);
    // 23:30 UTC on the 23rd is already the 24th in Stockholm.
    expect(isOpen({ ...stockholm, weekly: { wednesday: [{ from: '00:00', to: '24:00' }], thursday: [{ from: '00:00', to: '24:00' }] } }, at('2026-12-23T23:30:00Z'))).toBe(false);
  });

  it('follows daylight saving time: 09:00 local is 07:00 UTC in summer', () => {
    expect(isOpen(stockholm, at('2026-07-06T07:00:00Z'))).toBe(true);
    expect(isOpen(stockholm, at('2026-07-06T06:59:00Z'))).toBe(false);
  });

  it('reads "24:00" as open until midnight and several intervals a day', () => {
    const split: BusinessHours = { timeZone: 'UTC', weekly: { monday: [{ from: '08:00', to: '12:00' }, { from: '20:00', to: '24:00' }] }, holidays: [] };
    expect(isOpen(split, at('2026-12-07T23:59:00Z'))).toBe(true);
    expect(isOpen(split, at('2026-12-07T13:00:00Z'))).toBe(false);
    expect(isOpen(split, at('2026-12-08T00:00:00Z'))).toBe(false);
  });
});

describe('G7 Business hours: when the team is back', () => {
  it('is now when open', () => {
    expect(nextOpening(stockholm, at('2026-12-07T10:00:00Z'))).toEqual(at('2026-12-07T10:00:00Z'));
  });

  it('is later the same day before opening', () => {
    expect(nextOpening(stockholm, at('2026-12-07T05:00:00Z'))).toEqual(at('2026-12-07T08:00:00Z'));
  });

  it('is the next working day after closing, skipping the weekend', () => {
    expect(nextOpening(stockholm, at('2026-12-11T17:00:00Z'))).toEqual(at('2026-12-14T08:00:00Z'));
  });

  it('skips holidays', () => {
    // Wednesday the 23rd after closing: the 24th and 25th are holidays, the 26th–27th a weekend.
    expect(nextOpening(stockholm, at('2026-12-23T17:00:00Z'))).toEqual(at('2026-12-28T08:00:00Z'));
  });

  it('crosses the spring-forward change with the new offset', () => {
    // Friday 2026-03-27 after closing (CET); Monday the 30th opens at 09:00 CEST = 07:00 UTC.
    expect(nextOpening(stockholm, at('2026-03-27T17:00:00Z'))).toEqual(at('2026-03-30T07:00:00Z'));
  });

  it('crosses the fall-back change with the new offset', () => {
    expect(nextOpening(stockholm, at('2026-10-23T17:00:00Z'))).toEqual(at('2026-10-26T08:00:00Z'));
  });

  it('opens at the end of the gap when the opening time does not exist (spring forward)', () => {
    // 2026-03-29 02:00 → 03:00 in Stockholm: an opening at 02:30 happens at 03:00 CEST = 01:00 UTC.
    const night: BusinessHours = { timeZone: 'Europe/Stockholm', weekly: { sunday: [{ from: '02:30', to: '05:00' }] }, holidays: [] };
    expect(nextOpening(night, at('2026-03-28T12:00:00Z'))).toEqual(at('2026-03-29T01:00:00Z'));
    expect(isOpen(night, at('2026-03-29T01:00:00Z'))).toBe(true);
  });

  it('opens at the first reading of a time read twice (fall back)', () => {
    // 2026-10-25 03:00 CEST → 02:00 CET: 02:30 is read first at 00:30 UTC.
    const night: BusinessHours = { timeZone: 'Europe/Stockholm', weekly: { sunday: [{ from: '02:30', to: '05:00' }] }, holidays: [] };
    expect(nextOpening(night, at('2026-10-24T12:00:00Z'))).toEqual(at('2026-10-25T00:30:00Z'));
  });

  it('works in zones west of UTC and with half-hour offsets', () => {
    const newYork: BusinessHours = { timeZone: 'America/New_York', weekly: weekdays, holidays: [] };
    expect(nextOpening(newYork, at('2026-12-07T05:00:00Z'))).toEqual(at('2026-12-07T14:00:00Z'));
    const kolkata: BusinessHours = { timeZone: 'Asia/Kolkata', weekly: weekdays, holidays: [] };
    expect(nextOpening(kolkata, at('2026-12-07T00:00:00Z'))).toEqual(at('2026-12-07T03:30:00Z'));
  });

  it('is null when the team never opens', () => {
    expect(nextOpening({ timeZone: 'UTC', weekly: {}, holidays: [] }, at('2026-12-07T10:00:00Z'))).toBeNull();
  });
});

describe('G7 Business hours: validation with field errors', () => {
  const paths = (value: unknown) => {
    const parsed = businessHoursSchema.safeParse(value);
    return parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join('.'));
  };

  it('accepts a valid week', () => {
    expect(paths(stockholm)).toEqual([]);
  });

  it('refuses an unknown time zone', () => {
    expect(paths({ ...stockholm, timeZone: 'Mars/Olympus' })).toEqual(['timeZone']);
  });

  it('refuses overlapping intervals, pointing at the later one', () => {
    const overlapping = { ...stockholm, weekly: { monday: [{ from: '12:00', to: '18:00' }, { from: '09:00', to: '13:00' }] } };
    expect(paths(overlapping)).toEqual(['weekly.monday.0.from']);
  });

  it('refuses an interval that closes before it opens and malformed times', () => {
    expect(paths({ ...stockholm, weekly: { monday: [{ from: '17:00', to: '09:00' }] } })).toEqual(['weekly.monday.0.to']);
    expect(paths({ ...stockholm, weekly: { monday: [{ from: '9am', to: '25:00' }] } })).toEqual(['weekly.monday.0.from', 'weekly.monday.0.to']);
  });

  it('refuses malformed and impossible holiday dates', () => {
    expect(isCalendarDate('2026-02-30')).toBe(false);
    expect(paths({ ...stockholm, holidays: ['2026-12-24', '24/12/2026', '2026-02-30'] })).toEqual(['holidays.1', 'holidays.2']);
  });

  it('refuses unknown weekdays', () => {
    expect(paths({ ...stockholm, weekly: { funday: [nineToFive] } })).toEqual(['weekly']);
  });
});

describe('G7 a live chat started outside business hours is refused', () => {
  const mondays: BusinessHours = { timeZone: 'Europe/Stockholm', weekly: { monday: [nineToFive] }, holidays: [] };

  it('says when the team is back; no hours means always open', () => {
    expect(outsideHoursRefusal(mondays, new Date('2026-12-05T11:00:00Z'))).toEqual({
      code: 'outside_business_hours',
      message: 'The team is away until 2026-12-07T08:00:00.000Z',
      backAt: '2026-12-07T08:00:00.000Z',
    });
    expect(outsideHoursRefusal(mondays, new Date('2026-12-07T09:00:00Z'))).toBeNull();
    expect(outsideHoursRefusal(null, new Date('2026-12-05T11:00:00Z'))).toBeNull();
  });
});
