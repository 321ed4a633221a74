import { useNotification } from '@strapi/strapi/admin';
import * as React from 'react';
import type { NotificationPreferences, NotificationPreferencesChange } from '../../api/notifications';
import { apiProblem } from '../../api/problem';
import { useT } from '../../hooks/useT';

const KEYS = ['conversationUnassigned', 'conversationAssignedToMe', 'messageInMyConversation', 'sound'] as const;

/** Only the switches that changed: a PUT is a partial update (D3 settings service). */
export function changesBetween(stored: NotificationPreferences, draft: NotificationPreferences): NotificationPreferencesChange {
  const change: NotificationPreferencesChange = {};
  for (const key of KEYS) if (stored[key] !== draft[key]) change[key] = draft[key];
  return change;
}

/** A stored set of switches, a draft the page edits, and Save. */
export function useEditablePreferences(save: (change: NotificationPreferencesChange) => Promise<NotificationPreferences>) {
  const tr = useT();
  const { toggleNotification } = useNotification();
  const [stored, setStored] = React.useState<NotificationPreferences | null>(null);
  const [draft, setDraft] = React.useState<NotificationPreferences | null>(null);
  const [saving, setSaving] = React.useState(false);

  const load = React.useCallback((values: NotificationPreferences) => {
    setStored(values);
    setDraft(values);
  }, []);

  const change = React.useCallback((key: keyof NotificationPreferences, value: boolean) => {
    setDraft((current) => (current ? { ...current, [key]: value } : current));
  }, []);

  const dirty = stored !== null && draft !== null && Object.keys(changesBetween(stored, draft)).length > 0;

  const submit = React.useCallback(async () => {
    if (!stored || !draft) return;
    const changes = changesBetween(stored, draft);
    if (Object.keys(changes).length === 0) return;
    setSaving(true);
    try {
      load(await save(changes));
      toggleNotification({ type: 'success', message: tr('notifications.settings.saved', 'Notification settings saved') });
    } catch (error) {
      toggleNotification({ type: 'danger', message: apiProblem(error).message });
    } finally {
      setSaving(false);
    }
  }, [draft, load, save, stored, toggleNotification, tr]);

  return { stored, draft, load, change, dirty, saving, submit };
}
