import { Badge, Box, Flex, IconButton, Typography } from '@strapi/design-system';
import { ArrowDown, ArrowUp, Pencil, Trash } from '@strapi/icons';
import type { LiveChatStatus, PlaybookCard } from '../../../shared/contracts/playbooks';
import { richTextToPlainText } from '../../../shared/domain/rich-text';
import { useT } from '../hooks/useT';
import { KIND_LABELS } from '../utils/cards';
import { LiveChatStatusBadge } from './StatusBadges';

interface Props {
  cards: PlaybookCard[];
  liveChatStatus: LiveChatStatus;
  /** Edit controls are shown only to admins who may manage playbooks (A2). */
  canManage: boolean;
  /** False in a copy (another locale than the default, E5): cards keep their order and set, only texts are edited. */
  structure?: boolean;
  busy: boolean;
  /** Field errors from the last save, by card id, then by path (`settings.next` → `No card …`). */
  errorsByCard: Record<string, Record<string, string>>;
  onEdit: (card: PlaybookCard) => void;
  onDelete: (card: PlaybookCard) => void;
  onMove: (card: PlaybookCard, offset: -1 | 1) => void;
}

/** A one-line preview of what the card says, so the flow reads top to bottom. */
function preview(card: PlaybookCard): string {
  const source = card.kind === 'live_chat' ? card.onlineMessage : (card.settings.message ?? card.settings.prompt);
  const text = richTextToPlainText(source ?? []);
  return text.length > 140 ? `${text.slice(0, 139)}…` : text;
}

/** A1: the playbook's cards in order, each with its kind, title, and (Live Chat cards) status (A5). */
export const CardList = ({ cards, liveChatStatus, canManage, structure = true, busy, errorsByCard, onEdit, onDelete, onMove }: Props) => {
  const tr = useT();
  if (cards.length === 0) {
    return (
      <Box padding={6} background="neutral0" hasRadius shadow="tableShadow">
        <Typography textColor="neutral600">{tr('editor.cards.empty', 'This playbook has no cards yet.')}</Typography>
      </Box>
    );
  }
  return (
    <Flex direction="column" alignItems="stretch" gap={3} tag="ol" aria-label={tr('editor.cards.title', 'Cards')}>
      {cards.map((card, index) => {
        const kind = tr(`card.kind.${card.kind}`, KIND_LABELS[card.kind]);
        const errors = Object.entries(errorsByCard[card.documentId] ?? {}).map(([path, message]) =>
          path ? `${path}: ${message}` : message,
        );
        return (
          <Box
            key={card.documentId}
            tag="li"
            padding={4}
            background="neutral0"
            hasRadius
            shadow="tableShadow"
            borderColor={errors.length > 0 ? 'danger600' : 'neutral150'}
            borderStyle="solid"
            borderWidth="1px"
          >
            <Flex gap={4} alignItems="flex-start">
              <Typography variant="sigma" textColor="neutral600" minWidth="1.5rem">
                {index + 1}
              </Typography>
              <Flex direction="column" alignItems="flex-start" gap={1} flex="1">
                <Flex gap={2} wrap="wrap">
                  <Badge>{kind}</Badge>
                  {card.kind === 'live_chat' && <LiveChatStatusBadge status={liveChatStatus} />}
                  {card.kind === 'live_chat' && card.waitTimeSeconds !== null && (
                    <Typography variant="pi" textColor="neutral600">
                      {tr('editor.cards.waitTime', 'Wait time: {seconds} s', {
                        seconds: card.waitTimeSeconds,
                      })}
                    </Typography>
                  )}
                </Flex>
                <Typography fontWeight="bold">{card.title || kind}</Typography>
                {preview(card) !== '' && (
                  <Typography variant="pi" textColor="neutral600">
                    {preview(card)}
                  </Typography>
                )}
                {errors.map((message) => (
                  <Typography key={message} variant="pi" textColor="danger600">
                    {message}
                  </Typography>
                ))}
              </Flex>
              {canManage && (
                <Flex gap={1}>
                  {structure && (
                    <>
                      <IconButton label={tr('action.moveUp', 'Move up')} disabled={busy || index === 0} onClick={() => onMove(card, -1)}>
                        <ArrowUp />
                      </IconButton>
                      <IconButton
                        label={tr('action.moveDown', 'Move down')}
                        disabled={busy || index === cards.length - 1}
                        onClick={() => onMove(card, 1)}
                      >
                        <ArrowDown />
                      </IconButton>
                    </>
                  )}
                  <IconButton label={tr('action.edit', 'Edit')} disabled={busy} onClick={() => onEdit(card)}>
                    <Pencil />
                  </IconButton>
                  {structure && (
                    <IconButton label={tr('action.delete', 'Delete')} disabled={busy} onClick={() => onDelete(card)}>
                      <Trash />
                    </IconButton>
                  )}
                </Flex>
              )}
            </Flex>
          </Box>
        );
      })}
    </Flex>
  );
};
