import { Box, Typography } from '@strapi/design-system';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTheme, type DefaultTheme } from 'styled-components';
import type { AnalyticsAgentRow, AnalyticsDayRow } from '../../../../shared/contracts/analytics';
import { useT } from '../../hooks/useT';
import type { AnalyticsFormat } from './format';

/**
 * Grid, axes, tooltip and legend of both charts, in the design system's colours. An array of keyed
 * elements, not a fragment: recharts looks for these among the chart's direct children.
 */
const frame = (xKey: string, colors: DefaultTheme['colors'], format: AnalyticsFormat) => [
  <CartesianGrid key="grid" stroke={colors.neutral150} vertical={false} />,
  <XAxis key="x" dataKey={xKey} stroke={colors.neutral600} fontSize={12} />,
  <YAxis key="y" allowDecimals={false} stroke={colors.neutral600} fontSize={12} tickFormatter={format.count} />,
  <Tooltip key="tooltip" formatter={(value) => format.count(Number(value))} />,
  <Legend key="legend" />,
];

const ChartCard = ({ title, children, testId }: { title: string; children: React.ReactElement; testId: string }) => (
  <Box background="neutral0" hasRadius shadow="tableShadow" padding={4} data-testid={testId}>
    <Typography variant="delta" tag="h2">
      {title}
    </Typography>
    <Box paddingTop={4} height="280px">
      <ResponsiveContainer width="100%" height="100%">
        {children}
      </ResponsiveContainer>
    </Box>
  </Box>
);

/** Chats started, taken and missed per day: one line each. */
export const DaysChart = ({ days, format }: { days: AnalyticsDayRow[]; format: AnalyticsFormat }) => {
  const tr = useT();
  const { colors } = useTheme();
  const data = days.map((d) => ({ day: format.shortDay(d.day), started: d.started, taken: d.taken, missed: d.missed }));
  const series = [
    { key: 'started', name: tr('analytics.kpi.started', 'Chats started'), color: colors.primary600 },
    { key: 'taken', name: tr('analytics.kpi.taken', 'Taken'), color: colors.success600 },
    { key: 'missed', name: tr('analytics.kpi.missed', 'Missed'), color: colors.danger600 },
  ];
  return (
    <ChartCard title={tr('analytics.chart.days', 'Chats per day')} testId="analytics-days-chart">
      <LineChart data={data}>
        {frame('day', colors, format)}
        {series.map((s) => (
          <Line key={s.key} type="monotone" dataKey={s.key} name={s.name} stroke={s.color} strokeWidth={2} dot={days.length <= 31} />
        ))}
      </LineChart>
    </ChartCard>
  );
};

/** Chats taken and closed per agent: bars side by side. */
export const AgentsChart = ({ agents, format }: { agents: AnalyticsAgentRow[]; format: AnalyticsFormat }) => {
  const tr = useT();
  const { colors } = useTheme();
  const nobody = tr('analytics.agent.nobody', 'Not taken');
  const data = agents.map((a) => ({ agent: a.agent?.name ?? nobody, taken: a.taken, closed: a.closed }));
  return (
    <ChartCard title={tr('analytics.chart.agents', 'Chats per agent')} testId="analytics-agents-chart">
      <BarChart data={data}>
        {frame('agent', colors, format)}
        <Bar dataKey="taken" name={tr('analytics.kpi.taken', 'Taken')} fill={colors.primary600} radius={[4, 4, 0, 0]} />
        <Bar dataKey="closed" name={tr('analytics.kpi.closed', 'Closed')} fill={colors.neutral500} radius={[4, 4, 0, 0]} />
      </BarChart>
    </ChartCard>
  );
};
