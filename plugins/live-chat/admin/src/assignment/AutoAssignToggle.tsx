import { Field, Toggle } from '@strapi/design-system';
import type * as React from 'react';
import { useT } from '../hooks/useT';

interface Props {
  checked: boolean;
  onChange: (checked: boolean) => void;
  error?: string;
}

/** G7: whether this card's new chats go to online agents by round robin (off: they wait in Unassigned). */
export const AutoAssignToggle = ({ checked, onChange, error }: Props) => {
  const tr = useT();
  return (
    <Field.Root
      name="settings.autoAssign"
      error={error}
      hint={tr('assignment.card.autoAssignHint', 'New chats go to online agents in turn, up to each agent’s maximum of open chats; when everyone is full they wait in Unassigned.')}
    >
      <Field.Label>{tr('assignment.card.autoAssign', 'Assign chats automatically (round robin)')}</Field.Label>
      <Toggle
        checked={checked}
        onLabel={tr('assignment.on', 'On')}
        offLabel={tr('assignment.off', 'Off')}
        onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange(e.target.checked)}
      />
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
};
