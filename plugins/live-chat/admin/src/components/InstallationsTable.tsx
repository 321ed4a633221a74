import { Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import type { PlaybookInstallation } from '../../../shared/contracts/playbooks';
import { useT } from '../hooks/useT';
import { useFormatDate } from '../utils/format';

/** A5: the pages the widget reported from, newest first. */
export const InstallationsTable = ({ installations }: { installations: PlaybookInstallation[] }) => {
  const tr = useT();
  const formatDate = useFormatDate();
  if (installations.length === 0) {
    return (
      <Typography variant="pi" textColor="neutral600">
        {tr('installations.empty', 'The widget has not reported from any page yet, so the Live Chat card is offline only.')}
      </Typography>
    );
  }
  return (
    <Table colCount={3} rowCount={installations.length + 1}>
      <Thead>
        <Tr>
          <Th>
            <Typography variant="sigma">{tr('installations.origin', 'Site')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{tr('installations.path', 'Page')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{tr('installations.lastSeen', 'Last seen')}</Typography>
          </Th>
        </Tr>
      </Thead>
      <Tbody>
        {installations.map((i) => (
          <Tr key={`${i.origin}${i.path}`}>
            <Td>
              <Typography>{i.origin}</Typography>
            </Td>
            <Td>
              <Typography>{i.path}</Typography>
            </Td>
            <Td>
              <Typography textColor="neutral600">{formatDate(i.lastSeenAt)}</Typography>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
