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

/** How the inbox names a visitor: their name, else their email, else "Visitor". */
export function useVisitorName() {
  const tr = useT();
  return (conversation: Pick<ConversationSummary, 'visitor'>) =>
    conversation.visitor?.name || conversation.visitor?.email || tr('inbox.visitor.anonymous', 'Visitor');
}
