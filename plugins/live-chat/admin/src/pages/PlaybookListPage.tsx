import { Button, EmptyStateLayout, Table, Tbody, Td, Th, Thead, Tr, Typography, VisuallyHidden } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { Layouts, Page, useNotification } from '@strapi/strapi/admin';
import * as React from 'react';
import { useNavigate } from 'react-router-dom';
import type { PlaybookSummary } from '../../../shared/contracts/playbooks';
import { apiProblem } from '../api/problem';
import { usePlaybookApi } from '../api/playbooks';
import { NewPlaybookModal } from '../components/NewPlaybookModal';
import { ActiveBadge, LiveChatStatusBadge, PublishStatus } from '../components/StatusBadges';
import { useCanManagePlaybooks } from '../hooks/useCanManagePlaybooks';
import { useT } from '../hooks/useT';
import { useFormatDate } from '../utils/format';

/** A1, A5: every playbook with its publish state, Live Chat status and where it is installed. */
export const PlaybookListPage = () => {
  const tr = useT();
  const api = usePlaybookApi();
  const navigate = useNavigate();
  const formatDate = useFormatDate();
  const { toggleNotification } = useNotification();
  const { canManage } = useCanManagePlaybooks();
  const [playbooks, setPlaybooks] = React.useState<PlaybookSummary[] | null>(null);
  const [creating, setCreating] = React.useState(false);

  React.useEffect(() => {
    api
      .list()
      .then(setPlaybooks)
      .catch((e: unknown) => {
        setPlaybooks([]);
        toggleNotification({ type: 'danger', message: apiProblem(e).message });
      });
  }, [api, toggleNotification]);

  if (playbooks === null) return <Page.Loading />;
  const headers = [
    tr('playbooks.column.name', 'Name'),
    tr('playbooks.column.status', 'Status'),
    tr('playbooks.column.active', 'Active'),
    tr('playbooks.column.liveChat', 'Live Chat'),
    tr('playbooks.column.installs', 'Installs'),
    tr('playbooks.column.lastSeen', 'Last seen'),
  ];

  return (
    <Page.Main>
      <Page.Title>{tr('playbooks.title', 'Playbooks')}</Page.Title>
      <Layouts.Header
        title={tr('playbooks.title', 'Playbooks')}
        subtitle={tr('playbooks.subtitle', 'Chatbot flows your website visitors talk to')}
        primaryAction={
          canManage ? (
            <Button startIcon={<Plus />} onClick={() => setCreating(true)}>
              {tr('playbooks.new.button', 'New playbook')}
            </Button>
          ) : undefined
        }
      />
      <Layouts.Content>
        {playbooks.length === 0 ? (
          <EmptyStateLayout content={tr('playbooks.empty', 'No playbooks yet')} />
        ) : (
          <Table colCount={headers.length + 1} rowCount={playbooks.length + 1}>
            <Thead>
              <Tr>
                {headers.map((label) => (
                  <Th key={label}>
                    <Typography variant="sigma">{label}</Typography>
                  </Th>
                ))}
                <Th>
                  <VisuallyHidden>{tr('playbooks.column.open', 'Open')}</VisuallyHidden>
                </Th>
              </Tr>
            </Thead>
            <Tbody>
              {playbooks.map((playbook) => (
                <Tr key={playbook.documentId} onClick={() => navigate(playbook.documentId)} style={{ cursor: 'pointer' }}>
                  <Td>
                    <Typography fontWeight="bold">{playbook.name}</Typography>
                  </Td>
                  <Td>
                    <PublishStatus playbook={playbook} />
                  </Td>
                  <Td>
                    <ActiveBadge active={playbook.active} />
                  </Td>
                  <Td>
                    <LiveChatStatusBadge status={playbook.liveChat} />
                  </Td>
                  <Td>
                    <Typography>{playbook.installationCount}</Typography>
                  </Td>
                  <Td>
                    <Typography textColor="neutral600">{playbook.lastSeenAt ? formatDate(playbook.lastSeenAt) : tr('playbooks.never', 'Never')}</Typography>
                  </Td>
                  <Td>
                    <Button
                      variant="tertiary"
                      size="S"
                      onClick={(e: React.MouseEvent) => {
                        e.stopPropagation(); // the row navigates too
                        navigate(playbook.documentId);
                      }}
                    >
                      {canManage ? tr('action.edit', 'Edit') : tr('action.view', 'View')}
                    </Button>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
      </Layouts.Content>
      <NewPlaybookModal open={creating} onClose={() => setCreating(false)} onCreated={(id) => navigate(id)} />
    </Page.Main>
  );
};
