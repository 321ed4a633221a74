import { useFetchClient } from '@strapi/strapi/admin';
import type { MessageAudience } from '../../../shared/constants';
import * as React from 'react';
import { PLUGIN_ID, type AgentAvailability } from '../../../shared/constants';
import type { MeResponse } from '../../../shared/contracts/admin';
import type {
  AgentRef,
  ConversationContextResponse,
  ConversationFolder,
  ConversationListResponse,
  ConversationResponse,
  TimelineEntry,
  TimelineResponse,
} from '../../../shared/contracts/conversations';

const base = `/${PLUGIN_ID}`;
const conversation = (documentId: string) => `${base}/conversations/${encodeURIComponent(documentId)}`;

export interface FolderQuery {
  folder: ConversationFolder;
  search?: string;
  cursor?: string;
  limit?: number;
}

/** Only set parameters are sent: the server's query schema is strict about empty strings. */
function queryString(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** The inbox's admin API (server: routes/admin.ts, docs/api.md), typed by the shared contracts. */
export function useInboxApi() {
  const { get, post, put } = useFetchClient();
  return React.useMemo(
    () => ({
      me: async () => (await get<MeResponse>(`${base}/me`)).data.data,
      list: async ({ folder, search, cursor, limit }: FolderQuery) =>
        (await get<ConversationListResponse>(`${base}/conversations${queryString({ folder, search, cursor, limit })}`)).data,
      get: async (documentId: string) => (await get<ConversationResponse>(conversation(documentId))).data.data,
      /** The newest page without `beforeSeq`; older history with it (B7). */
      timeline: async (documentId: string, page: { beforeSeq?: number; afterSeq?: number; limit?: number } = {}) =>
        (await get<TimelineResponse>(`${conversation(documentId)}/messages${queryString(page)}`)).data,
      /** E2 fallback when the socket is down; the same clientId makes a retry idempotent. */
      send: async (documentId: string, body: { clientId: string; body: string; audience?: MessageAudience }) =>
        (await post<{ data: TimelineEntry }>(`${conversation(documentId)}/messages`, body)).data.data,
      /** G4: one file as a message; the same clientId makes a retry store nothing twice. */
      uploadAttachment: async (documentId: string, clientId: string, file: File) => {
        const form = new FormData();
        form.append('clientId', clientId);
        form.append('files', file, file.name);
        return (await post<{ data: TimelineEntry }>(`${conversation(documentId)}/attachments`, form)).data.data;
      },
      assignToMe: async (documentId: string) => (await post<ConversationResponse>(`${conversation(documentId)}/assign`)).data.data,
      reassign: async (documentId: string, agentId: number | null) =>
        (await post<ConversationResponse>(`${conversation(documentId)}/reassign`, { agentId })).data.data,
      close: async (documentId: string) => (await post<ConversationResponse>(`${conversation(documentId)}/close`)).data.data,
      /** G2: the visitor's context and earlier conversations (B6 applied by the server). */
      context: async (documentId: string) => (await get<ConversationContextResponse>(`${conversation(documentId)}/context`)).data.data,
      agents: async () => (await get<{ data: AgentRef[] }>(`${base}/agents`)).data.data,
      availability: async () => (await get<{ data: { availability: AgentAvailability } }>(`${base}/availability`)).data.data.availability,
      setAvailability: async (availability: AgentAvailability) =>
        (await put<{ data: { availability: AgentAvailability } }>(`${base}/availability`, { availability })).data.data.availability,
    }),
    [get, post, put],
  );
}

export type InboxApi = ReturnType<typeof useInboxApi>;
