/**
 * G7: a playbook's business hours — an IANA time zone, weekly opening intervals per weekday, and
 * holidays (whole local dates closed). Pure: the time is a parameter, the time-zone arithmetic is
 * the runtime's Intl (no tz database of our own), so DST follows the zone's real rules.
 */
import { z } from 'zod';
import { isTimeZone } from './visitor-context';

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** One opening interval in local wall time, `from` inclusive, `to` exclusive ("24:00" closes at midnight). */
export interface OpeningInterval { from: string; to: string }
export interface BusinessHours {
  timeZone: string;
  weekly: Partial<Record<Weekday, OpeningInterval[]>>;
  /** Local dates (YYYY-MM-DD) the team is closed all day. */
  holidays: string[];
}

export const BUSINESS_HOURS_LIMITS = { intervalsPerDay: 6, holidays: 366 } as const;

const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const minutesOf = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** Whether `text` is a real calendar date written YYYY-MM-DD (no 2026-02-30). */
export function isCalendarDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const [y, m, d] = text.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const interval = z
  .object({
    from: z.string().regex(TIME, 'Use a time like 09:00'),
    to: z.string().regex(TIME, 'Use a time like 17:30 (24:00 for midnight)'),
  })
  .refine((i) => !TIME.test(i.from) || !TIME.test(i.to) || minutesOf(i.to) > minutesOf(i.from), {
    message: 'The closing time must be after the opening time',
    path: ['to'],
  });

const dayIntervals = z
  .array(interval)
  .max(BUSINESS_HOURS_LIMITS.intervalsPerDay)
  .superRefine((items, ctx) => {
    // Overlaps are refused rather than merged, so what the admin sees is what runs.
    const sorted = items.map((item, index) => ({ ...item, index })).filter((i) => TIME.test(i.from) && TIME.test(i.to));
    sorted.sort((a, b) => minutesOf(a.from) - minutesOf(b.from));
    for (let i = 1; i < sorted.length; i += 1) {
      const [before, after] = [sorted[i - 1]!, sorted[i]!];
      if (minutesOf(after.from) < minutesOf(before.to)) {
        ctx.addIssue({ code: 'custom', message: `Overlaps ${before.from}–${before.to}`, path: [after.index, 'from'] });
      }
    }
  });

/** The stored shape, checked field by field so the admin sees each error where it belongs. */
export const businessHoursSchema = z.strictObject({
  timeZone: z.string().max(64).refine(isTimeZone, 'Unknown time zone; use an IANA name like Europe/Stockholm'),
  weekly: z.strictObject(Object.fromEntries(WEEKDAYS.map((day) => [day, dayIntervals.optional()])) as Record<Weekday, z.ZodOptional<typeof dayIntervals>>),
  holidays: z
    .array(z.string().refine(isCalendarDate, 'Use a date like 2026-12-24'))
    .max(BUSINESS_HOURS_LIMITS.holidays)
    .default([]),
});

interface LocalTime { year: number; month: number; day: number; minutes: number; seconds: number }

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock reading of `instant` in `timeZone`. */
function localTime(instant: Date, timeZone: string): LocalTime {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    minutes: (parts.hour! % 24) * 60 + parts.minute!,
    seconds: parts.second!,
  };
}

const dateKey = (t: Pick<LocalTime, 'year' | 'month' | 'day'>) =>
  `${String(t.year).padStart(4, '0')}-${String(t.month).padStart(2, '0')}-${String(t.day).padStart(2, '0')}`;
/** Monday-first weekday of a local date. */
const weekdayOf = (t: Pick<LocalTime, 'year' | 'month' | 'day'>): Weekday =>
  WEEKDAYS[(new Date(Date.UTC(t.year, t.month - 1, t.day)).getUTCDay() + 6) % 7]!;

