import { useIntl } from 'react-intl';

/** Dates in the admin's language, with the time: "last seen" is about hours, not days. */
export function useFormatDate() {
  const { formatDate } = useIntl();
  return (iso: string) => formatDate(new Date(iso), { dateStyle: 'medium', timeStyle: 'short' });
}
