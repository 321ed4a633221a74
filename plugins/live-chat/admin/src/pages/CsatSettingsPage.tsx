import { Field, Toggle } from '@strapi/design-system';
import { Layouts, Page, useNotification } from '@strapi/strapi/admin';
import * as React from 'react';
import { adminAction } from '../../../shared/constants';
import type { CsatSettings } from '../../../shared/domain/satisfaction';
import { useCsatSettingsApi } from '../api/csat';
import { apiProblem } from '../api/problem';
import { useT } from '../hooks/useT';
import { SettingsSection } from './settings/SettingsSection';

/** Who may open the page: agents see the switch; whoever manages the company's notification settings changes it. */
export const CSAT_SETTINGS_PERMISSIONS = [
  { action: adminAction('useInbox'), subject: null },
  { action: adminAction('manageNotificationSettings'), subject: null },
];

/**
 * Issue 16 (G6): Settings > Live Chat > Satisfaction rating: whether the widget asks visitors to
 * rate a chat once it is closed (on by default). Off, the widget does not ask and the server
 * refuses ratings.
 */
const CsatSettingsPage = () => {
  const tr = useT();
  const api = useCsatSettingsApi();
  const { toggleNotification } = useNotification();
  const [canManage, setCanManage] = React.useState<boolean | null>(null);
  const [stored, setStored] = React.useState<CsatSettings | null>(null);
  const [draft, setDraft] = React.useState<CsatSettings | null>(null);
  const [saving, setSaving] = React.useState(false);

  React.useEffect(() => {
    let live = true;
    Promise.all([api.me(), api.get()])
      .then(([me, settings]) => {
        if (!live) return;
        setCanManage(me.permissions.manageNotificationSettings);
        setStored(settings);
        setDraft(settings);
      })
      .catch((error: unknown) => {
        if (live) toggleNotification({ type: 'danger', message: apiProblem(error).message });
      });
    return () => {
      live = false;
    };
  }, [api, toggleNotification]);

  const save = async () => {
    if (!draft) return;
    setSaving(true);
    try {
      const saved = await api.set(draft);
      setStored(saved);
      setDraft(saved);
      toggleNotification({ type: 'success', message: tr('csat.settings.saved', 'Saved') });
    } catch (error) {
      toggleNotification({ type: 'danger', message: apiProblem(error).message });
    } finally {
      setSaving(false);
    }
  };

  if (canManage === null || !draft) return <Page.Loading />;
  return (
    <Page.Main>
      <Page.Title>{tr('csat.settings.title', 'Satisfaction rating')}</Page.Title>
      <Layouts.Header
        title={tr('csat.settings.title', 'Satisfaction rating')}
        subtitle={tr('csat.settings.subtitle', 'Ask visitors to rate their chat (CSAT)')}
      />
      <Layouts.Content>
        <SettingsSection
          title={tr('csat.settings.section', 'After a chat')}
          description={
            canManage
              ? tr('csat.settings.description', 'When an agent closes a chat, the widget asks the visitor to rate it from 1 to 5, with an optional comment, once.')
              : tr('csat.settings.readOnly', 'Set by your administrator.')
          }
          onSave={canManage ? () => void save() : null}
          dirty={stored?.enabled !== draft.enabled}
          saving={saving}
        >
          <Field.Root name="csat-enabled" hint={tr('csat.settings.hint', 'Off: the widget does not ask, and ratings are refused.')}>
            <Field.Label>{tr('csat.settings.enabled', 'Ask visitors to rate closed chats')}</Field.Label>
            <Toggle
              onLabel={tr('notifications.on', 'On')}
              offLabel={tr('notifications.off', 'Off')}
              checked={draft.enabled}
              disabled={!canManage || saving}
              onChange={(event) => setDraft({ enabled: event.currentTarget.checked })}
            />
            <Field.Hint />
          </Field.Root>
        </SettingsSection>
      </Layouts.Content>
    </Page.Main>
  );
};

/** Guarded like Strapi's own settings pages: without either permission, the "no permissions" page. */
export const ProtectedCsatSettingsPage = () => (
  <Page.Protect permissions={CSAT_SETTINGS_PERMISSIONS}>
    <CsatSettingsPage />
  </Page.Protect>
);

export default ProtectedCsatSettingsPage;
