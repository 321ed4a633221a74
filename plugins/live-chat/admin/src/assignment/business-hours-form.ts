/**
 * G7: the business-hours part of the Live Chat card's form, pure: what the admin types (one line
 * of intervals per weekday, one holiday per line) and the stored shape, both ways. What does not
 * parse is sent as typed, so the server's field errors point at it.
 */
import { WEEKDAYS, type BusinessHours, type OpeningInterval, type Weekday } from '../../../shared/domain/business-hours';

export interface BusinessHoursForm {
  enabled: boolean;
  timeZone: string;
  /** Per weekday, e.g. "09:00-12:00, 13:00-17:00"; empty means closed. */
  days: Record<Weekday, string>;
  /** One date (YYYY-MM-DD) per line. */
  holidays: string;
}

/** The admin's own time zone, the natural start for a new schedule. */
export const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

const WORKDAY = '09:00-17:00';

/** The form for stored hours; none stored gives a disabled Monday–Friday 9–17 to start from. */
export function hoursFormOf(hours: BusinessHours | null | undefined, defaultZone = browserTimeZone()): BusinessHoursForm {
  const days = Object.fromEntries(
    WEEKDAYS.map((day, index) => [
      day,
      hours ? (hours.weekly[day] ?? []).map((i) => `${i.from}-${i.to}`).join(', ') : index < 5 ? WORKDAY : '',
    ]),
  ) as Record<Weekday, string>;
  return { enabled: Boolean(hours), timeZone: hours?.timeZone ?? defaultZone, days, holidays: (hours?.holidays ?? []).join('\n') };
}

const intervalsOf = (text: string): OpeningInterval[] =>
  text
    .split(/[,;]/)
    .map((piece) => piece.trim())
    .filter((piece) => piece !== '')
    .map((piece) => {
      const [from = '', to = ''] = piece.split(/\s*[-–]\s*/);
      return { from: from.trim(), to: to.trim() };
    });

/** The stored shape, or null when business hours are off (always open). */
export function hoursOfForm(form: BusinessHoursForm): BusinessHours | null {
  if (!form.enabled) return null;
  const weekly: BusinessHours['weekly'] = {};
  for (const day of WEEKDAYS) {
    const intervals = intervalsOf(form.days[day]);
    if (intervals.length > 0) weekly[day] = intervals;
  }
  const holidays = form.holidays
    .split(/[\s,]+/)
    .map((date) => date.trim())
    .filter((date) => date !== '');
  return { timeZone: form.timeZone.trim(), weekly, holidays };
}
