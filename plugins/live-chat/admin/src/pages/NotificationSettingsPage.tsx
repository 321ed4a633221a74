import { Flex, Typography } from '@strapi/design-system';
import { Layouts, Page, useNotification } from '@strapi/strapi/admin';
import * as React from 'react';
import { adminAction, NOTIFICATION_KINDS } from '../../../shared/constants';
import type { MeResponse } from '../../../shared/contracts/admin';
import { useNotificationSettingsApi, type NotificationPreferences } from '../api/notifications';
import { apiProblem } from '../api/problem';
import { useT } from '../hooks/useT';
import { BrowserPermission } from './settings/BrowserPermission';
import { PreferenceToggles, type PreferenceKey } from './settings/PreferenceToggles';
import { SettingsSection } from './settings/SettingsSection';
import { useEditablePreferences } from './settings/useEditablePreferences';

/** Who may open the page: agents (their own switches) and whoever manages the company's (D3). */
export const NOTIFICATION_SETTINGS_PERMISSIONS = [
  { action: adminAction('useInbox'), subject: null },
  { action: adminAction('manageNotificationSettings'), subject: null },
];

type Permissions = MeResponse['data']['permissions'];

/**
 * D3, like "Company settings > Notifications": the company's switches (changed by roles with the
 * notification-settings permission, shown read-only to other agents) and "My notifications", where
 * every agent turns kinds off for themself and chooses a sound. A kind the company turned off
 * cannot be turned on by an agent: the server sends a kind only when both allow it.
 */
const NotificationSettingsPage = () => {
  const tr = useT();
  const api = useNotificationSettingsApi();
  const { toggleNotification } = useNotification();
  const [permissions, setPermissions] = React.useState<Permissions | null>(null);
  const company = useEditablePreferences(api.setCompany);
  const mine = useEditablePreferences(React.useCallback(async (change) => (await api.setMine(change)).mine, [api]));
  const [companyForAgent, setCompanyForAgent] = React.useState<NotificationPreferences | null>(null);
  const loadCompany = company.load;
  const loadMine = mine.load;

  React.useEffect(() => {
    let live = true;
    (async () => {
      const me = await api.me();
      if (!live) return;
      setPermissions(me.permissions);
      if (me.permissions.useInbox) {
        const settings = await api.mine();
        if (!live) return;
        loadMine(settings.mine);
        loadCompany(settings.company);
        setCompanyForAgent(settings.company);
      } else {
        const settings = await api.company().catch(() => null);
        if (live && settings) loadCompany(settings);
      }
    })().catch((error: unknown) => {
      if (live) toggleNotification({ type: 'danger', message: apiProblem(error).message });
    });
    return () => {
      live = false;
    };
  }, [api, loadCompany, loadMine, toggleNotification]);

  // What "My notifications" can offer depends on the company's saved switches, not on an unsaved draft.
  React.useEffect(() => {
    if (company.stored) setCompanyForAgent(company.stored);
  }, [company.stored]);

  if (!permissions) return <Page.Loading />;
  const canManageCompany = permissions.manageNotificationSettings;
  const offForCompany = (key: PreferenceKey) =>
    key !== 'sound' && companyForAgent && !companyForAgent[key]
      ? tr('notifications.mine.offForCompany', 'Turned off for the whole company')
      : null;

  return (
    <Page.Main>
      <Page.Title>{tr('notifications.settings.title', 'Notifications')}</Page.Title>
      <Layouts.Header
        title={tr('notifications.settings.title', 'Notifications')}
        subtitle={tr('notifications.settings.subtitle', 'Desktop notifications of the Live Chat inbox')}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          {company.draft && (canManageCompany || permissions.useInbox) && (
            <SettingsSection
              title={tr('notifications.company.title', 'Company')}
              description={
                canManageCompany
                  ? tr('notifications.company.description', 'Which notifications agents of this company can get. A kind turned off here is off for everyone.')
                  : tr('notifications.company.readOnly', 'Set by your administrator: a kind turned off here is off for everyone.')
              }
              onSave={canManageCompany ? () => void company.submit() : null}
              dirty={company.dirty}
              saving={company.saving}
            >
              <PreferenceToggles
                values={company.draft}
                keys={NOTIFICATION_KINDS}
                disabled={!canManageCompany || company.saving}
                onChange={company.change}
              />
            </SettingsSection>
          )}
          {permissions.useInbox && mine.draft && (
            <SettingsSection
              title={tr('notifications.mine.title', 'My notifications')}
              description={tr('notifications.mine.description', 'What you are notified of, in this and every other browser you use the inbox in.')}
              onSave={() => void mine.submit()}
              dirty={mine.dirty}
              saving={mine.saving}
            >
              <PreferenceToggles
                values={mine.draft}
                keys={[...NOTIFICATION_KINDS, 'sound']}
                lockedReason={offForCompany}
                hint={(key) => (key === 'sound' ? tr('notifications.mine.soundHint', 'A short chime with each notification') : null)}
                disabled={mine.saving}
                onChange={mine.change}
              />
              <BrowserPermission />
            </SettingsSection>
          )}
          {!permissions.useInbox && (
            <Typography variant="pi" textColor="neutral600">
              {tr('notifications.mine.notAgent', 'Your own notification switches appear here once your role may use the inbox.')}
            </Typography>
          )}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

/** Guarded like Strapi's own settings pages: without either permission, the "no permissions" page. */
export const ProtectedNotificationSettingsPage = () => (
  <Page.Protect permissions={NOTIFICATION_SETTINGS_PERMISSIONS}>
    <NotificationSettingsPage />
  </Page.Protect>
);

export default ProtectedNotificationSettingsPage;
