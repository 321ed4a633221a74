import { useFetchClient } from '@strapi/strapi/admin';
import * as React from 'react';
import { PLUGIN_ID } from '../../../shared/constants';
import type { MeResponse } from '../../../shared/contracts/admin';
import type {
  CannedReplyDeletedResponse,
  CannedReplyListResponse,
  CannedReplyResponse,
  ComposerCannedReplyListResponse,
  CreateCannedReplyBody,
  UpdateCannedReplyBody,
} from '../../../shared/contracts/canned-replies';

const base = `/${PLUGIN_ID}/canned-replies`;
const inLocale = (locale: string | undefined) => (locale === undefined ? '' : `?locale=${encodeURIComponent(locale)}`);
const one = (documentId: string, locale?: string) => `${base}/${encodeURIComponent(documentId)}${inLocale(locale)}`;

/** The canned replies' admin API (G3; server: routes/canned-reply-admin.ts), typed by the shared contracts. */
export function useCannedReplyApi() {
  const { get, post, put, del } = useFetchClient();
  return React.useMemo(
    () => ({
      me: async () => (await get<MeResponse>(`/${PLUGIN_ID}/me`)).data.data,
      list: async (locale?: string) => (await get<CannedReplyListResponse>(`${base}${inLocale(locale)}`)).data,
      create: async (body: CreateCannedReplyBody, locale?: string) => (await post<CannedReplyResponse>(`${base}${inLocale(locale)}`, body)).data.data,
      /** Changes the copy in `locale`, or creates it (then every field is needed). */
      update: async (documentId: string, body: UpdateCannedReplyBody, locale?: string) =>
        (await put<CannedReplyResponse>(one(documentId, locale), body)).data.data,
      /** Deletes the copy in `locale`, or the whole reply without one. */
      remove: async (documentId: string, locale?: string) => (await del<CannedReplyDeletedResponse>(one(documentId, locale))).data.data,
      /** The composer's picker: the replies in the conversation's language. */
      forConversation: async (conversationDocumentId: string) =>
        (await get<ComposerCannedReplyListResponse>(`/${PLUGIN_ID}/conversations/${encodeURIComponent(conversationDocumentId)}/canned-replies`)).data,
    }),
    [get, post, put, del],
  );
}
export type CannedReplyApi = ReturnType<typeof useCannedReplyApi>;
