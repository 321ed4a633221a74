import { Dialog } from '@strapi/design-system';
import { ConfirmDialog } from '@strapi/strapi/admin';

interface Props {
  /** What is about to be deleted, as the dialog's body; null keeps the dialog closed. */
  message: string | null;
  onConfirm: () => Promise<void> | void;
  onCancel: () => void;
}

/** A2: the trash asks before anything is deleted. */
export const ConfirmDelete = ({ message, onConfirm, onCancel }: Props) => (
  <Dialog.Root open={message !== null} onOpenChange={(open: boolean) => !open && onCancel()}>
    <ConfirmDialog onConfirm={onConfirm} onCancel={onCancel}>
      {message ?? ''}
    </ConfirmDialog>
  </Dialog.Root>
);
