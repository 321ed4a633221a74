import { Badge, Status, Typography } from '@strapi/design-system';
import type { LiveChatStatus, PlaybookSummary } from '../../../shared/contracts/playbooks';
import { useT } from '../hooks/useT';

/**
 * A5: whether the playbook's widget has reported in from a page. Named for what it means, so nobody
 * reads "Online" as "agents online" (agents' availability is the inbox's toggle).
 */
export const LiveChatStatusBadge = ({ status }: { status: LiveChatStatus }) => {
  const tr = useT();
  return status === 'online' ? (
    <Badge variant="success">{tr('status.embedded', 'Embedded on a page')}</Badge>
  ) : (
    // Dark text on the yellow ground: the design system's warning badge is 3.6:1, under WCAG AA's 4.5:1.
    <Badge textColor="neutral800" backgroundColor="warning200">
      {tr('status.notEmbedded', 'Offline only: not embedded')}
    </Badge>
  );
};

/** Draft & publish, as the Content Manager shows it: Draft, Published, Modified. */
export const PublishStatus = ({ playbook }: { playbook: Pick<PlaybookSummary, 'published' | 'hasDraftChanges'> }) => {
  const tr = useT();
  const [variant, label] = !playbook.published
    ? (['secondary', tr('status.draft', 'Draft')] as const)
    : playbook.hasDraftChanges
      ? (['alternative', tr('status.modified', 'Modified')] as const)
      : (['success', tr('status.published', 'Published')] as const);
  return (
    <Status variant={variant} size="S">
      <Typography tag="span" variant="omega" fontWeight="bold">
        {label}
      </Typography>
    </Status>
  );
};

export const ActiveBadge = ({ active }: { active: boolean }) => {
  const tr = useT();
  return active ? <Badge variant="primary">{tr('status.active', 'Active')}</Badge> : <Badge>{tr('status.inactive', 'Inactive')}</Badge>;
};
