import { Flex, Typography } from '@strapi/design-system';
import type { TimelineEntry } from '../../../../shared/contracts/conversations';
import { useT } from '../../hooks/useT';
import { useInboxTime } from '../format';

const text = (value: string | number | null | undefined): string => (value === null || value === undefined ? '' : String(value));

/** Five stars, the score's filled: a picture of the number the text beside it states. */
export const Stars = ({ score }: { score: number }) => (
  <span aria-hidden="true" style={{ color: '#d97706', letterSpacing: '1px' }}>
    {'★'.repeat(score)}
    <span style={{ color: '#a5a5ba' }}>{'★'.repeat(Math.max(0, 5 - score))}</span>
  </span>
);

/** Issue 16 (G6): "The visitor rated the chat 4 out of 5", their comment under it, marked as theirs. */
const RatingEvent = ({ entry }: { entry: TimelineEntry }) => {
  const tr = useT();
  const time = useInboxTime();
  const score = Number(entry.event?.data.score ?? 0);
  const comment = entry.event?.data.comment;
  return (
    <Flex direction="column" alignItems="center" gap={1} paddingTop={2} paddingBottom={2} data-event="rated" data-author="visitor">
      <Typography variant="pi" textColor="neutral800" textAlign="center">
        <Stars score={score} /> {tr('inbox.event.rated', 'The visitor rated the chat {score} out of 5', { score })} ·{' '}
        <time dateTime={entry.createdAt}>{time(entry.createdAt)}</time>
      </Typography>
      {typeof comment === 'string' && comment ? (
        <Typography variant="pi" textColor="neutral700" textAlign="center" style={{ fontStyle: 'italic', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="rating-comment">
          “{comment}”
        </Typography>
      ) : null}
    </Flex>
  );
};

/** B7: a timeline event (joined, reassigned, lead / deal created, closed…) as a line with its time. */
export const TimelineEvent = ({ entry, agentId }: { entry: TimelineEntry; agentId?: number }) => {
  const tr = useT();
  const time = useInboxTime();
  const data = entry.event?.data ?? {};
  const actor = entry.authorName ?? tr('inbox.event.someone', 'An agent');
  let line: string;
  switch (entry.event?.type) {
    case 'conversation_created':
      line = tr('inbox.event.created', 'The visitor started the chat');
      break;
    case 'agent_joined':
      // G7: auto-assignment joins an agent with nobody acting; say so, and to whom.
      if (data.automatic && data.agentId === agentId) line = tr('inbox.event.autoAssignedToYou', 'Assigned to you automatically');
      else if (data.automatic) line = tr('inbox.event.autoAssigned', 'Assigned to {name} automatically', { name: text(data.agentName) });
      else line = tr('inbox.event.joined', '{name} joined the chat', { name: text(data.agentName) || actor });
      break;
    case 'reassigned':
      line = tr('inbox.event.reassigned', '{actor} reassigned the chat to {name}', { actor, name: text(data.toAgentName) });
      break;
    case 'unassigned':
      line = tr('inbox.event.unassigned', '{actor} moved the chat to Unassigned', { actor });
      break;
    case 'closed':
      line = tr('inbox.event.closed', '{actor} closed the chat', { actor });
      break;
    case 'missed':
      line = tr('inbox.event.missed', 'Nobody took the chat within the wait time');
      break;
    case 'lead_created':
      line = tr('inbox.event.leadCreated', '{actor} created the lead "{title}"', { actor, title: text(data.title) });
      break;
    case 'deal_created':
      line = tr('inbox.event.dealCreated', '{actor} created the deal "{title}"', { actor, title: text(data.title) });
      break;
    case 'rated':
      // Issue 16 (G6): the visitor's own rating; their comment is plain text (React escapes it).
      return <RatingEvent entry={entry} />;
    default:
      line = text(entry.event?.type);
  }
  return (
    <Flex justifyContent="center" paddingTop={1} paddingBottom={1} data-event={entry.event?.type ?? ''}>
      <Typography variant="pi" textColor="neutral600" textAlign="center">
        {line} · <time dateTime={entry.createdAt}>{time(entry.createdAt)}</time>
      </Typography>
    </Flex>
  );
};
