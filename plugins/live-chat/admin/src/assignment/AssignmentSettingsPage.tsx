import { Box, Button, Field, Flex, NumberInput, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useNotification } from '@strapi/strapi/admin';
import * as React from 'react';
import type { AgentCapacity, AssignmentSettingsResponse } from '../../../shared/contracts/assignment';
import { useAssignmentApi } from '../api/assignment';
import { apiProblem } from '../api/problem';
import { useT } from '../hooks/useT';

type Settings = AssignmentSettingsResponse['data'];

/** One agent's row: their maximum of open chats (empty: the default), saved on its own. */
const CapacityRow = ({ agent, settings, onSaved }: { agent: AgentCapacity; settings: Settings; onSaved: (agent: AgentCapacity) => void }) => {
  const tr = useT();
  const api = useAssignmentApi();
  const { toggleNotification } = useNotification();
  const [value, setValue] = React.useState<number | undefined>(agent.maxOpenChats ?? undefined);
  const [error, setError] = React.useState<string | undefined>(undefined);
  const [saving, setSaving] = React.useState(false);
  const dirty = (value ?? null) !== agent.maxOpenChats;

  const save = async () => {
    setSaving(true);
    setError(undefined);
    try {
      onSaved(await api.setCapacity(agent.id, value ?? null));
      toggleNotification({ type: 'success', message: tr('assignment.saved', 'Saved') });
    } catch (problem) {
      const { message, fields } = apiProblem(problem);
      setError(fields.maxOpenChats ?? message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Tr>
      <Td>
        <Typography>{agent.name}</Typography>
      </Td>
      <Td>
        <Typography>{agent.openChats}</Typography>
      </Td>
      <Td>
        <Field.Root name={`maxOpenChats-${agent.id}`} error={error}>
          <Field.Label>{tr('assignment.capacity.label', 'Maximum of open chats for {name}', { name: agent.name })}</Field.Label>
          <NumberInput
            value={value}
            placeholder={tr('assignment.capacity.default', 'Default ({count})', { count: settings.defaultCapacity })}
            onValueChange={(next: number | undefined) => setValue(next)}
          />
          <Field.Error />
        </Field.Root>
      </Td>
      <Td>
        <Button variant="secondary" disabled={!dirty} loading={saving} onClick={save}>
          {tr('assignment.save', 'Save')}
        </Button>
      </Td>
    </Tr>
  );
};

/**
 * G7, Settings > Live Chat > Auto-assignment: each agent's maximum of open chats. Auto-assignment
 * itself is switched on per playbook, on its Live Chat card.
 */
const AssignmentSettingsPage = () => {
  const tr = useT();
  const api = useAssignmentApi();
  const { toggleNotification } = useNotification();
  const [settings, setSettings] = React.useState<Settings | null>(null);

  React.useEffect(() => {
    api.settings().then(setSettings, (error: unknown) => toggleNotification({ type: 'danger', message: apiProblem(error).message }));
  }, [api, toggleNotification]);

  if (settings === null) return <Page.Loading />;
  const replace = (agent: AgentCapacity) =>
    setSettings((current) => current && { ...current, agents: current.agents.map((row) => (row.id === agent.id ? agent : row)) });

  return (
    <Page.Main>
      <Page.Title>{tr('assignment.settings.title', 'Auto-assignment')}</Page.Title>
      <Layouts.Header
        title={tr('assignment.settings.title', 'Auto-assignment')}
        subtitle={tr(
          'assignment.settings.subtitle',
          'How many open chats each agent takes automatically. Turn auto-assignment on per playbook, on its Live Chat card.',
        )}
      />
      <Layouts.Content>
        <Box background="neutral0" hasRadius shadow="filterShadow" padding={6}>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Typography variant="pi" textColor="neutral600">
              {tr('assignment.capacity.hint', 'Leave empty for the default of {count}; from {min} to {max}.', {
                count: settings.defaultCapacity,
                min: settings.limits.min,
                max: settings.limits.max,
              })}
            </Typography>
            <Table colCount={4} rowCount={settings.agents.length + 1}>
              <Thead>
                <Tr>
                  {[
                    tr('assignment.column.agent', 'Agent'),
                    tr('assignment.column.open', 'Open chats now'),
                    tr('assignment.column.capacity', 'Maximum of open chats'),
                    tr('assignment.column.actions', 'Actions'),
                  ].map((heading) => (
                    <Th key={heading}>
                      <Typography variant="sigma">{heading}</Typography>
                    </Th>
                  ))}
                </Tr>
              </Thead>
              <Tbody>
                {settings.agents.map((agent) => (
                  <CapacityRow key={agent.id} agent={agent} settings={settings} onSaved={replace} />
                ))}
              </Tbody>
            </Table>
          </Flex>
        </Box>
      </Layouts.Content>
    </Page.Main>
  );
};

export default AssignmentSettingsPage;
