import { useFetchClient } from '@strapi/strapi/admin';
import * as React from 'react';
import { PLUGIN_ID } from '../../../shared/constants';
import type { MeResponse } from '../../../shared/contracts/admin';
import type { CsatSettings } from '../../../shared/domain/satisfaction';

const path = `/${PLUGIN_ID}/settings/csat`;

/** Issue 16 (G6): the CSAT switch's admin API (server: services/satisfaction.ts). */
export function useCsatSettingsApi() {
  const { get, put } = useFetchClient();
  return React.useMemo(
    () => ({
      me: async () => (await get<MeResponse>(`/${PLUGIN_ID}/me`)).data.data,
      get: async () => (await get<{ data: CsatSettings }>(path)).data.data,
      set: async (settings: CsatSettings) => (await put<{ data: CsatSettings }>(path, settings)).data.data,
    }),
    [get, put],
  );
}
