import { Box, Button, Flex, Loader, Typography } from '@strapi/design-system';
import * as React from 'react';
import type { AgentRef, ConversationDetail } from '../../../../shared/contracts/conversations';
import { agentMaySend } from '../../../../shared/domain/messaging';
import type { InboxApi } from '../../api/inbox';
import { useT } from '../../hooks/useT';
import { useVisitorName } from '../format';
import { useTimeline } from '../hooks/useTimeline';
import { SidePanel } from '../side-panel';
import { ChatHeader } from './ChatHeader';
import { Composer } from './Composer';
import { MessageBubble } from './MessageBubble';
import { TimelineEvent } from './TimelineEvent';

interface Props {
  api: InboxApi;
  conversation: ConversationDetail;
  agentId: number;
  /** The signed-in agent's display name (`{agent.name}` in canned replies, G3). */
  agentName: string;
  agents: AgentRef[];
  /** F5: the side panel offers Export / Erase personal data. */
  canManagePersonalData: boolean;
  onChange: (detail: ConversationDetail) => void;
}

const DETAILS_ID = 'live-chat-details';
const DETAILS_WIDTH_PX = 300;

/** Whether the details panel is open, remembered per agent on this browser (open until they close it). */
function useDetailsOpen(agentId: number): [boolean, (open: boolean) => void] {
  const key = `live-chat:details-open:${agentId}`;
  const [open, setOpen] = React.useState(() => {
    try {
      return window.localStorage.getItem(key) !== 'false';
    } catch {
      return true; // storage blocked: open, as for a new agent
    }
  });
  const remember = React.useCallback(
    (next: boolean) => {
      setOpen(next);
      try {
        window.localStorage.setItem(key, String(next));
      } catch {
        // storage blocked: the choice lasts for this page
      }
    },
    [key],
  );
  return [open, remember];
}

/** Close enough to the bottom that a new message should scroll into view. */
const STICK_TO_BOTTOM_PX = 120;

/**
 * One conversation: header with its actions, the timeline of messages and events (B7) with
 * typing and read state (E3), the composer while the agent may write (none once closed, B8), and
 * the side panel on the right (C1, C2), which stays editable after closing.
 */
export const ChatWindow = ({ api, conversation, agentId, agentName, agents, canManagePersonalData, onChange }: Props) => {
  const tr = useT();
  const visitorName = useVisitorName();
  const isAssignee = conversation.status === 'assigned' && conversation.assignee?.id === agentId;
  const timeline = useTimeline(api, conversation.documentId, { isAssignee, visitorReadSeq: conversation.visitorReadSeq });
  // The shared rule decides whether this agent may write; its refusal explains why not.
  const refusal = agentMaySend(
    { status: conversation.status, assigneeId: conversation.assignee?.id ?? null, assignedAt: null, closedAt: null, waitDeadlineAt: null, missedAt: null },
    agentId,
  );

  const [detailsOpen, setDetailsOpen] = useDetailsOpen(agentId);
  const scroller = React.useRef<HTMLDivElement>(null);
  const stick = React.useRef(true);
  const count = timeline.entries.length + timeline.pending.length;
  React.useLayoutEffect(() => {
    const element = scroller.current;
    if (element && stick.current) element.scrollTop = element.scrollHeight;
  }, [count, timeline.visitorTyping]);

  return (
    <Flex alignItems="stretch" height="100%" minHeight={0}>
      <Flex direction="column" alignItems="stretch" flex="1" minWidth={0} background="neutral100">
        <ChatHeader
          api={api}
          conversation={conversation}
          agents={agents}
          onChange={onChange}
          details={{ open: detailsOpen, controls: DETAILS_ID, toggle: () => setDetailsOpen(!detailsOpen) }}
        />
        <Box
          ref={scroller}
          flex="1"
          overflow="auto"
          padding={4}
          role="log"
          aria-label={tr('inbox.chat.timeline', 'Conversation')}
          onScroll={(e: React.UIEvent<HTMLDivElement>) => {
            const element = e.currentTarget;
            stick.current = element.scrollHeight - element.scrollTop - element.clientHeight < STICK_TO_BOTTOM_PX;
          }}
        >
          {timeline.hasOlder ? (
            <Flex justifyContent="center" paddingBottom={2}>
              <Button variant="tertiary" size="S" onClick={() => void timeline.loadOlder()}>
                {tr('inbox.chat.loadOlder', 'Load older messages')}
              </Button>
            </Flex>
          ) : null}
          {timeline.loading ? (
            <Flex justifyContent="center" padding={4}>
              <Loader small>{tr('inbox.loading', 'Loading…')}</Loader>
            </Flex>
          ) : null}
          {timeline.error ? <Typography textColor="danger600">{timeline.error}</Typography> : null}
          {timeline.entries.map((entry) =>
            entry.kind === 'event' ? (
              <TimelineEvent key={entry.seq} entry={entry} agentId={agentId} />
            ) : (
              <MessageBubble key={entry.seq} kind="stored" entry={entry} readByVisitor={timeline.readByVisitor} receipt={entry.seq === timeline.receiptSeq} />
            ),
          )}
          {timeline.pending.map((message) => (
            <MessageBubble key={message.clientId} kind="pending" message={message} onRetry={timeline.retry} />
          ))}
        </Box>
        <Box paddingLeft={4} paddingRight={4} minHeight="20px" aria-live="polite">
          {timeline.visitorTyping ? (
            <Typography variant="pi" textColor="neutral600" style={{ fontStyle: 'italic' }}>
              {tr('inbox.chat.typing', '{name} is typing…', { name: visitorName(conversation) })}
            </Typography>
          ) : null}
        </Box>
        {refusal === null ? null : (
          <Box paddingTop={2} paddingLeft={4} paddingRight={4} paddingBottom={2} background="neutral0" borderColor="neutral150" borderStyle="solid" borderWidth="1px 0 0 0">
            <Typography variant="omega" textColor="neutral600" data-testid="composer-note">
              {conversation.status === 'closed'
                ? tr('inbox.chat.closedNote', 'This conversation is closed. It cannot be reopened, but its details can still be edited.')
                : tr('inbox.chat.assignFirst', 'Assign the conversation to yourself to reply.')}
            </Typography>
          </Box>
        )}
        {/* G3: every agent who sees the chat may leave a note; only the assignee replies. */}
        <Composer
          key={conversation.documentId}
          onSend={timeline.send}
          onTyping={timeline.notifyTyping}
          onAttach={timeline.attach}
          canReply={refusal === null}
          cannedReplies={{
            conversationDocumentId: conversation.documentId,
            // G3: the visitor by the one name rule (display-name.ts); an anonymous "Visitor #12" is no
            // name to greet someone by, so {visitor.name} then stays as typed for the agent to fill.
            placeholders: {
              'visitor.name': conversation.sidePanel.personName || (conversation.visitorNumber === null ? conversation.displayName : null),
              'agent.name': agentName,
            },
          }}
        />
      </Flex>
      <Box
        id={DETAILS_ID}
        width={`${DETAILS_WIDTH_PX}px`}
        flex={`0 0 ${DETAILS_WIDTH_PX}px`}
        overflow="auto"
        background="neutral0"
        borderColor="neutral150"
        borderStyle="solid"
        borderWidth="0 0 0 1px"
        hidden={!detailsOpen}
      >
        <SidePanel conversation={conversation} canManagePersonalData={canManagePersonalData} onChange={onChange} />
      </Box>
    </Flex>
  );
};
