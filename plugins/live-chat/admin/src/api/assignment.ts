import { useFetchClient } from '@strapi/strapi/admin';
import * as React from 'react';
import { PLUGIN_ID } from '../../../shared/constants';
import type { AgentCapacityResponse, AssignmentSettingsResponse } from '../../../shared/contracts/assignment';

const base = `/${PLUGIN_ID}/settings/assignment`;

/** G7: agents' capacities for auto-assignment (server: controllers/admin-assignment.ts). */
export function useAssignmentApi() {
  const { get, put } = useFetchClient();
  return React.useMemo(
    () => ({
      settings: async () => (await get<AssignmentSettingsResponse>(base)).data.data,
      setCapacity: async (agentId: number, maxOpenChats: number | null) =>
        (await put<AgentCapacityResponse>(`${base}/agents/${agentId}`, { maxOpenChats })).data.data,
    }),
    [get, put],
  );
}
