import { useFetchClient } from '@strapi/strapi/admin';
import * as React from 'react';
import { PLUGIN_ID } from '../../../shared/constants';
import type { EmailSettings } from '../../../shared/contracts/email';

const path = `/${PLUGIN_ID}/settings/email`;

/** G8: the company's email settings (server: services/email-settings.ts). */
export function useEmailSettingsApi() {
  const { get, put } = useFetchClient();
  return React.useMemo(
    () => ({
      get: async () => (await get<{ data: EmailSettings }>(path)).data.data,
      set: async (settings: EmailSettings) => (await put<{ data: EmailSettings }>(path, settings)).data.data,
    }),
    [get, put],
  );
}
