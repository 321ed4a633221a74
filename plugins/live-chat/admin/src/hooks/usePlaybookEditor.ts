import { useNotification } from '@strapi/strapi/admin';
import * as React from 'react';
import type { PlaybookCard, PlaybookDetail, PlaybookLocale } from '../../../shared/contracts/playbooks';
import { apiProblem } from '../api/problem';
import { usePlaybookApi } from '../api/playbooks';
import { patternsOf, type SettingsForm } from '../components/PlaybookSettings';
import { useT } from './useT';

const formOf = (p: PlaybookDetail): SettingsForm => ({
  name: p.name,
  active: p.active,
  patterns: p.targetUrlPatterns.join('\n'),
});

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
 * The editor's state and actions (A1–A3, A8, E5). Card changes are stored in the draft at once;
 * Save stores the settings form and publishes the playbook in the chosen locale, reporting errors
 * where they belong. In another locale than the default, the editor works on that copy's texts.
 */
export function usePlaybookEditor(documentId: string) {
  const tr = useT();
  const api = usePlaybookApi();
  const { toggleNotification } = useNotification();
  const [playbook, setPlaybook] = React.useState<PlaybookDetail | null>(null);
  const [missing, setMissing] = React.useState(false);
  /** The locale the editor works in; null: the default locale. */
  const [locale, setLocale] = React.useState<string | null>(null);
  /** The chosen locale when the playbook has no copy there yet (the page offers to create it). */
  const [missingCopy, setMissingCopy] = React.useState<PlaybookLocale | null>(null);
  const [form, setForm] = React.useState<SettingsForm>({
    name: '',
    active: false,
    patterns: '',
  });
  const [settingsErrors, setSettingsErrors] = React.useState<Record<string, string>>({});
  const [cardErrors, setCardErrors] = React.useState<Record<string, Record<string, string>>>({});
  const [busy, setBusy] = React.useState(false);

  const load = React.useCallback(
    async (resetForm: boolean) => {
      try {
        const base = await api.get(documentId);
        const chosen = locale === null ? undefined : base.locales.find((l) => l.code === locale && !l.isDefault);
        const fresh = chosen?.hasCopy ? await api.get(documentId, chosen.code) : base;
        setMissingCopy(chosen && !chosen.hasCopy ? chosen : null);
        setPlaybook(fresh);
        if (resetForm) setForm(formOf(fresh));
      } catch {
        setMissing(true);
      }
    },
    [api, documentId, locale],
  );
  React.useEffect(() => {
    void load(true);
  }, [load]);

  const dirty =
    playbook !== null &&
    JSON.stringify(formOf(playbook)) !==
      JSON.stringify({
        ...form,
        patterns: patternsOf(form.patterns).join('\n'),
      });
  /** The copy's locale when the editor works on one (sent as `?locale=`), else undefined. */
  const copyLocale = playbook && playbook.locale !== playbook.defaultLocale ? playbook.locale : undefined;
  const localeName = (code: string | undefined) => playbook?.locales.find((l) => l.code === code)?.name ?? code ?? '';

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
    /** E5: the locale the editor works in (null: the default), and the copy to create when it has none. */
    locale,
    copyLocale,
    missingCopy,
    localeName,
    /** Switches the editor to another locale (its copy, or the offer to create one). */
    chooseLocale(code: string) {
      setSettingsErrors({});
      setCardErrors({});
      setLocale(playbook && code === playbook.defaultLocale ? null : code);
    },

    /** E5: creates the chosen locale's copy from the texts of `from`, then edits it. */
    createCopy: (from: string) =>
      run(
        async () => {
          if (!missingCopy) return;
          const created = await api.createCopy(documentId, missingCopy.code, {
            from,
          });
          setPlaybook(created);
          setForm(formOf(created));
          setMissingCopy(null);
        },
        tr('editor.copyCreated', '{language} copy created', {
          language: missingCopy?.name ?? '',
        }),
        false,
      ),

    /** Save (A1): stores the settings, then publishes this locale; errors go to the fields and cards they name. */
    async save() {
      setBusy(true);
      try {
        if (dirty && copyLocale !== undefined) await api.update(documentId, { name: form.name }, copyLocale);
        else if (dirty)
          await api.update(documentId, {
            name: form.name,
            active: form.active,
            targetUrlPatterns: patternsOf(form.patterns),
          });
        const saved = await api.publish(documentId, copyLocale);
        setPlaybook(saved);
        setForm(formOf(saved));
        setSettingsErrors({});
        setCardErrors({});
        const message =
          copyLocale === undefined
            ? tr('editor.saved', 'Playbook saved and published')
            : tr('editor.savedCopy', '{language} texts saved and published', {
                language: localeName(copyLocale),
              });
        toggleNotification({ type: 'success', message });
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
