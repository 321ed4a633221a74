import { useFetchClient } from '@strapi/strapi/admin';
import * as React from 'react';
import { PLUGIN_ID } from '../../../shared/constants';
import type { AnalyticsResponse } from '../../../shared/contracts/analytics';

/** The query the Analytics page sends; the server validates it (shared/contracts/analytics.ts). */
export interface AnalyticsParams {
  from: string;
  to: string;
  timeZone: string;
  agent?: number;
  playbook?: string;
}

const queryOf = (params: AnalyticsParams) => {
  const search = new URLSearchParams({ from: params.from, to: params.to, timeZone: params.timeZone });
  if (params.agent !== undefined) search.set('agent', String(params.agent));
  if (params.playbook !== undefined) search.set('playbook', params.playbook);
  return search.toString();
};

/** The analytics admin API (issue 16; server: routes/analytics-admin.ts). */
export function useAnalyticsApi() {
  const { get } = useFetchClient();
  return React.useMemo(
    () => ({
      report: async (params: AnalyticsParams) => (await get<AnalyticsResponse>(`/${PLUGIN_ID}/analytics?${queryOf(params)}`)).data,
      /** The server's CSV of the same report, as text. */
      csv: async (params: AnalyticsParams) =>
        (await get<string>(`/${PLUGIN_ID}/analytics/export?${queryOf(params)}`, { responseType: 'text' })).data,
    }),
    [get],
  );
}
