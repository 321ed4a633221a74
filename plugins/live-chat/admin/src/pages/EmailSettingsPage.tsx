import { Field, Flex, Grid, NumberInput, TextInput, Toggle } from '@strapi/design-system';
import { Layouts, Page, useNotification } from '@strapi/strapi/admin';
import * as React from 'react';
import { adminAction } from '../../../shared/constants';
import type { EmailSettings } from '../../../shared/contracts/email';
import { useEmailSettingsApi } from '../api/email';
import { apiProblem } from '../api/problem';
import { useT } from '../hooks/useT';
import { SettingsSection } from './settings/SettingsSection';

/** G8: email settings are changed with the notification settings permission. */
export const EMAIL_SETTINGS_PERMISSIONS = [{ action: adminAction('manageNotificationSettings'), subject: null }];

type Switch = 'transcriptsEnabled' | 'followUpsEnabled' | 'missedChatNoticesEnabled';
const SWITCHES: Array<[Switch, string, string]> = [
  ['transcriptsEnabled', 'email.transcripts', 'Visitors may ask for the transcript by email'],
  ['followUpsEnabled', 'email.followUps', 'Email replies to visitors who left before seeing them'],
  ['missedChatNoticesEnabled', 'email.missedChats', "Send missed chats to the team's address"],
];

interface AddressFieldProps {
  name: 'teamAddress' | 'fromAddress';
  label: string;
  hint: string;
  value: string;
  error: string | undefined;
  disabled: boolean;
  onChange: (value: string) => void;
}

/** An email address input with its hint and the server's field error. */
const AddressField = ({ name, label, hint, value, error, disabled, onChange }: AddressFieldProps) => (
  <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
    <Field.Root name={name} error={error} hint={hint}>
      <Field.Label>{label}</Field.Label>
      <TextInput type="email" value={value} disabled={disabled} onChange={(event: React.ChangeEvent<HTMLInputElement>) => onChange(event.target.value)} />
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  </Grid.Item>
);

/**
 * G8: Settings > Live Chat > Email: which emails the plugin sends, the follow-up delay, the team's
 * address for missed chats and the sender. The server validates; its field errors show inline.
 */
const EmailSettingsPage = () => {
  const tr = useT();
  const api = useEmailSettingsApi();
  const { toggleNotification } = useNotification();
  const [stored, setStored] = React.useState<EmailSettings | null>(null);
  const [draft, setDraft] = React.useState<EmailSettings | null>(null);
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const [saving, setSaving] = React.useState(false);

  React.useEffect(() => {
    let live = true;
    api
      .get()
      .then((settings) => {
        if (!live) return;
        setStored(settings);
        setDraft(settings);
      })
      .catch((error: unknown) => live && toggleNotification({ type: 'danger', message: apiProblem(error).message }));
    return () => {
      live = false;
    };
  }, [api, toggleNotification]);

  if (!draft || !stored) return <Page.Loading />;
  const change = <K extends keyof EmailSettings>(key: K, value: EmailSettings[K]) => setDraft({ ...draft, [key]: value });
  const dirty = JSON.stringify(draft) !== JSON.stringify(stored);

  const save = async () => {
    setSaving(true);
    try {
      const saved = await api.set(draft);
      setStored(saved);
      setDraft(saved);
      setErrors({});
      toggleNotification({ type: 'success', message: tr('email.saved', 'Email settings saved') });
    } catch (error) {
      const problem = apiProblem(error);
      setErrors(problem.fields);
      toggleNotification({ type: 'danger', message: problem.message });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Page.Main>
      <Page.Title>{tr('email.title', 'Email')}</Page.Title>
      <Layouts.Header title={tr('email.title', 'Email')} subtitle={tr('email.subtitle', "Emails to visitors and to your team, sent through Strapi's email plugin")} />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <SettingsSection
            title={tr('email.section', 'Emails')}
            description={tr('email.description', "Sent with the email provider configured for Strapi's email plugin (config/plugins).")}
            onSave={() => void save()}
            dirty={dirty}
            saving={saving}
          >
            <Grid.Root gap={5}>
              {SWITCHES.map(([key, id, fallback]) => (
                <Grid.Item key={key} col={6} s={12} direction="column" alignItems="stretch">
                  <Field.Root name={key} error={errors[key]}>
                    <Field.Label>{tr(id, fallback)}</Field.Label>
                    <Toggle
                      onLabel={tr('notifications.on', 'On')}
                      offLabel={tr('notifications.off', 'Off')}
                      checked={draft[key]}
                      disabled={saving}
                      onChange={(event) => change(key, event.currentTarget.checked)}
                    />
                    <Field.Error />
                  </Field.Root>
                </Grid.Item>
              ))}
              <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                <Field.Root name="followUpDelaySeconds" error={errors.followUpDelaySeconds} hint={tr('email.followUpDelay.hint', 'How long the visitor must be gone before unseen replies are emailed (300 = 5 minutes)')}>
                  <Field.Label>{tr('email.followUpDelay', 'Follow-up delay (seconds)')}</Field.Label>
                  <NumberInput
                    value={draft.followUpDelaySeconds}
                    disabled={saving}
                    onValueChange={(value) => change('followUpDelaySeconds', value ?? 0)}
                  />
                  <Field.Hint />
                  <Field.Error />
                </Field.Root>
              </Grid.Item>
              <AddressField
                name="teamAddress"
                label={tr('email.teamAddress', "Team's address")}
                hint={tr('email.teamAddress.hint', 'Missed chats with a visitor email go here; empty sends none')}
                value={draft.teamAddress}
                error={errors.teamAddress}
                disabled={saving}
                onChange={(value) => change('teamAddress', value)}
              />
              <AddressField
                name="fromAddress"
                label={tr('email.fromAddress', 'From address')}
                hint={tr('email.fromAddress.hint', "Empty uses the email plugin's default sender")}
                value={draft.fromAddress}
                error={errors.fromAddress}
                disabled={saving}
                onChange={(value) => change('fromAddress', value)}
              />
            </Grid.Root>
          </SettingsSection>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

/** Guarded like Strapi's own settings pages. */
export const ProtectedEmailSettingsPage = () => (
  <Page.Protect permissions={EMAIL_SETTINGS_PERMISSIONS}>
    <EmailSettingsPage />
  </Page.Protect>
);

export default ProtectedEmailSettingsPage;
