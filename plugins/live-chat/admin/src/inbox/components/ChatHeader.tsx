import { Badge, Button, Dialog, Flex, IconButton, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { ArrowLineLeft, ArrowLineRight, Check, Cross } from '@strapi/icons';
import { ConfirmDialog, useNotification } from '@strapi/strapi/admin';
import * as React from 'react';
import type { AgentRef, ConversationDetail } from '../../../../shared/contracts/conversations';
import type { InboxApi } from '../../api/inbox';
import { useT } from '../../hooks/useT';
import { useInboxTime, useVisitorName } from '../format';
import { actionProblem } from '../problem';
import { VisitorPageLine } from './VisitorPageLine';

interface Props {
  api: InboxApi;
  conversation: ConversationDetail;
  agents: AgentRef[];
  onChange: (detail: ConversationDetail) => void;
  /** The details panel beside the chat, which the agent may fold away to give the chat room. */
  details: { open: boolean; controls: string; toggle: () => void };
}

/** The select's value for "nobody": agent ids are positive integers, so it cannot clash. */
const UNASSIGNED = 'unassigned';

/**
 * The chat's title bar: who it is with and its state; Assign to me (B3), the reassign dropdown at
 * the top right (B5) and Close with a confirmation (B8). Which of them is live comes from the
 * server's `allowedActions`, i.e. the shared state machine.
 */
export const ChatHeader = ({ api, conversation, agents, onChange, details }: Props) => {
  const tr = useT();
  const time = useInboxTime();
  const visitorName = useVisitorName();
  const { toggleNotification } = useNotification();
  const [busy, setBusy] = React.useState(false);
  const [confirmClose, setConfirmClose] = React.useState(false);
  const { allowedActions: allowed } = conversation;

  const run = async (action: () => Promise<ConversationDetail>) => {
    setBusy(true);
    try {
      onChange(await action());
    } catch (error) {
      toggleNotification({ type: 'danger', message: actionProblem(error, tr) });
    } finally {
      setBusy(false);
    }
  };

  const options = React.useMemo(() => {
    // The current assignee stays listed even if they lost the inbox permission, so the select shows them.
    const list = [...agents];
    if (conversation.assignee && !list.some((agent) => agent.id === conversation.assignee?.id)) list.push(conversation.assignee);
    return list;
  }, [agents, conversation.assignee]);

  const status =
    conversation.status === 'closed' ? (
      <Badge>{tr('inbox.status.closed', 'Closed')}</Badge>
    ) : conversation.status === 'assigned' ? (
      <Badge textColor="success700" backgroundColor="success100">{tr('inbox.status.assigned', 'Assigned')}</Badge>
    ) : (
      <Badge textColor="neutral800" backgroundColor="warning200">{tr('inbox.status.unassigned', 'Unassigned')}</Badge>
    );

  return (
    // One line at every width the inbox supports: the name and the page shorten, the actions do not wrap.
    <Flex justifyContent="space-between" alignItems="center" gap={3} padding={4} background="neutral0" borderColor="neutral150" borderStyle="solid" borderWidth="0 0 1px 0">
      <Flex direction="column" alignItems="flex-start" gap={1} minWidth={0} flex="1">
        <Flex gap={2} alignItems="center" maxWidth="100%">
          <Typography variant="delta" tag="h2" ellipsis>
            {/* The one display-name rule: the side panel's person name first (C1), then identify, else "Visitor #…". */}
            {visitorName(conversation)}
          </Typography>
          {status}
          {conversation.missedAt && conversation.status !== 'closed' ? (
            <Badge textColor="danger600" backgroundColor="danger100">{tr('inbox.row.missed', 'Missed')}</Badge>
          ) : null}
        </Flex>
        <Typography variant="pi" textColor="neutral600" data-testid="conversation-state">
          {conversation.status === 'closed' && conversation.closedAt
            ? tr('inbox.chat.closedAt', 'Closed on {time}', { time: time(conversation.closedAt) })
            : tr('inbox.chat.startedAt', 'Started {time}', { time: time(conversation.createdAt) })}
          {conversation.visitor?.email && conversation.visitor.name ? ` · ${conversation.visitor.email}` : ''}
        </Typography>
        <VisitorPageLine page={conversation.page} />
      </Flex>
      <Flex gap={2} alignItems="center" flex="0 0 auto" role="group" aria-label={tr('inbox.chat.actions', 'Conversation actions')}>
        {allowed.assignToMe ? (
          <Button startIcon={<Check />} loading={busy} onClick={() => void run(() => api.assignToMe(conversation.documentId))}>
            {tr('inbox.action.assignToMe', 'Assign to me')}
          </Button>
        ) : null}
        {allowed.reassign ? (
          <div style={{ width: '180px' }}>
            <SingleSelect
              aria-label={tr('inbox.action.reassign', 'Reassign')}
              size="S"
              disabled={busy}
              value={conversation.assignee ? conversation.assignee.id : UNASSIGNED}
              onChange={(value: string | number) => {
                const agentId = value === UNASSIGNED ? null : Number(value);
                if (agentId === (conversation.assignee?.id ?? null)) return;
                void run(() => api.reassign(conversation.documentId, agentId));
              }}
            >
              <SingleSelectOption value={UNASSIGNED}>{tr('inbox.action.unassigned', 'Unassigned')}</SingleSelectOption>
              {options.map((agent) => (
                <SingleSelectOption key={agent.id} value={agent.id}>
                  {agent.name}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </div>
        ) : null}
        {allowed.close ? (
          <Button variant="danger-light" startIcon={<Cross />} disabled={busy} onClick={() => setConfirmClose(true)}>
            {tr('inbox.action.close', 'Close')}
          </Button>
        ) : null}
        <IconButton
          label={details.open ? tr('inbox.details.hide', 'Hide details') : tr('inbox.details.show', 'Show details')}
          aria-expanded={details.open}
          aria-controls={details.controls}
          variant="tertiary"
          onClick={details.toggle}
        >
          {details.open ? <ArrowLineRight /> : <ArrowLineLeft />}
        </IconButton>
      </Flex>
      <Dialog.Root open={confirmClose} onOpenChange={(open: boolean) => setConfirmClose(open)}>
        <ConfirmDialog
          title={tr('inbox.close.title', 'Close this conversation?')}
          variant="danger"
          onCancel={() => setConfirmClose(false)}
          onConfirm={async () => {
            setConfirmClose(false);
            await run(() => api.close(conversation.documentId));
          }}
        >
          {tr('inbox.close.body', 'A closed conversation cannot be reopened. You can still edit its side panel and create leads and deals from it.')}
        </ConfirmDialog>
      </Dialog.Root>
    </Flex>
  );
};
