import { useFetchClient } from '@strapi/strapi/admin';
import * as React from 'react';
import { PLUGIN_ID } from '../../../shared/constants';
import type { ConversationResponse } from '../../../shared/contracts/conversations';
import type { ConversationCrmRecordsResponse, CreatedCrmRecordResponse } from '../../../shared/contracts/crm';
import type { SidePanelInput } from '../../../shared/domain/side-panel';

const conversation = (documentId: string) => `/${PLUGIN_ID}/conversations/${encodeURIComponent(documentId)}`;

/** The side panel's admin API (C1, C2; docs/api.md), typed by the shared contracts. */
export function useSidePanelApi() {
  const { get, post, put } = useFetchClient();
  return React.useMemo(
    () => ({
      detail: async (documentId: string) => (await get<ConversationResponse>(conversation(documentId))).data.data,
      save: async (documentId: string, values: SidePanelInput) =>
        (await put<ConversationResponse>(`${conversation(documentId)}/side-panel`, values)).data.data,
      createLead: async (documentId: string) => (await post<CreatedCrmRecordResponse>(`${conversation(documentId)}/leads`, {})).data.data,
      createDeal: async (documentId: string) => (await post<CreatedCrmRecordResponse>(`${conversation(documentId)}/deals`, {})).data.data,
      linkedRecords: async (documentId: string) =>
        (await get<ConversationCrmRecordsResponse>(`${conversation(documentId)}/crm-records`)).data.data,
    }),
    [get, post, put],
  );
}
