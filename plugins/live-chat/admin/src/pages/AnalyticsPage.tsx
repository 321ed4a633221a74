import { Box, Button, DatePicker, Field, Flex, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { Layouts, Page, useNotification } from '@strapi/strapi/admin';
import * as React from 'react';
import type { AnalyticsResponse } from '../../../shared/contracts/analytics';
import { useAnalyticsApi, type AnalyticsParams } from '../api/analytics';
import { apiProblem } from '../api/problem';
import { useT } from '../hooks/useT';
import { AgentTable } from './analytics/AgentTable';
import { AgentsChart, DaysChart } from './analytics/Charts';
import { dateOf, dayOf, lastDays, useAnalyticsFormat } from './analytics/format';
import { KpiTiles } from './analytics/KpiTiles';

const ALL = 'all';
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** The filter options: agents and playbooks seen in the last unfiltered report. */
interface Options {
  agents: Array<{ id: number; name: string }>;
  playbooks: Array<{ documentId: string; name: string }>;
}

/** Issue 16: the Analytics page: a range and filters, KPI tiles, a line per day, bars per agent, a CSV download. */
const AnalyticsPage = () => {
  const tr = useT();
  const api = useAnalyticsApi();
  const format = useAnalyticsFormat();
  const { toggleNotification } = useNotification();
  const [params, setParams] = React.useState<AnalyticsParams>(() => ({ ...lastDays(30), timeZone: browserZone() }));
  const [report, setReport] = React.useState<AnalyticsResponse | null>(null);
  const [fieldErrors, setFieldErrors] = React.useState<Record<string, string>>({});
  const [options, setOptions] = React.useState<Options>({ agents: [], playbooks: [] });

  React.useEffect(() => {
    let current = true;
    api
      .report(params)
      .then((answer) => {
        if (!current) return;
        setReport(answer);
        setFieldErrors({});
        if (params.agent === undefined && params.playbook === undefined) {
          setOptions({
            agents: answer.data.agents.flatMap((row) => (row.agent ? [row.agent] : [])),
            playbooks: answer.data.playbooks.flatMap((row) => (row.playbook ? [row.playbook] : [])),
          });
        }
      })
      .catch((error: unknown) => {
        if (!current) return;
        const problem = apiProblem(error);
        setFieldErrors(problem.fields);
        toggleNotification({ type: 'danger', message: problem.message });
      });
    return () => {
      current = false;
    };
  }, [api, params, toggleNotification]);

  async function download() {
    try {
      const csv = await api.csv(params);
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `live-chat-analytics-${params.from}-${params.to}.csv`;
      link.click();
      URL.revokeObjectURL(url);
    } catch (error) {
      toggleNotification({ type: 'danger', message: apiProblem(error).message });
    }
  }

  const setDay = (key: 'from' | 'to') => (date: Date | undefined) => {
    if (date) setParams((p) => ({ ...p, [key]: dayOf(date) }));
  };
  if (report === null && Object.keys(fieldErrors).length === 0) return <Page.Loading />;
  const ownOnly = report?.meta.scope === 'own';

  return (
    <Page.Main>
      <Page.Title>{tr('analytics.title', 'Analytics')}</Page.Title>
      <Layouts.Header
        title={tr('analytics.title', 'Analytics')}
        subtitle={
          ownOnly
            ? tr('analytics.subtitle.own', 'Your chats started in the range')
            : tr('analytics.subtitle', 'Chats started in the range, in your time zone ({zone})', { zone: params.timeZone })
        }
        primaryAction={
          <Button startIcon={<Download />} variant="secondary" onClick={download}>
            {tr('analytics.csv', 'Download CSV')}
          </Button>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Flex gap={4} wrap="wrap" alignItems="flex-start">
            {(['from', 'to'] as const).map((key) => (
              <Field.Root key={key} name={key} error={fieldErrors[key]} width="200px">
                <Field.Label>{key === 'from' ? tr('analytics.from', 'From') : tr('analytics.to', 'To')}</Field.Label>
                <DatePicker value={dateOf(params[key])} onChange={setDay(key)} maxDate={new Date()} size="S" />
                <Field.Error />
              </Field.Root>
            ))}
            {ownOnly ? null : (
              <Field.Root name="agent" width="220px">
                <Field.Label>{tr('analytics.column.agent', 'Agent')}</Field.Label>
                <SingleSelect
                  size="S"
                  value={params.agent === undefined ? ALL : String(params.agent)}
                  onChange={(value: string | number) => setParams((p) => ({ ...p, agent: value === ALL ? undefined : Number(value) }))}
                >
                  <SingleSelectOption value={ALL}>{tr('analytics.filter.allAgents', 'All agents')}</SingleSelectOption>
                  {options.agents.map((agent) => (
                    <SingleSelectOption key={agent.id} value={String(agent.id)}>
                      {agent.name}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
              </Field.Root>
            )}
            <Field.Root name="playbook" width="220px">
              <Field.Label>{tr('analytics.filter.playbook', 'Playbook')}</Field.Label>
              <SingleSelect
                size="S"
                value={params.playbook ?? ALL}
                onChange={(value: string | number) => setParams((p) => ({ ...p, playbook: value === ALL ? undefined : String(value) }))}
              >
                <SingleSelectOption value={ALL}>{tr('analytics.filter.allPlaybooks', 'All playbooks')}</SingleSelectOption>
                {options.playbooks.map((playbook) => (
                  <SingleSelectOption key={playbook.documentId} value={playbook.documentId}>
                    {playbook.name}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </Field.Root>
          </Flex>
          {report ? (
            <>
              <KpiTiles totals={report.data.totals} format={format} />
              <DaysChart days={report.data.days} format={format} />
              <AgentsChart agents={report.data.agents} format={format} />
              <Box>
                <Box paddingBottom={2}>
                  <Typography variant="delta" tag="h2">
                    {tr('analytics.chart.agents', 'Chats per agent')}
                  </Typography>
                </Box>
                <AgentTable agents={report.data.agents} format={format} />
              </Box>
            </>
          ) : null}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

export default AnalyticsPage;
