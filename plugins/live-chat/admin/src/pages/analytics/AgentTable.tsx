import { Box, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import type { AnalyticsAgentRow } from '../../../../shared/contracts/analytics';
import { useT } from '../../hooks/useT';
import type { AnalyticsFormat } from './format';

/** One row per agent: volume, speed, sales and satisfaction side by side. */
export const AgentTable = ({ agents, format }: { agents: AnalyticsAgentRow[]; format: AnalyticsFormat }) => {
  const tr = useT();
  const headers = [
    tr('analytics.column.agent', 'Agent'),
    tr('analytics.kpi.taken', 'Taken'),
    tr('analytics.kpi.closed', 'Closed'),
    tr('analytics.column.firstResponse', 'First response (median / p90)'),
    tr('analytics.kpi.leads', 'Leads'),
    tr('analytics.kpi.deals', 'Deals'),
    tr('analytics.column.csat', 'CSAT'),
  ];
  return (
    <Table colCount={headers.length} rowCount={agents.length + 1}>
      <Thead>
        <Tr>
          {headers.map((header) => (
            <Th key={header}>
              <Typography variant="sigma">{header}</Typography>
            </Th>
          ))}
        </Tr>
      </Thead>
      <Tbody>
        {agents.map((row) => (
          <Tr key={row.agent?.id ?? 'nobody'}>
            <Td>
              <Typography fontWeight="bold">{row.agent?.name ?? tr('analytics.agent.nobody', 'Not taken')}</Typography>
            </Td>
            <Td>{format.count(row.taken)}</Td>
            <Td>{format.count(row.closed)}</Td>
            <Td>
              <Box>{`${format.duration(row.firstResponse.median)} / ${format.duration(row.firstResponse.p90)}`}</Box>
            </Td>
            <Td>{format.count(row.leads.count)}</Td>
            <Td>{format.count(row.deals.count)}</Td>
            <Td>{row.csat.average === null ? '–' : format.decimal(row.csat.average)}</Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
