import { Button, Field, Flex, Modal, NumberInput, Textarea, TextInput, Typography } from '@strapi/design-system';
import * as React from 'react';
import { WAIT_TIME_SECONDS } from '../../../shared/constants';
import type { CreateCardBody, PlaybookCard } from '../../../shared/contracts/playbooks';
import type { RichText } from '../../../shared/domain/rich-text';
import { apiProblem, usePlaybookApi } from '../api/playbooks';
import { useT } from '../hooks/useT';
import { KIND_LABELS, type CardDraft } from '../utils/cards';
import { markupToRichText, richTextToMarkup } from '../utils/rich-text-markup';

interface Props {
  playbookId: string;
  /** A stored card (the pencil) or a new card's starting values (Add card). */
  card: PlaybookCard | CardDraft;
  onClose: () => void;
  onSaved: () => void;
}

const isStored = (card: PlaybookCard | CardDraft): card is PlaybookCard => 'documentId' in card;
const asRichText = (value: unknown): RichText | null => (Array.isArray(value) ? (value as RichText) : null);

/** The form's text state: messages as markup, other settings as JSON. */
function initialForm(card: PlaybookCard | CardDraft) {
  const { message, ...otherSettings } = card.settings;
  return {
    title: card.title ?? '',
    online: richTextToMarkup(card.onlineMessage),
    waitTime: card.waitTimeSeconds ?? WAIT_TIME_SECONDS.default,
    offline: richTextToMarkup(card.offlineMessage),
    message: richTextToMarkup(asRichText(message)),
    settingsJson: JSON.stringify(card.kind === 'bot_message' ? otherSettings : card.settings, null, 2),
  };
}

