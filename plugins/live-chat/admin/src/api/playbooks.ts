import { useFetchClient } from '@strapi/strapi/admin';
import * as React from 'react';
import { PLUGIN_ID } from '../../../shared/constants';
import type { MeResponse } from '../../../shared/contracts/admin';
import type {
  CreateCardBody,
  CreatePlaybookCopyBody,
  CreatePlaybookBody,
  DeletedResponse,
  PlaybookCardListResponse,
  PlaybookCardResponse,
  PlaybookDetailResponse,
  PlaybookListResponse,
  UpdateCardBody,
  UpdatePlaybookBody,
} from '../../../shared/contracts/playbooks';

const base = `/${PLUGIN_ID}/playbooks`;
/** `?locale=` for a copy (E5); nothing for the default locale (`undefined`). */
const inLocale = (locale: string | undefined) => (locale === undefined ? '' : `?locale=${encodeURIComponent(locale)}`);

/** The playbook screens' admin API (server: routes/playbook-admin.ts), typed by the shared contracts. */
export function usePlaybookApi() {
  const { get, post, put, del } = useFetchClient();
  return React.useMemo(() => {
    const cards = (id: string) => `${base}/${id}/cards`;
    return {
      me: async () => (await get<MeResponse>(`/${PLUGIN_ID}/me`)).data.data,
      list: async () => (await get<PlaybookListResponse>(base)).data.data,
      get: async (id: string, locale?: string) => (await get<PlaybookDetailResponse>(`${base}/${id}${inLocale(locale)}`)).data.data,
      create: async (body: CreatePlaybookBody) => (await post<PlaybookDetailResponse>(base, body)).data.data,
      update: async (id: string, body: UpdatePlaybookBody, locale?: string) =>
        (await put<PlaybookDetailResponse>(`${base}/${id}${inLocale(locale)}`, body)).data.data,
      publish: async (id: string, locale?: string) => (await post<PlaybookDetailResponse>(`${base}/${id}/publish${inLocale(locale)}`)).data.data,
      createCopy: async (id: string, locale: string, body: CreatePlaybookCopyBody) =>
        (await post<PlaybookDetailResponse>(`${base}/${id}/locales/${encodeURIComponent(locale)}`, body)).data.data,
      unpublish: async (id: string) => (await post<PlaybookDetailResponse>(`${base}/${id}/unpublish`)).data.data,
      remove: async (id: string) => (await del<DeletedResponse>(`${base}/${id}`)).data.data,
      addCard: async (id: string, body: CreateCardBody) => (await post<PlaybookCardResponse>(cards(id), body)).data.data,
      updateCard: async (id: string, cardId: string, body: UpdateCardBody, locale?: string) =>
        (await put<PlaybookCardResponse>(`${cards(id)}/${cardId}${inLocale(locale)}`, body)).data.data,
      deleteCard: async (id: string, cardId: string) => (await del<DeletedResponse>(`${cards(id)}/${cardId}`)).data.data,
      reorderCards: async (id: string, cardDocumentIds: string[]) =>
        (await put<PlaybookCardListResponse>(`${cards(id)}/order`, { cardDocumentIds })).data.data,
    };
  }, [get, post, put, del]);
}
