import * as React from 'react';
import { useIntl } from 'react-intl';
import type { ConversationSummary } from '../../../shared/contracts/conversations';
import { useT } from '../hooks/useT';

const sameDay = (a: Date, b: Date) => a.toDateString() === b.toDateString();

/** Times in the admin's language: just the time today, the date and time before (B7, B8). */
export function useInboxTime() {
  const { formatDate, formatTime } = useIntl();
  return React.useCallback(
    (iso: string, now = new Date()) => {
      const date = new Date(iso);
      return sameDay(date, now) ? formatTime(date, { timeStyle: 'short' }) : formatDate(date, { dateStyle: 'medium', timeStyle: 'short' });
    },
    [formatDate, formatTime],
  );
}

/**
 * How the inbox names a chat: the server's display name (shared/domain/display-name.ts, the one
 * rule the list, header, side panel, notifications and webhooks share), with the anonymous
 * "Visitor #1234" label in the admin's language.
 */
export function useVisitorName() {
  const tr = useT();
  return (conversation: Pick<ConversationSummary, 'displayName' | 'visitorNumber'>) =>
    conversation.visitorNumber !== null
      ? tr('inbox.visitor.numbered', 'Visitor #{number}', { number: conversation.visitorNumber })
      : conversation.displayName;
}

/** A clock that ticks every `ms` (waiting times, the visitor's local time). */
export function useNow(ms: number): Date {
  const [now, setNow] = React.useState(() => new Date());
  React.useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

/** "3 min", "1 h 5 min": how long since `iso`, coarse enough for a list row. */
export function useElapsed() {
  const tr = useT();
  return (iso: string, now: Date) => {
    const minutes = Math.max(0, Math.floor((now.getTime() - Date.parse(iso)) / 60000));
    if (minutes < 1) return tr('inbox.elapsed.justNow', 'just now');
    if (minutes < 60) return tr('inbox.elapsed.minutes', '{minutes} min', { minutes });
    return tr('inbox.elapsed.hours', '{hours} h {minutes} min', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
  };
}
