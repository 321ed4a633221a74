import { Field, Flex, SingleSelect, SingleSelectOption, TextInput } from '@strapi/design-system';
import type * as React from 'react';
import { ACTIVITY_TYPES, CARD_LIMITS, type ActivityType } from '../../../../shared/domain/playbook-cards';
import { useT } from '../../hooks/useT';
import { errorAt } from './errors';
import { NextCardField, NumberField } from './fields';
import type { CreateActivityState } from './state';
import type { CardFormProps } from './types';

const TYPE_LABELS: Readonly<Record<ActivityType, string>> = {
  call: 'Call',
  meeting: 'Meeting',
  task: 'Task',
  email: 'Email',
  follow_up: 'Follow-up',
};
const isActivityType = (value: string): value is ActivityType => (ACTIVITY_TYPES as readonly string[]).includes(value);

/** A6, A7: create an activity (a call, a task…) for the team, due some hours after the visitor's flow. */
export const CreateActivityForm = ({ state, onChange, errors, cards }: CardFormProps<CreateActivityState>) => {
  const tr = useT();
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Field.Root name="settings.subject" error={errorAt(errors, 'settings.subject')} required>
        <Field.Label>{tr('card.field.subject', 'Subject')}</Field.Label>
        <TextInput
          value={state.subject}
          maxLength={CARD_LIMITS.subjectMax}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange({ ...state, subject: e.target.value })}
        />
        <Field.Error />
      </Field.Root>
      <Flex gap={4} alignItems="flex-start">
        <Field.Root name="settings.type" error={errorAt(errors, 'settings.type')}>
          <Field.Label>{tr('card.field.activityType', 'Type')}</Field.Label>
          <SingleSelect
            value={state.type ?? 'follow_up'}
            onChange={(value: string | number) => {
              const type = String(value);
              if (isActivityType(type)) onChange({ ...state, type });
            }}
          >
            {ACTIVITY_TYPES.map((type) => (
              <SingleSelectOption key={type} value={type}>
                {tr(`card.activityType.${type}`, TYPE_LABELS[type])}
              </SingleSelectOption>
            ))}
          </SingleSelect>
          <Field.Error />
        </Field.Root>
        <NumberField
          name="settings.dueInHours"
          label={tr('card.field.dueInHours', 'Due in (hours)')}
          value={state.dueInHours}
          onChange={(dueInHours) => onChange({ ...state, dueInHours })}
          error={errorAt(errors, 'settings.dueInHours')}
          hint={tr('card.dueInHoursHint', 'Hours after the visitor’s flow reaches this card; empty: no due date')}
        />
      </Flex>
      <NextCardField state={state} onChange={onChange} errors={errors} cards={cards} />
    </Flex>
  );
};
