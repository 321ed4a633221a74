import { Flex, Typography } from '@strapi/design-system';
import type { TimelineEntry } from '../../../../shared/contracts/conversations';
import { useT } from '../../hooks/useT';
import { useInboxTime } from '../format';

const text = (value: string | number | null | undefined): string => (value === null || value === undefined ? '' : String(value));

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
