import * as React from 'react';
import type { ConversationDetail, SidePanelValues } from '../../../../shared/contracts/conversations';
import { apiProblem } from '../../api/problem';
import { useSidePanelApi } from '../../api/side-panel';
import { useT } from '../../hooks/useT';
import type { Notice } from './PanelNotice';
import { fieldErrors, isDirty, toForm, toInput, type SidePanelField, type SidePanelForm } from './form';

/**
 * C1: the side panel's form state and Save. The stored values come from the conversation; while the
 * agent has no unsaved edits, a newer stored version (saved in another tab, say) replaces the form.
 * Validation is the server's: its field errors (Strapi's `details.errors[].path`) land on the fields.
 */
export function useSidePanelForm(
  conversation: ConversationDetail,
  onChange: (detail: ConversationDetail) => void,
  announce: (notice: Notice) => void,
) {
  const tr = useT();
  const api = useSidePanelApi();
  const [form, setForm] = React.useState<SidePanelForm>(() => toForm(conversation.sidePanel));
  const [errors, setErrors] = React.useState<Partial<Record<SidePanelField, string>>>({});
  const [saving, setSaving] = React.useState(false);
  const stored = React.useRef<{ documentId: string; values: SidePanelValues }>({
    documentId: conversation.documentId,
    values: conversation.sidePanel,
  });
  const formRef = React.useRef(form);
  formRef.current = form;

  React.useEffect(() => {
    const previous = stored.current;
    stored.current = { documentId: conversation.documentId, values: conversation.sidePanel };
    const otherConversation = previous.documentId !== conversation.documentId;
    if (otherConversation || !isDirty(formRef.current, previous.values)) {
      setForm(toForm(conversation.sidePanel));
      if (otherConversation) setErrors({});
    }
  }, [conversation.documentId, conversation.sidePanel]);

  const setField = React.useCallback(<K extends keyof SidePanelForm>(field: K, value: SidePanelForm[K]) => {
    setForm((current) => ({ ...current, [field]: value }));
    // The old message is about the old value; the next Save answers for the new one.
    setErrors((current) => (current[field] === undefined ? current : { ...current, [field]: undefined }));
  }, []);

  /** Saves every field; resolves with the refreshed conversation, or null when the API refused it. */
  const save = React.useCallback(async (): Promise<ConversationDetail | null> => {
    const documentId = conversation.documentId;
    setSaving(true);
    try {
      const detail = await api.save(documentId, toInput(formRef.current));
      setErrors({});
      stored.current = { documentId, values: detail.sidePanel };
      setForm(toForm(detail.sidePanel));
      onChange(detail);
      announce({ tone: 'success', text: tr('sidePanel.saved', 'Details saved') });
      return detail;
    } catch (error) {
      const problem = apiProblem(error);
      const byField = fieldErrors(problem.fields);
      setErrors(byField);
      if (Object.keys(byField).length === 0) announce({ tone: 'danger', text: problem.message });
      return null;
    } finally {
      setSaving(false);
    }
  }, [api, conversation.documentId, onChange, announce, tr]);

  return {
    form,
    setField,
    errors,
    saving,
    save,
    dirty: isDirty(form, conversation.sidePanel),
  };
}