/** A1–A3: the pencil's form. Field errors come from the server's validation, shown at each field. */
export const CardEditorModal = ({ playbookId, card, onClose, onSaved }: Props) => {
  const tr = useT();
  const api = usePlaybookApi();
  const [form, setForm] = React.useState(() => initialForm(card));
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const [busy, setBusy] = React.useState(false);
  const set = (field: keyof typeof form) => (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
    setForm((f) => ({ ...f, [field]: event.target.value }));
  const isLiveChat = card.kind === 'live_chat';
  const isBotMessage = card.kind === 'bot_message';

  /** The request body, or null when the settings JSON does not parse (reported at the field). */
  function body(): Omit<CreateCardBody, 'kind'> | null {
    let settings: Record<string, unknown> = card.settings;
    if (!isLiveChat) {
      try {
        settings = JSON.parse(form.settingsJson || '{}') as Record<string, unknown>;
      } catch {
        setErrors({ settings: tr('card.error.json', 'The settings are not valid JSON') });
        return null;
      }
      if (isBotMessage) settings = { ...settings, message: markupToRichText(form.message) };
    }
    if (!isLiveChat) return { title: form.title, settings };
    return {
      title: form.title,
      settings,
      onlineMessage: markupToRichText(form.online),
      waitTimeSeconds: form.waitTime,
      offlineMessage: markupToRichText(form.offline),
    };
  }

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const payload = body();
    if (payload === null) return;
    setBusy(true);
    try {
      if (isStored(card)) await api.updateCard(playbookId, card.documentId, payload);
      else await api.addCard(playbookId, { kind: card.kind, ...payload });
      onSaved();
    } catch (e) {
      const problem = apiProblem(e);
      setErrors(Object.keys(problem.fields).length > 0 ? problem.fields : { form: problem.message });
    } finally {
      setBusy(false);
    }
  };

  /** Errors under `settings.…` that no dedicated field shows go to the settings editor. */
  const settingsErrors = Object.entries(errors)
    .filter(([path]) => path === 'settings' || (path.startsWith('settings.') && !(isBotMessage && path.startsWith('settings.message'))))
    .map(([path, message]) => (path === 'settings' ? message : `${path.slice('settings.'.length)}: ${message}`));
  const markupHint = tr('card.markupHint', 'One paragraph per line. "- " starts a bullet; **bold**, _italic_, [link](https://…), ![image](https://…).');
  const kind = tr(`card.kind.${card.kind}`, KIND_LABELS[card.kind]);

  return (
    <Modal.Root open onOpenChange={(open: boolean) => !open && onClose()}>
      <Modal.Content>
        <form onSubmit={submit} noValidate>
          <Modal.Header>
            <Modal.Title>
              {isStored(card) ? tr('card.editTitle', 'Edit {kind}', { kind }) : tr('card.addTitle', 'Add {kind}', { kind })}
            </Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Flex direction="column" alignItems="stretch" gap={4}>
              {errors.form && <Typography textColor="danger600">{errors.form}</Typography>}
              {errors.kind && <Typography textColor="danger600">{errors.kind}</Typography>}
              <Field.Root name="title" error={errors.title} hint={tr('card.titleHint', 'Shown to admins only')}>
                <Field.Label>{tr('card.field.title', 'Title')}</Field.Label>
                <TextInput value={form.title} onChange={set('title')} maxLength={120} />
                <Field.Hint />
                <Field.Error />
              </Field.Root>
              {isLiveChat && (
                <>
                  <Field.Root name="onlineMessage" error={errors.onlineMessage} hint={markupHint} required>
                    <Field.Label>{tr('card.field.onlineMessage', 'Online message')}</Field.Label>
                    <Textarea value={form.online} onChange={set('online')} rows={4} />
                    <Field.Hint />
                    <Field.Error />
                  </Field.Root>
                  <Field.Root
                    name="waitTimeSeconds"
                    error={errors.waitTimeSeconds}
                    hint={tr('card.waitTimeHint', 'How long the visitor waits for an agent ({min}–{max} seconds)', WAIT_TIME_SECONDS)}
                    required
                  >
                    <Field.Label>{tr('card.field.waitTime', 'Wait time (seconds)')}</Field.Label>
                    <NumberInput
                      value={form.waitTime}
                      onValueChange={(value: number | undefined) => setForm((f) => ({ ...f, waitTime: value ?? 0 }))}
                    />
                    <Field.Hint />
                    <Field.Error />
                  </Field.Root>
                  <Field.Root name="offlineMessage" error={errors.offlineMessage} hint={markupHint} required>
                    <Field.Label>{tr('card.field.offlineMessage', 'Offline message')}</Field.Label>
                    <Textarea value={form.offline} onChange={set('offline')} rows={4} />
                    <Field.Hint />
                    <Field.Error />
                  </Field.Root>
                </>
              )}
              {isBotMessage && (
                <Field.Root name="message" error={errors['settings.message']} hint={markupHint} required>
                  <Field.Label>{tr('card.field.message', 'Message')}</Field.Label>
                  <Textarea value={form.message} onChange={set('message')} rows={4} />
                  <Field.Hint />
                  <Field.Error />
                </Field.Root>
              )}
              {!isLiveChat && (
                <Field.Root
                  name="settings"
                  error={settingsErrors.length > 0 ? settingsErrors.join(' · ') : undefined}
                  hint={tr('card.settingsHint', 'The card’s settings as JSON; "next" is the id of the card to go to (shown under each card).')}
                >
                  <Field.Label>{tr('card.field.settings', 'Settings')}</Field.Label>
                  <Textarea value={form.settingsJson} onChange={set('settingsJson')} rows={6} style={{ fontFamily: 'monospace' }} />
                  <Field.Hint />
                  <Field.Error />
                </Field.Root>
              )}
            </Flex>
          </Modal.Body>
          <Modal.Footer>
            <Modal.Close>
              <Button variant="tertiary">{tr('action.cancel', 'Cancel')}</Button>
            </Modal.Close>
            <Button type="submit" loading={busy}>
              {tr('card.submit', 'Save card')}
            </Button>
          </Modal.Footer>
        </form>
      </Modal.Content>
    </Modal.Root>
  );
};
