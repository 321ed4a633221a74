import { Box, Flex, Grid, Typography } from '@strapi/design-system';
import type { AnalyticsFigures } from '../../../../shared/contracts/analytics';
import { useT } from '../../hooks/useT';
import type { AnalyticsFormat } from './format';

interface TileProps {
  label: string;
  value: string;
  hint?: string;
}

const Tile = ({ label, value, hint }: TileProps) => (
  <Box background="neutral0" hasRadius shadow="tableShadow" padding={4} height="100%" role="group" aria-label={label}>
    <Flex direction="column" alignItems="flex-start" gap={1}>
      <Typography variant="sigma" textColor="neutral600">
        {label}
      </Typography>
      <Typography variant="alpha" tag="p" data-testid="kpi-value">
        {value}
      </Typography>
      {hint ? (
        <Typography variant="pi" textColor="neutral600">
          {hint}
        </Typography>
      ) : null}
    </Flex>
  </Box>
);

/** The report's totals as tiles: volume, speed, sales and satisfaction. */
export const KpiTiles = ({ totals, format }: { totals: AnalyticsFigures; format: AnalyticsFormat }) => {
  const tr = useT();
  const p90 = (value: number | null) => tr('analytics.kpi.p90', 'p90 {value}', { value: format.duration(value) });
  const tiles: TileProps[] = [
    { label: tr('analytics.kpi.started', 'Chats started'), value: format.count(totals.started) },
    { label: tr('analytics.kpi.taken', 'Taken'), value: format.count(totals.taken) },
    { label: tr('analytics.kpi.missed', 'Missed'), value: format.count(totals.missed) },
    { label: tr('analytics.kpi.closed', 'Closed'), value: format.count(totals.closed) },
    {
      label: tr('analytics.kpi.firstResponse', 'First response (median)'),
      value: format.duration(totals.firstResponse.median),
      hint: p90(totals.firstResponse.p90),
    },
    {
      label: tr('analytics.kpi.wait', 'Wait to assignment (median)'),
      value: format.duration(totals.waitToAssignment.median),
      hint: p90(totals.waitToAssignment.p90),
    },
    { label: tr('analytics.kpi.leads', 'Leads'), value: format.count(totals.leads.count), hint: format.money(totals.leads.value) },
    { label: tr('analytics.kpi.deals', 'Deals'), value: format.count(totals.deals.count), hint: format.money(totals.deals.value) },
    {
      label: tr('analytics.kpi.csat', 'Satisfaction (CSAT)'),
      value: totals.csat.average === null ? '–' : `${format.decimal(totals.csat.average)} / 5`,
      hint: tr('analytics.kpi.ratings', '{count, plural, one {# rating} other {# ratings}}', { count: totals.csat.count }),
    },
  ];
  return (
    <Grid.Root gap={4}>
      {tiles.map((tile) => (
        <Grid.Item key={tile.label} col={4} s={6} xs={12} direction="column" alignItems="stretch">
          <Tile {...tile} />
        </Grid.Item>
      ))}
    </Grid.Root>
  );
};
