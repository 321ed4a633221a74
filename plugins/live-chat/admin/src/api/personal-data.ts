import { useFetchClient } from '@strapi/strapi/admin';
import * as React from 'react';
import { PLUGIN_ID } from '../../../shared/constants';
import type { SubjectSummaryView } from '../../../shared/contracts/personal-data';
import type { RetentionSettings, SubjectKind } from '../../../shared/domain/personal-data';

const subject = (kind: SubjectKind, documentId: string) => `/${PLUGIN_ID}/personal-data/${kind}/${encodeURIComponent(documentId)}`;

/** F5, G9: the personal data admin API (docs/api.md), typed by the shared contracts. */
export function usePersonalDataApi() {
  const { get, post, put } = useFetchClient();
  return React.useMemo(
    () => ({
      describe: async (kind: SubjectKind, documentId: string) => (await get<{ data: SubjectSummaryView }>(subject(kind, documentId))).data.data,
      /** The zip, as a Blob the page offers as a download. */
      exportArchive: async (kind: SubjectKind, documentId: string) =>
        (await get<Blob>(`${subject(kind, documentId)}/export`, { responseType: 'blob' })).data,
      erase: async (kind: SubjectKind, documentId: string, confirm: string) =>
        (await post<{ data: { counts: Record<string, number> } }>(`${subject(kind, documentId)}/erase`, { confirm })).data.data,
      retention: async () => (await get<{ data: RetentionSettings }>(`/${PLUGIN_ID}/settings/retention`)).data.data,
      saveRetention: async (settings: RetentionSettings) =>
        (await put<{ data: RetentionSettings }>(`/${PLUGIN_ID}/settings/retention`, settings)).data.data,
      /** The dry run for `days` (not saved yet). */
      previewRetention: async (days: number) =>
        (await get<{ data: { due: number; cutoff: string | null } }>(`/${PLUGIN_ID}/settings/retention/preview?days=${days}`)).data.data,
    }),
    [get, post, put],
  );
}
