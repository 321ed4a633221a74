import { Button, Checkbox, Field, Flex, Modal, TextInput } from '@strapi/design-system';
import * as React from 'react';
import { apiProblem } from '../api/problem';
import { usePlaybookApi } from '../api/playbooks';
import { useT } from '../hooks/useT';

interface Props {
  open: boolean;
  onClose: () => void;
  /** Called with the new playbook's id once it is stored. */
  onCreated: (documentId: string) => void;
}

/** A1: "New playbook", from the Live Chat template unless the admin unticks it. */
export const NewPlaybookModal = ({ open, onClose, onCreated }: Props) => {
  const tr = useT();
  const api = usePlaybookApi();
  const [name, setName] = React.useState('');
  const [fromTemplate, setFromTemplate] = React.useState(true);
  const [error, setError] = React.useState<string | undefined>();
  const [busy, setBusy] = React.useState(false);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const created = await api.create({ name, template: fromTemplate ? 'live_chat' : 'empty' });
      onCreated(created.documentId);
    } catch (e) {
      const problem = apiProblem(e);
      setError(problem.fields.name ?? problem.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal.Root open={open} onOpenChange={(isOpen: boolean) => !isOpen && onClose()}>
      <Modal.Content>
        <form onSubmit={submit}>
          <Modal.Header>
            <Modal.Title>{tr('playbooks.new.title', 'New playbook')}</Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Flex direction="column" alignItems="stretch" gap={4}>
              <Field.Root name="name" error={error} required>
                <Field.Label>{tr('playbooks.field.name', 'Name')}</Field.Label>
                <TextInput value={name} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setName(e.target.value)} />
                <Field.Error />
              </Field.Root>
              <Field.Root
                name="template"
                hint={tr('playbooks.new.templateHint', 'A greeting, a Live Chat card, and an offline path that captures name and email and creates a lead.')}
              >
                <Checkbox checked={fromTemplate} onCheckedChange={(checked: boolean | 'indeterminate') => setFromTemplate(checked === true)}>
                  {tr('playbooks.new.useTemplate', 'Use the Live Chat template')}
                </Checkbox>
                <Field.Hint />
              </Field.Root>
            </Flex>
          </Modal.Body>
          <Modal.Footer>
            <Modal.Close>
              <Button variant="tertiary">{tr('action.cancel', 'Cancel')}</Button>
            </Modal.Close>
            <Button type="submit" loading={busy}>
              {tr('playbooks.new.create', 'Create playbook')}
            </Button>
          </Modal.Footer>
        </form>
      </Modal.Content>
    </Modal.Root>
  );
};
