import { useNotification } from '@strapi/strapi/admin';
import * as React from 'react';
import type { SubjectSummaryView } from '../../../../shared/contracts/personal-data';
import { apiProblem } from '../../api/problem';
import { usePersonalDataApi } from '../../api/personal-data';
import { useT } from '../../hooks/useT';

/** What the side panel's "…" menu and the erase dialog share (F5). */
export interface PersonalDataActions {
  exportArchive: () => Promise<void>;
  openErase: () => Promise<void>;
  /** The person about to be erased while the dialog is open, else null. */
  pending: SubjectSummaryView | null;
  cancel: () => void;
  erase: (typed: string) => Promise<void>;
  busy: boolean;
}

/**
 * F5 from the side panel: the subject is the conversation's person (else its visitor), across all
 * their conversations; the server decides who that is and whether the admin may (B6).
 */
export function usePersonalDataActions(documentId: string): PersonalDataActions {
  const tr = useT();
  const api = usePersonalDataApi();
  const { toggleNotification } = useNotification();
  const [pending, setPending] = React.useState<SubjectSummaryView | null>(null);
  const [busy, setBusy] = React.useState(false);
  const fail = React.useCallback((error: unknown) => toggleNotification({ type: 'danger', message: apiProblem(error).message }), [toggleNotification]);

  const exportArchive = React.useCallback(async () => {
    try {
      const blob = await api.exportArchive('conversation', documentId);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `personal-data-${documentId}.zip`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      fail(error);
    }
  }, [api, documentId, fail]);

  const openErase = React.useCallback(async () => {
    try {
      setPending(await api.describe('conversation', documentId));
    } catch (error) {
      fail(error);
    }
  }, [api, documentId, fail]);

  const erase = React.useCallback(
    async (typed: string) => {
      if (!pending) return;
      setBusy(true);
      try {
        const { counts } = await api.erase(pending.kind, pending.documentId, typed);
        toggleNotification({ type: 'success', message: tr('personalData.erased', 'Erased: {count, plural, one {# conversation} other {# conversations}}', { count: counts.conversations ?? 0 }) });
        setPending(null);
      } catch (error) {
        fail(error);
      } finally {
        setBusy(false);
      }
    },
    [api, pending, fail, toggleNotification, tr],
  );

  return { exportArchive, openErase, pending, cancel: () => setPending(null), erase, busy };
}
