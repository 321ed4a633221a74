import { useFetchClient } from '@strapi/strapi/admin';
import * as React from 'react';
import { PLUGIN_ID, type NotificationKind } from '../../../shared/constants';
import type { MeResponse } from '../../../shared/contracts/admin';
import type { PlaybookListResponse } from '../../../shared/contracts/playbooks';

/** D3: one set of switches, company-wide or an agent's own (server: services/notification-settings.ts). */
export type NotificationPreferences = Record<NotificationKind, boolean> & { sound: boolean };
export type NotificationPreferencesChange = Partial<NotificationPreferences>;

/** GET|PUT /live-chat/me/notifications answers both: what the company allows and what the agent chose. */
export interface MyNotificationSettings {
  company: NotificationPreferences;
  mine: NotificationPreferences;
}

const settings = `/${PLUGIN_ID}/settings/notifications`;
const mine = `/${PLUGIN_ID}/me/notifications`;

/** The notification settings' admin API (D1–D3). */
export function useNotificationSettingsApi() {
  const { get, put } = useFetchClient();
  return React.useMemo(
    () => ({
      me: async () => (await get<MeResponse>(`/${PLUGIN_ID}/me`)).data.data,
      company: async () => (await get<{ data: NotificationPreferences }>(settings)).data.data,
      setCompany: async (change: NotificationPreferencesChange) =>
        (await put<{ data: NotificationPreferences }>(settings, change)).data.data,
      mine: async () => (await get<{ data: MyNotificationSettings }>(mine)).data.data,
      setMine: async (change: NotificationPreferencesChange) => (await put<{ data: MyNotificationSettings }>(mine, change)).data.data,
      playbooks: async () => (await get<PlaybookListResponse>(`/${PLUGIN_ID}/playbooks`)).data.data,
    }),
    [get, put],
  );
}

/**
 * Same-window signal that the agent changed their own settings, so a mounted inbox picks up the
 * sound switch without a reload (the settings page and the inbox are separate React trees' routes).
 */
export const PREFERENCES_CHANGED_EVENT = 'live-chat:notification-preferences-changed';
