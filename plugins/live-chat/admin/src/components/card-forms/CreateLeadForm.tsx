import { Field, Flex, TextInput } from '@strapi/design-system';
import type * as React from 'react';
import { CARD_LIMITS } from '../../../../shared/domain/playbook-cards';
import { useT } from '../../hooks/useT';
import { errorAt } from './errors';
import { NextCardField } from './fields';
import type { CreateLeadState } from './state';
import type { CardFormProps } from './types';

/** The record title field of the lead and deal cards; empty: named after the visitor. */
export const RecordTitleField = ({ value, onChange, error }: { value: string; onChange: (title: string) => void; error?: string }) => {
  const tr = useT();
  return (
    <Field.Root name="settings.title" error={error} hint={tr('card.recordTitleHint', 'Leave empty to name it after the visitor')}>
      <Field.Label>{tr('card.field.recordTitle', 'Record title')}</Field.Label>
      <TextInput
        value={value}
        maxLength={CARD_LIMITS.recordTitleMax}
        onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange(e.target.value)}
      />
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
};

/** A6, A7: create a lead from what the visitor told the flow. */
export const CreateLeadForm = ({ state, onChange, errors, cards }: CardFormProps<CreateLeadState>) => {
  const tr = useT();
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <RecordTitleField
        value={state.title ?? ''}
        onChange={(title) => onChange({ ...state, title })}
        error={errorAt(errors, 'settings.title')}
      />
      <NextCardField state={state} onChange={onChange} errors={errors} cards={cards} />
    </Flex>
  );
};
