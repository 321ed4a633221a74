import { Badge } from '@strapi/design-system';
import { SubNav } from '@strapi/strapi/admin';
import type { FolderCounts } from '../../../../shared/contracts/conversations';
import { useT } from '../../hooks/useT';
import type { InboxFolder } from '../state/conversation-list';

/** The inbox folders in the side navigation, each with its live count (B1, B3, B8). */
export const FolderSection = ({
  folders,
  counts,
  linkTo,
}: {
  folders: readonly InboxFolder[];
  counts: FolderCounts | null;
  linkTo: (folder: string) => string;
}) => {
  const tr = useT();
  const labels = {
    unassigned: tr('inbox.folder.unassigned', 'Unassigned'),
    mine: tr('inbox.folder.mine', 'My conversations'),
    assigned: tr('inbox.folder.assigned', 'All assigned'),
    closed: tr('inbox.folder.closed', 'Closed conversations'),
  };
  return (
    <SubNav.Section label={tr('inbox.title', 'Inbox')}>
      {folders.map((folder) => (
        <SubNav.Link
          key={folder}
          to={linkTo(folder)}
          label={labels[folder]}
          data-folder={folder}
          endAction={
            counts ? (
              <Badge data-count={folder} aria-label={tr('inbox.folder.count', '{count} conversations', { count: counts[folder] })}>
                {counts[folder]}
              </Badge>
            ) : null
          }
        />
      ))}
    </SubNav.Section>
  );
};
