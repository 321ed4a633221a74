/**
 * Issue 16, analytics: the pure rules behind the figures. A report covers the chats STARTED in a
 * range of calendar days in one time zone (a cohort: a chat's every figure counts on the day it
 * started); the database does the counting, these functions decide the days, who sees what, and
 * what a median means, so the server's SQL and the tests agree on one definition.
 */
import type { Viewer } from './visibility';

/** The longest range a report may cover, in calendar days (a leap year). */
export const ANALYTICS_MAX_RANGE_DAYS = 366;

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Whether `text` is a real calendar day written YYYY-MM-DD (2026-02-30 is not). */
export function isCalendarDay(text: string): boolean {
  const match = DAY_PATTERN.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Whether the runtime knows `zone` as an IANA time zone (Europe/Stockholm, UTC …). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;

/** Calendar days from `from` to `to`, both included (0 or less when `to` is before `from`). */
export const daysInRange = (from: string, to: string): number => dayNumber(to) - dayNumber(from) + 1;

/** The zone's offset from UTC at `instant`, in ms (Stockholm in summer: +7 200 000). */
function zoneOffset(instant: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant a calendar day begins in `zone`: local midnight, or the first moment after it when a
 * daylight-saving jump skips midnight. Two passes settle the offset on either side of a change.
 */
export function startOfDay(day: string, zone: string): Date {
  const wall = Date.parse(`${day}T00:00:00Z`);
  let instant = wall - zoneOffset(wall, zone);
  instant = wall - zoneOffset(instant, zone);
  return new Date(instant);
}

/** One calendar day of a report and the instants it spans: [start, end). */
export interface ReportDay {
  day: string;
  start: Date;
  end: Date;
}

/** Every day of the range in order, with its bounds in the zone (days are 23 or 25 hours at DST changes). */
export function reportDays(from: string, to: string, zone: string): ReportDay[] {
  const days: ReportDay[] = [];
  const first = dayNumber(from);
  const count = daysInRange(from, to);
  const label = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);
  let start = startOfDay(from, zone);
  for (let i = 0; i < count; i++) {
    const end = startOfDay(label(first + i + 1), zone);
    days.push({ day: label(first + i), start, end });
    start = end;
  }
  return days;
}

/** A stretch of time in which the zone's offset from UTC stays the same: [start, end). */
export interface OffsetSegment {
  start: Date;
  end: Date;
  /** Local time minus UTC, in seconds (Stockholm in winter: 3600). */
  offsetSeconds: number;
}

/**
 * The range's instants cut where the zone's offset changes (daylight saving), so the database can
 * label each chat with its local day as date(created_at + offset): one index range per segment
 * (at most a few a year) instead of one per day. Changes are found to the second.
 */
export function offsetSegments(days: ReportDay[], zone: string): OffsetSegment[] {
  if (days.length === 0) return [];
  const offsetAt = (ms: number) => zoneOffset(ms, zone) / 1000;
  const segments: OffsetSegment[] = [];
  let start = days[0].start.getTime();
  const last = days[days.length - 1].end.getTime();
  for (const day of days) {
    const [dayStart, dayEnd] = [day.start.getTime(), day.end.getTime()];
    if (offsetAt(dayStart) === offsetAt(dayEnd - 1000)) continue;
    // The first second with the new offset, by halving the day.
    let [low, high] = [dayStart, dayEnd - 1000];
    while (high - low > 1000) {
      const middle = low + Math.floor((high - low) / 2000) * 1000;
      if (offsetAt(middle) === offsetAt(dayStart)) low = middle;
      else high = middle;
    }
    segments.push({ start: new Date(start), end: new Date(high), offsetSeconds: offsetAt(start) });
    start = high;
  }
  segments.push({ start: new Date(start), end: new Date(last), offsetSeconds: offsetAt(start) });
  return segments;
}

/**
 * The percentile `p` (0–1) of `values` with linear interpolation between the two nearest ranks,
 * i.e. PostgreSQL's percentile_cont: the median of [1, 2, 3, 10] is 2.5. Null for no values.
 * The SQLite query computes the same by row numbers; this is the reference both are tested against.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = p * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
}

/** Whose chats a report counts: everyone's, or one agent's. */
export type AnalyticsScope = { kind: 'all'; agentId: number | null } | { kind: 'own'; agentId: number };

/**
 * B6 for analytics: a viewer who sees all conversations may report on everyone or on any one agent;
 * anyone else sees only the chats assigned to them, and asking for another agent's is refused.
 */
export function analyticsScope(viewer: Pick<Viewer, 'id' | 'canSeeAll'>, requestedAgentId: number | null): AnalyticsScope | 'not_allowed' {
  if (viewer.canSeeAll) return { kind: 'all', agentId: requestedAgentId };
  if (requestedAgentId !== null && requestedAgentId !== viewer.id) return 'not_allowed';
  return { kind: 'own', agentId: viewer.id };
}
