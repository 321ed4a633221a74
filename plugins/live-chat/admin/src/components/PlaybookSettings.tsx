import { Field, Flex, Textarea, TextInput, Toggle } from '@strapi/design-system';
import type * as React from 'react';
import { useT } from '../hooks/useT';

export interface SettingsForm {
  name: string;
  active: boolean;
  /** One pattern per line, as the admin types them. */
  patterns: string;
}

export const patternsOf = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');

interface Props {
  form: SettingsForm;
  onChange: (form: SettingsForm) => void;
  /** Field errors from the server, by dotted path (`name`, `targetUrlPatterns.1`). */
  errors: Record<string, string>;
  disabled: boolean;
  /** In a copy (E5) only the name is per language; whether it runs and where is the default locale's. */
  sharedDisabled?: boolean;
}

/** A8: the playbook's name, whether it runs, and which pages it targets. */
export const PlaybookSettings = ({ form, onChange, errors, disabled, sharedDisabled = false }: Props) => {
  const tr = useT();
  const lines = patternsOf(form.patterns);
  const patternErrors = Object.entries(errors)
    .filter(([path]) => path.startsWith('targetUrlPatterns'))
    .map(([path, message]) => {
      const index = Number(path.split('.')[1]);
      return Number.isInteger(index) ? `${lines[index] ?? ''}: ${message}` : message;
    });
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Field.Root name="name" error={errors.name} required>
        <Field.Label>{tr('playbooks.field.name', 'Name')}</Field.Label>
        <TextInput
          value={form.name}
          disabled={disabled}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange({ ...form, name: e.target.value })}
        />
        <Field.Error />
      </Field.Root>
      <Field.Root name="active" hint={tr('editor.activeHint', 'Only an active, saved playbook runs in the widget.')}>
        <Field.Label>{tr('editor.active', 'Active')}</Field.Label>
        <Toggle
          checked={form.active}
          disabled={disabled || sharedDisabled}
          onLabel={tr('editor.on', 'On')}
          offLabel={tr('editor.off', 'Off')}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange({ ...form, active: e.target.checked })}
        />
        <Field.Hint />
      </Field.Root>
      <Field.Root
        name="targetUrlPatterns"
        error={patternErrors.length > 0 ? patternErrors.join(' · ') : undefined}
        hint={tr('editor.patternsHint', 'One per line: a path like /pricing* or a full URL like https://example.com/blog/*. Use /* for every page.')}
      >
        <Field.Label>{tr('editor.patterns', 'Target URL patterns')}</Field.Label>
        <Textarea
          value={form.patterns}
          disabled={disabled || sharedDisabled}
          rows={3}
          onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => onChange({ ...form, patterns: e.target.value })}
        />
        <Field.Hint />
        <Field.Error />
      </Field.Root>
    </Flex>
  );
};
