import { Button, Field, Flex, Modal, TextInput, Textarea, Typography } from '@strapi/design-system';
import * as React from 'react';
import { CANNED_REPLY_LIMITS } from '../../../../shared/domain/canned-replies';
import { apiProblem } from '../../api/problem';
import { useT } from '../../hooks/useT';

export interface CannedReplyDraft {
  shortcut: string;
  title: string;
  body: string;
}

interface Props {
  /** The modal's heading ("New canned reply", "Edit /hello (Swedish)"). */
  heading: string;
  initial: CannedReplyDraft;
  onSave: (draft: CannedReplyDraft) => Promise<void>;
  onClose: () => void;
}

/**
 * G3: one language's copy of a canned reply. The server is the only validator: its field errors
 * (the shortcut's format, a shortcut another reply uses, an unknown placeholder) show at the field.
 */
export const CannedReplyForm = ({ heading, initial, onSave, onClose }: Props) => {
  const tr = useT();
  const [draft, setDraft] = React.useState(initial);
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const [message, setMessage] = React.useState<string | null>(null);
  const [busy, setBusy] = React.useState(false);
  const set = (field: keyof CannedReplyDraft) => (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
    // The shortcut is a lowercase slug: typed capitals and spaces become what the server accepts.
    setDraft({ ...draft, [field]: field === 'shortcut' ? event.target.value.toLowerCase().replace(/\s+/g, '-') : event.target.value });

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      await onSave(draft);
    } catch (error) {
      const problem = apiProblem(error);
      setErrors(problem.fields);
      const shown = ['shortcut', 'title', 'body'].some((field) => problem.fields[field]);
      setMessage(shown ? null : problem.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal.Root open onOpenChange={(isOpen: boolean) => !isOpen && onClose()}>
      <Modal.Content>
        <form onSubmit={submit} noValidate>
          <Modal.Header>
            <Modal.Title>{heading}</Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Flex direction="column" alignItems="stretch" gap={4}>
              {message ? <Typography textColor="danger600">{message}</Typography> : null}
              <Field.Root
                name="shortcut"
                error={errors.shortcut}
                required
                hint={tr('canned.field.shortcutHint', 'Agents type / and this word in the reply box. Lowercase letters, digits and hyphens.')}
              >
                <Field.Label>{tr('canned.field.shortcut', 'Shortcut')}</Field.Label>
                <TextInput value={draft.shortcut} onChange={set('shortcut')} maxLength={CANNED_REPLY_LIMITS.shortcutMax} />
                <Field.Hint />
                <Field.Error />
              </Field.Root>
              <Field.Root name="title" error={errors.title} required>
                <Field.Label>{tr('canned.field.title', 'Title')}</Field.Label>
                <TextInput value={draft.title} onChange={set('title')} maxLength={CANNED_REPLY_LIMITS.titleMax} />
                <Field.Error />
              </Field.Root>
              <Field.Root
                name="body"
                error={errors.body}
                required
                hint={tr(
                  'canned.field.bodyHint',
                  '{visitorName} and {agentName} are filled in when an agent inserts the reply. Formatting as in the reply box: **bold**, _italic_, [link](https://…), "- " for a list.',
                  { visitorName: '{visitor.name}', agentName: '{agent.name}' },
                )}
              >
                <Field.Label>{tr('canned.field.body', 'Text')}</Field.Label>
                <Textarea value={draft.body} onChange={set('body')} style={{ minHeight: '120px' }} />
                <Field.Hint />
                <Field.Error />
              </Field.Root>
            </Flex>
          </Modal.Body>
          <Modal.Footer>
            <Modal.Close>
              <Button variant="tertiary">{tr('canned.cancel', 'Cancel')}</Button>
            </Modal.Close>
            <Button type="submit" loading={busy}>
              {tr('canned.save', 'Save')}
            </Button>
          </Modal.Footer>
        </form>
      </Modal.Content>
    </Modal.Root>
  );
};
