import { Field, Flex, NumberInput, Toggle, Typography } from '@strapi/design-system';
import { Layouts, Page, useNotification } from '@strapi/strapi/admin';
import * as React from 'react';
import { adminAction } from '../../../shared/constants';
import { RETENTION_DAYS, type RetentionSettings } from '../../../shared/domain/personal-data';
import { usePersonalDataApi } from '../api/personal-data';
import { apiProblem } from '../api/problem';
import { useT } from '../hooks/useT';
import { SettingsSection } from './settings/SettingsSection';

export const DATA_RETENTION_PERMISSIONS = [{ action: adminAction('managePersonalData'), subject: null }];

/**
 * G9, Settings > Live Chat > Data retention: "erase closed conversations older than N days" (off
 * by default), with the dry run: how many conversations the value shown would erase right now.
 */
const DataRetentionSettingsPage = () => {
  const tr = useT();
  const api = usePersonalDataApi();
  const { toggleNotification } = useNotification();
  const [stored, setStored] = React.useState<RetentionSettings | null>(null);
  const [draft, setDraft] = React.useState<RetentionSettings | null>(null);
  const [due, setDue] = React.useState<number | null>(null);
  const [saving, setSaving] = React.useState(false);
  const fail = React.useCallback((error: unknown) => toggleNotification({ type: 'danger', message: apiProblem(error).message }), [toggleNotification]);

  React.useEffect(() => {
    api
      .retention()
      .then((settings) => {
        setStored(settings);
        setDraft(settings);
      })
      .catch(fail);
  }, [api, fail]);

  const days = draft?.days;
  React.useEffect(() => {
    if (days === undefined || days < RETENTION_DAYS.min || days > RETENTION_DAYS.max || !Number.isInteger(days)) return setDue(null);
    let live = true;
    api
      .previewRetention(days)
      .then((preview) => live && setDue(preview.due))
      .catch(() => live && setDue(null));
    return () => {
      live = false;
    };
  }, [api, days]);

  if (!draft || !stored) return <Page.Loading />;
  const dirty = draft.enabled !== stored.enabled || draft.days !== stored.days;
  const save = async () => {
    setSaving(true);
    try {
      const saved = await api.saveRetention(draft);
      setStored(saved);
      setDraft(saved);
      toggleNotification({ type: 'success', message: tr('retention.saved', 'Retention saved') });
    } catch (error) {
      fail(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Page.Main>
      <Page.Title>{tr('retention.title', 'Data retention')}</Page.Title>
      <Layouts.Header title={tr('retention.title', 'Data retention')} subtitle={tr('retention.subtitle', 'How long closed conversations are kept')} />
      <Layouts.Content>
        <SettingsSection
          title={tr('retention.section', 'Erase old conversations')}
          description={tr(
            'retention.description',
            'Closed conversations older than this are erased for good: messages, files, notes and the visitor details they hold. Counts for analytics remain.',
          )}
          onSave={() => void save()}
          dirty={dirty}
          saving={saving}
        >
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Field.Root name="enabled">
              <Field.Label>{tr('retention.enabled', 'Erase closed conversations automatically')}</Field.Label>
              <Toggle
                onLabel={tr('retention.on', 'On')}
                offLabel={tr('retention.off', 'Off')}
                checked={draft.enabled}
                onChange={(event: React.ChangeEvent<HTMLInputElement>) => setDraft({ ...draft, enabled: event.target.checked })}
              />
            </Field.Root>
            <Field.Root name="days" hint={tr('retention.daysHint', 'Between {min} and {max} days', { min: RETENTION_DAYS.min, max: RETENTION_DAYS.max })}>
              <Field.Label>{tr('retention.days', 'Days after closing')}</Field.Label>
              <NumberInput value={draft.days} onValueChange={(value: number | undefined) => setDraft({ ...draft, days: value ?? 0 })} />
              <Field.Hint />
            </Field.Root>
            {due !== null && (
              <Typography variant="pi" textColor={due > 0 ? 'danger600' : 'neutral600'}>
                {tr('retention.dryRun', 'With {days} days, {count, plural, one {# closed conversation} other {# closed conversations}} would be erased now.', {
                  days: draft.days,
                  count: due,
                })}
              </Typography>
            )}
          </Flex>
        </SettingsSection>
      </Layouts.Content>
    </Page.Main>
  );
};

/** Guarded like Strapi's own settings pages: without the permission, the "no permissions" page. */
export const ProtectedDataRetentionSettingsPage = () => (
  <Page.Protect permissions={DATA_RETENTION_PERMISSIONS}>
    <DataRetentionSettingsPage />
  </Page.Protect>
);

export default ProtectedDataRetentionSettingsPage;
