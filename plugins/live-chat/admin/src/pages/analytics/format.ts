import * as React from 'react';
import { useIntl } from 'react-intl';
import type { MoneyTotal } from '../../../../shared/contracts/analytics';

/** A local calendar day (a date picker's Date) as YYYY-MM-DD. */
export const dayOf = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

/** YYYY-MM-DD as a local Date at midnight, for the date pickers. */
export const dateOf = (day: string) => {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year, month - 1, date);
};

/** The last `days` calendar days up to today, as the page opens. */
export function lastDays(days: number, today = new Date()) {
  const from = new Date(today.getFullYear(), today.getMonth(), today.getDate() - (days - 1));
  return { from: dayOf(from), to: dayOf(today) };
}

/** Numbers, durations, money and short days in the admin's locale (Intl). */
export function useAnalyticsFormat() {
  const { locale } = useIntl();
  return React.useMemo(() => {
    const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    const unit = (name: 'second' | 'minute' | 'hour') =>
      new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'short', maximumFractionDigits: 1 });
    const [seconds, minutes, hours] = [unit('second'), unit('minute'), unit('hour')];
    const day = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' });
    return {
      count: (value: number) => integer.format(value),
      decimal: (value: number | null) => (value === null ? '–' : decimal.format(value)),
      /** A duration in seconds in the largest unit that keeps it readable (45 s, 2.5 min, 1.2 h). */
      duration: (value: number | null) => {
        if (value === null) return '–';
        if (value < 60) return seconds.format(value);
        if (value < 3600) return minutes.format(value / 60);
        return hours.format(value / 3600);
      },
      money: (totals: MoneyTotal[]) =>
        totals.length === 0
          ? '–'
          : totals.map((t) => new Intl.NumberFormat(locale, { style: 'currency', currency: t.currency }).format(t.amount)).join(' · '),
      shortDay: (isoDay: string) => day.format(new Date(`${isoDay}T00:00:00Z`)),
    };
  }, [locale]);
}
export type AnalyticsFormat = ReturnType<typeof useAnalyticsFormat>;
