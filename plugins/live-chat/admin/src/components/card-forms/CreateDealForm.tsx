import { Field, Flex, TextInput } from '@strapi/design-system';
import type * as React from 'react';
import { useT } from '../../hooks/useT';
import { RecordTitleField } from './CreateLeadForm';
import { errorAt } from './errors';
import { NextCardField, NumberField } from './fields';
import type { CreateDealState } from './state';
import type { CardFormProps } from './types';

/** A6, A7: create a deal, optionally with a value and its currency. */
export const CreateDealForm = ({ state, onChange, errors, cards }: CardFormProps<CreateDealState>) => {
  const tr = useT();
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <RecordTitleField
        value={state.title ?? ''}
        onChange={(title) => onChange({ ...state, title })}
        error={errorAt(errors, 'settings.title')}
      />
      <Flex gap={4} alignItems="flex-start">
        <NumberField
          name="settings.value"
          label={tr('card.field.dealValue', 'Deal value')}
          value={state.value}
          onChange={(value) => onChange({ ...state, value })}
          error={errorAt(errors, 'settings.value')}
          hint={tr('card.dealValueHint', 'Optional')}
        />
        <Field.Root
          name="settings.currency"
          error={errorAt(errors, 'settings.currency')}
          hint={tr('card.currencyHint', 'ISO code, e.g. EUR')}
        >
          <Field.Label>{tr('card.field.currency', 'Currency')}</Field.Label>
          <TextInput
            value={state.currency ?? ''}
            onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange({ ...state, currency: e.target.value })}
          />
          <Field.Hint />
          <Field.Error />
        </Field.Root>
      </Flex>
      <NextCardField state={state} onChange={onChange} errors={errors} cards={cards} />
    </Flex>
  );
};
