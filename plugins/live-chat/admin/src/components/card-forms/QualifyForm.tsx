import { Field, Flex, Textarea } from '@strapi/design-system';
import type * as React from 'react';
import { CARD_LIMITS } from '../../../../shared/domain/playbook-cards';
import { useT } from '../../hooks/useT';
import { errorAt } from './errors';
import { NextCardField } from './fields';
import type { QualifyState } from './state';
import type { CardFormProps } from './types';

/** A6, A7: qualify or disqualify the visitor, with an optional reason the CRM keeps. */
export const QualifyForm = ({ state, onChange, errors, cards }: CardFormProps<QualifyState>) => {
  const tr = useT();
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Field.Root
        name="settings.reason"
        error={errorAt(errors, 'settings.reason')}
        hint={tr('card.reasonHint', 'Optional; kept with the visitor’s record')}
      >
        <Field.Label>{tr('card.field.reason', 'Reason')}</Field.Label>
        <Textarea
          value={state.reason ?? ''}
          maxLength={CARD_LIMITS.reasonMax}
          onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => onChange({ ...state, reason: e.target.value })}
          rows={2}
        />
        <Field.Hint />
        <Field.Error />
      </Field.Root>
      <NextCardField state={state} onChange={onChange} errors={errors} cards={cards} />
    </Flex>
  );
};
