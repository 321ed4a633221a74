import { useNotification } from '@strapi/strapi/admin';
import * as React from 'react';
import type { PlaybookCard, PlaybookDetail } from '../../../shared/contracts/playbooks';
import { apiProblem, usePlaybookApi } from '../api/playbooks';
import { patternsOf, type SettingsForm } from '../components/PlaybookSettings';
import { useT } from './useT';

const formOf = (p: PlaybookDetail): SettingsForm => ({ name: p.name, active: p.active, patterns: p.targetUrlPatterns.join('\n') });

/** Splits the server's field errors into the playbook's own fields and each card's (`cards.<id>.settings.next` → `settings.next`). */
function splitErrors(fields: Record<string, string>) {
  const settings: Record<string, string> = {};
  const byCard: Record<string, Record<string, string>> = {};
  for (const [path, message] of Object.entries(fields)) {
    const [head, cardId, ...rest] = path.split('.');
    if (head === 'cards' && cardId) byCard[cardId] = { ...byCard[cardId], [rest.join('.')]: message };
    else settings[path] = message;
  }
  return { settings, byCard };
}

/**
 * The editor's state and actions (A1–A3, A8). Card changes are stored in the draft at once; Save
 * stores the settings form and publishes the whole playbook, reporting errors where they belong.
 */
export function usePlaybookEditor(documentId: string) {
  const tr = useT();
  const api = usePlaybookApi();
  const { toggleNotification } = useNotification();
  const [playbook, setPlaybook] = React.useState<PlaybookDetail | null>(null);
  const [missing, setMissing] = React.useState(false);
  const [form, setForm] = React.useState<SettingsForm>({ name: '', active: false, patterns: '' });
  const [settingsErrors, setSettingsErrors] = React.useState<Record<string, string>>({});
  const [cardErrors, setCardErrors] = React.useState<Record<string, Record<string, string>>>({});
  const [busy, setBusy] = React.useState(false);

  const load = React.useCallback(
    async (resetForm: boolean) => {
      try {
        const fresh = await api.get(documentId);
        setPlaybook(fresh);
        if (resetForm) setForm(formOf(fresh));
      } catch {
        setMissing(true);
      }
    },
    [api, documentId],
  );
  React.useEffect(() => {
    void load(true);
  }, [load]);

  const dirty = playbook !== null && JSON.stringify(formOf(playbook)) !== JSON.stringify({ ...form, patterns: patternsOf(form.patterns).join('\n') });

  /** Runs one write, then reloads the draft (unless it is gone); a refusal is shown as a notification. */
  async function run(action: () => Promise<unknown>, success?: string, reload = true): Promise<boolean> {
    setBusy(true);
    try {
      await action();
      if (success) toggleNotification({ type: 'success', message: success });
      if (reload) await load(false);
      return true;
    } catch (e) {
      toggleNotification({ type: 'danger', message: apiProblem(e).message });
      return false;
    } finally {
      setBusy(false);
    }
  }

  return {
    playbook,
    missing,
    form,
    setForm,
    dirty,
    busy,
    settingsErrors,
    cardErrors,
    reload: () => load(false),

    /** Save (A1): stores the settings, then publishes; errors go to the fields and cards they name. */
    async save() {
      setBusy(true);
      try {
        if (dirty) await api.update(documentId, { name: form.name, active: form.active, targetUrlPatterns: patternsOf(form.patterns) });
        const saved = await api.publish(documentId);
        setPlaybook(saved);
        setForm(formOf(saved));
        setSettingsErrors({});
        setCardErrors({});
        toggleNotification({ type: 'success', message: tr('editor.saved', 'Playbook saved and published') });
      } catch (e) {
        const problem = apiProblem(e);
        const { settings, byCard } = splitErrors(problem.fields);
        setSettingsErrors(settings);
        setCardErrors(byCard);
        toggleNotification({ type: 'danger', message: problem.message });
      } finally {
        setBusy(false);
      }
    },

    unpublish: () => run(() => api.unpublish(documentId), tr('editor.unpublished', 'Playbook unpublished')),
    removePlaybook: () => run(() => api.remove(documentId), tr('editor.deleted', 'Playbook deleted'), false),
    deleteCard: (card: PlaybookCard) => run(() => api.deleteCard(documentId, card.documentId), tr('editor.cardDeleted', 'Card deleted')),

    /** Moves a card one place up or down (A1: reorder). */
    moveCard(card: PlaybookCard, offset: -1 | 1) {
      if (!playbook) return Promise.resolve(false);
      const ids = playbook.cards.map((c) => c.documentId);
      const from = ids.indexOf(card.documentId);
      const to = from + offset;
      if (from < 0 || to < 0 || to >= ids.length) return Promise.resolve(false);
      [ids[from], ids[to]] = [ids[to] as string, ids[from] as string];
      return run(() => api.reorderCards(documentId, ids));
    },
  };
}
