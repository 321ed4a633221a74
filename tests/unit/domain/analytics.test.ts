import {
  analyticsScope,
  daysInRange,
  isCalendarDay,
  isTimeZone,
  offsetSegments,
  percentile,
  reportDays,
  startOfDay,
} from '../../../plugins/live-chat/shared/domain/analytics';

/** Issue 16: the rules behind the analytics figures: days in a time zone, percentiles, who sees what. */
describe('calendar days and time zones', () => {
  it('accepts only real days written YYYY-MM-DD', () => {
    expect(['2026-03-10', '2028-02-29'].map(isCalendarDay)).toEqual([true, true]);
    expect(['2026-02-29', '2026-13-01', '2026-3-10', '10/03/2026', ''].map(isCalendarDay)).toEqual([false, false, false, false, false]);
  });

  it('knows IANA zones and refuses others', () => {
    expect(['UTC', 'Europe/Stockholm', 'Asia/Jakarta'].map(isTimeZone)).toEqual([true, true, true]);
    expect(['Mars/Olympus', 'GMT+25', ''].map(isTimeZone)).toEqual([false, false, false]);
  });

  it('counts both ends of a range', () => {
    expect(daysInRange('2026-03-10', '2026-03-10')).toBe(1);
    expect(daysInRange('2028-01-01', '2028-12-31')).toBe(366);
    expect(daysInRange('2026-03-12', '2026-03-10')).toBe(-1);
  });

  it('starts a day at local midnight, in winter and in summer', () => {
    expect(startOfDay('2026-01-15', 'Europe/Stockholm').toISOString()).toBe('2026-01-14T23:00:00.000Z');
    expect(startOfDay('2026-07-15', 'Europe/Stockholm').toISOString()).toBe('2026-07-14T22:00:00.000Z');
    expect(startOfDay('2026-07-15', 'UTC').toISOString()).toBe('2026-07-15T00:00:00.000Z');
    expect(startOfDay('2026-07-15', 'America/New_York').toISOString()).toBe('2026-07-15T04:00:00.000Z');
  });

  it('gives a 23-hour day when the clocks go forward and a 25-hour day when they go back', () => {
    const hours = (from: string, to: string) =>
      reportDays(from, to, 'Europe/Stockholm').map((d) => [d.day, (d.end.getTime() - d.start.getTime()) / 3_600_000]);
    expect(hours('2026-03-28', '2026-03-30')).toEqual([['2026-03-28', 24], ['2026-03-29', 23], ['2026-03-30', 24]]);
    expect(hours('2026-10-25', '2026-10-25')).toEqual([['2026-10-25', 25]]);
  });

  it('cuts the range where the offset changes, to the second', () => {
    const segments = offsetSegments(reportDays('2026-03-01', '2026-11-30', 'Europe/Stockholm'), 'Europe/Stockholm');
    expect(segments.map((s) => [s.start.toISOString(), s.end.toISOString(), s.offsetSeconds])).toEqual([
      ['2026-02-28T23:00:00.000Z', '2026-03-29T01:00:00.000Z', 3600],
      ['2026-03-29T01:00:00.000Z', '2026-10-25T01:00:00.000Z', 7200],
      ['2026-10-25T01:00:00.000Z', '2026-11-30T23:00:00.000Z', 3600],
    ]);
    expect(offsetSegments(reportDays('2026-03-01', '2026-03-31', 'UTC'), 'UTC')).toHaveLength(1);
  });
});

describe('percentiles (linear interpolation, as percentile_cont)', () => {
  it('interpolates between the two nearest ranks', () => {
    expect(percentile([1, 2, 3, 10], 0.5)).toBe(2.5);
    expect(percentile([10, 1, 3], 0.5)).toBe(3);
    expect(percentile([2, 3, 8, 12, 20, 40.5, 100], 0.9)).toBeCloseTo(64.3, 10);
    expect(percentile([7], 0.9)).toBe(7);
    expect(percentile([], 0.5)).toBeNull();
  });
});

describe('who sees which figures (B6)', () => {
  it('lets a viewer who sees all choose anyone, and keeps everyone else to their own', () => {
    expect(analyticsScope({ id: 1, canSeeAll: true }, null)).toEqual({ kind: 'all', agentId: null });
    expect(analyticsScope({ id: 1, canSeeAll: true }, 2)).toEqual({ kind: 'all', agentId: 2 });
    expect(analyticsScope({ id: 1, canSeeAll: false }, null)).toEqual({ kind: 'own', agentId: 1 });
    expect(analyticsScope({ id: 1, canSeeAll: false }, 1)).toEqual({ kind: 'own', agentId: 1 });
    expect(analyticsScope({ id: 1, canSeeAll: false }, 2)).toBe('not_allowed');
  });
});