/** The intervals of a local date, sorted, as minutes; none on a holiday. */
function intervalsOn(hours: BusinessHours, date: Pick<LocalTime, 'year' | 'month' | 'day'>): Array<[number, number]> {
  if (hours.holidays.includes(dateKey(date))) return [];
  return (hours.weekly[weekdayOf(date)] ?? [])
    .map((i): [number, number] => [minutesOf(i.from), minutesOf(i.to)])
    .sort((a, b) => a[0] - b[0]);
}

/** Whether the team is open at `now` (local wall time inside an interval of a non-holiday day). */
export function isOpen(hours: BusinessHours, now: Date): boolean {
  const local = localTime(now, hours.timeZone);
  return intervalsOn(hours, local).some(([from, to]) => local.minutes >= from && local.minutes < to);
}

/** Milliseconds a wall-clock reading in `timeZone` is ahead of UTC at `instant`. */
function offsetAt(timeZone: string, instant: number): number {
  const t = localTime(new Date(instant), timeZone);
  return Date.UTC(t.year, t.month - 1, t.day, 0, t.minutes, t.seconds) - instant;
}

/**
 * The first instant at which the clocks of `timeZone` read the local wall time (or later, for a
 * time the clocks skip at spring forward: then the end of the gap). A time read twice (fall back)
 * is its first reading. Candidate offsets are those in force a day around the time.
 */
function instantOf(timeZone: string, date: Pick<LocalTime, 'year' | 'month' | 'day'>, minutes: number): Date {
  const wall = Date.UTC(date.year, date.month - 1, date.day, 0, minutes);
  const offsets = new Set([-86_400_000, 0, 86_400_000].map((shift) => offsetAt(timeZone, wall + shift)));
  const candidates = [...offsets].map((offset) => wall - offset).sort((a, b) => a - b);
  const reading = (instant: number) => instant + offsetAt(timeZone, instant);
  const exact = candidates.find((instant) => reading(instant) === wall);
  if (exact !== undefined) return new Date(exact);
  // A gap: the first whole minute whose reading has passed the wall time.
  let [low, high] = [candidates[0]!, candidates[candidates.length - 1]!];
  while (high - low > 60_000) {
    const middle = low + Math.max(1, Math.floor((high - low) / 120_000)) * 60_000;
    if (middle >= high) break;
    if (reading(middle) >= wall) high = middle;
    else low = middle;
  }
  return new Date(high);
}

/** How far ahead nextOpening looks: a year and a week covers any weekly pattern plus a year of holidays. */
const SEARCH_DAYS = 373;

/**
 * When the team next opens: `now` itself if open, else the start of the next interval, or null
 * when no interval lies ahead (no weekly hours, or every open day a holiday).
 */
export function nextOpening(hours: BusinessHours, now: Date): Date | null {
  if (isOpen(hours, now)) return new Date(now.getTime());
  const today = localTime(now, hours.timeZone);
  for (let offset = 0; offset < SEARCH_DAYS; offset += 1) {
    const day = new Date(Date.UTC(today.year, today.month - 1, today.day + offset));
    const date = { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate() };
    for (const [from] of intervalsOn(hours, date)) {
      const opening = instantOf(hours.timeZone, date, from);
      if (opening.getTime() > now.getTime()) return opening;
    }
  }
  return null;
}

/**
 * A7 + G7 at the socket's door: a client that starts a live chat outside business hours (instead of
 * running the playbook, whose Live Chat card takes the offline path) is refused, with when the team
 * is back, rather than left waiting for agents nobody expects.
 */
export function outsideHoursRefusal(hours: BusinessHours | null, now: Date): { code: 'outside_business_hours'; message: string; backAt: string | null } | null {
  if (!hours || isOpen(hours, now)) return null;
  const back = nextOpening(hours, now);
  return {
    code: 'outside_business_hours',
    message: back ? `The team is away until ${back.toISOString()}` : 'The team is away',
    backAt: back ? back.toISOString() : null,
  };
}
