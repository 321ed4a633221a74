/**
 * G7: when the team is back (an ISO instant from the server) as the visitor reads it: their
 * language, their browser's time zone, the weekday and date so a Monday is not mistaken for today.
 */
export function backAtText(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' }).format(date);
}
