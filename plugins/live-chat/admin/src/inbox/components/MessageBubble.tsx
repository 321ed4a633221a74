import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import type { TimelineEntry } from '../../../../shared/contracts/conversations';
import { useT } from '../../hooks/useT';
import { useInboxTime } from '../format';
import type { PendingMessage } from '../state/timeline';
import { AttachmentView } from './AttachmentView';
import { MessageBody } from './MessageBody';
import { TranscriptContent } from './TranscriptContent';

type Props =
  /** `receipt`: this is the newest reply, which alone shows "Sent" or "Seen" (E3). */
  | { kind: 'stored'; entry: TimelineEntry; readByVisitor: number; receipt: boolean }
  | { kind: 'pending'; message: PendingMessage; onRetry: (clientId: string) => void };

/**
 * One chat message. The agents' own are on the right with their delivery state (E2, E3):
 * sending, sent, seen by the visitor, or failed with a retry. An internal note (G3) sits on a
 * yellow ground under "Internal note"; a line of the bot part of the chat (G2) shows what the bot
 * asked and what the visitor answered.
 */
export const MessageBubble = (props: Props) => {
  const tr = useT();
  const time = useInboxTime();
  const outgoing = props.kind === 'pending' || props.entry.authorKind === 'agent';
  const note = (props.kind === 'pending' ? props.message.audience : props.entry.audience) === 'agents';
  const transcript = props.kind === 'stored' ? props.entry.transcript : null;
  const body = props.kind === 'pending' ? props.message.body : props.entry.body ?? '';
  const name =
    props.kind === 'pending'
      ? null
      : props.entry.authorName ?? (props.entry.authorKind === 'bot' ? tr('inbox.message.bot', 'Bot') : tr('inbox.visitor.anonymous', 'Visitor'));
  const author = note
    ? [tr('inbox.note.label', 'Internal note'), name].filter(Boolean).join(' · ')
    : transcript && props.kind === 'stored' && props.entry.authorKind === 'visitor'
      ? `${name} · ${tr('inbox.transcript.toBot', 'answer to the bot')}`
      : name;

  let status: React.ReactNode = null;
  if (props.kind === 'pending') {
    status =
      props.message.status === 'sending' ? (
        <Typography variant="pi" textColor="neutral600">{tr('inbox.message.sending', 'Sending…')}</Typography>
      ) : (
        <Flex gap={2} alignItems="center">
          <Typography variant="pi" textColor="danger600" title={props.message.error ?? undefined}>
            {tr('inbox.message.failed', 'Not sent')}
          </Typography>
          <Button variant="danger-light" size="S" startIcon={<ArrowClockwise />} onClick={() => props.onRetry(props.message.clientId)}>
            {tr('inbox.message.retry', 'Retry')}
          </Button>
        </Flex>
      );
  } else if (props.receipt) {
    const seen = props.entry.seq <= props.readByVisitor;
    // neutral600 on the timeline's ground is above WCAG AA's 4.5:1 for small text (neutral500 was 2.95:1).
    status = (
      <Typography variant="pi" textColor="neutral600" data-receipt={seen ? 'seen' : 'sent'}>
        {seen ? tr('inbox.message.seen', 'Seen') : tr('inbox.message.sent', 'Sent')}
      </Typography>
    );
  }

  return (
    <Flex
      direction="column"
      alignItems={outgoing ? 'flex-end' : 'flex-start'}
      paddingTop={1}
      paddingBottom={1}
      data-message={props.kind === 'pending' ? props.message.clientId : props.entry.clientId}
      data-status={props.kind === 'pending' ? props.message.status : 'stored'}
      data-audience={note ? 'agents' : 'everyone'}
      data-transcript={transcript?.type}
    >
      {author ? (
        <Typography variant="pi" textColor={note ? 'neutral800' : 'neutral600'} fontWeight={note ? 'semiBold' : undefined}>
          {author}
          {props.kind === 'stored' ? (
            <>
              {' · '}
              <time dateTime={props.entry.createdAt}>{time(props.entry.createdAt)}</time>
            </>
          ) : null}
        </Typography>
      ) : null}
      <Box
        maxWidth="75%"
        paddingTop={2}
        paddingBottom={2}
        paddingLeft={3}
        paddingRight={3}
        hasRadius
        background={note ? 'warning100' : outgoing ? 'primary600' : 'neutral150'}
        color={note ? 'neutral800' : outgoing ? 'neutral0' : 'neutral800'}
        borderColor={note ? 'warning200' : undefined}
        borderStyle={note ? 'solid' : undefined}
        borderWidth={note ? '1px' : undefined}
        style={{ opacity: props.kind === 'pending' && props.message.status === 'sending' ? 0.7 : 1 }}
      >
        {props.kind === 'stored' && props.entry.attachment ? (
          <AttachmentView attachment={props.entry.attachment} outgoing={outgoing} />
        ) : transcript ? (
          <TranscriptContent detail={transcript} body={body} />
        ) : (
          <MessageBody body={body} />
        )}
      </Box>
      {status}
    </Flex>
  );
};
