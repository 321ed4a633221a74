import { Button, Dialog, Field, Flex, TextInput, Typography } from '@strapi/design-system';
import { WarningCircle } from '@strapi/icons';
import * as React from 'react';
import { ERASE_CONFIRMATION, isErasureConfirmed } from '../../../../shared/domain/personal-data';
import { useT } from '../../hooks/useT';
import type { PersonalDataActions } from './usePersonalDataActions';

/**
 * F5: erasure is irreversible, so the admin types the person's name (or ERASE) before the button
 * wakes up; the server checks the same rule (shared/domain/personal-data.ts) again.
 */
export const EraseDialog = ({ actions }: { actions: PersonalDataActions }) => {
  const tr = useT();
  const [typed, setTyped] = React.useState('');
  const { pending } = actions;
  React.useEffect(() => setTyped(''), [pending]);
  const expected = pending?.name || ERASE_CONFIRMATION;
  const confirmed = pending !== null && isErasureConfirmed(typed, pending.name);

  return (
    <Dialog.Root open={pending !== null} onOpenChange={(open: boolean) => !open && actions.cancel()}>
      <Dialog.Content>
        <Dialog.Header>{tr('personalData.eraseTitle', 'Erase personal data')}</Dialog.Header>
        <Dialog.Body icon={<WarningCircle fill="danger600" />}>
          <Flex direction="column" alignItems="stretch" gap={4} width="100%">
            <Typography>
              {tr(
                'personalData.eraseWarning',
                'This removes the name, email, phone, messages, files and notes of this person from {count, plural, one {# conversation} other {# conversations}}, for good. Leads and deals stay without their personal details.',
                { count: pending?.conversations ?? 0 },
              )}
            </Typography>
            <Field.Root name="confirm">
              <Field.Label>{tr('personalData.typeToConfirm', 'Type {expected} to confirm', { expected })}</Field.Label>
              <TextInput value={typed} onChange={(event: React.ChangeEvent<HTMLInputElement>) => setTyped(event.target.value)} autoComplete="off" />
            </Field.Root>
          </Flex>
        </Dialog.Body>
        <Dialog.Footer>
          <Dialog.Cancel>
            <Button variant="tertiary">{tr('personalData.cancel', 'Cancel')}</Button>
          </Dialog.Cancel>
          <Button variant="danger" disabled={!confirmed || actions.busy} loading={actions.busy} onClick={() => void actions.erase(typed)}>
            {tr('personalData.eraseConfirm', 'Erase for good')}
          </Button>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
};
