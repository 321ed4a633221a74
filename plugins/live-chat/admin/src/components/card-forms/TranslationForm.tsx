import { Field, Flex, TextInput } from '@strapi/design-system';
import type * as React from 'react';
import { CARD_LIMITS } from '../../../../shared/domain/playbook-cards';
import { useT } from '../../hooks/useT';
import { errorAt } from './errors';
import { MarkupField } from './fields';
import type { TranslationState } from './state';
import type { FieldErrors } from './types';

interface Props {
  state: TranslationState;
  onChange: (next: TranslationState) => void;
  errors: FieldErrors;
}

/** Max length of each plain text, as the domain's card schema bounds it. */
const PLAIN_MAX: Record<string, number> = {
  reason: CARD_LIMITS.reasonMax,
  title: CARD_LIMITS.recordTitleMax,
  subject: CARD_LIMITS.subjectMax,
};

/**
 * E5: a card of a copy in another language: its texts only (message, question, button labels,
 * reason, record title, subject, Live Chat messages); everything else follows the default locale.
 */
export const TranslationForm = ({ state, onChange, errors }: Props) => {
  const tr = useT();
  const richLabel = (key: string) =>
    key === 'message'
      ? tr('card.field.message', 'Message')
      : state.kind === 'capture'
        ? tr('card.field.capturePrompt', 'Message above the form')
        : tr('card.field.prompt', 'Question');
  const plainLabel = (key: string) =>
    key === 'reason'
      ? tr('card.field.reason', 'Reason')
      : key === 'subject'
        ? tr('card.field.subject', 'Subject')
        : tr('card.field.recordTitle', 'Record title');
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      {Object.entries(state.richText).map(([key, value]) => (
        <MarkupField
          key={key}
          name={`settings.${key}`}
          label={richLabel(key)}
          value={value}
          onChange={(markup) =>
            onChange({
              ...state,
              richText: { ...state.richText, [key]: markup },
            })
          }
          error={errorAt(errors, `settings.${key}`)}
        />
      ))}
      {state.buttons.map((button, i) => (
        <Field.Root
          key={button.id}
          name={`settings.buttons.${i}.label`}
          error={errors[`settings.buttons.${i}.label`] ?? errors[`settings.buttons.${i}.id`]}
          required
        >
          <Field.Label>{tr('card.button.label', 'Button {n} label', { n: i + 1 })}</Field.Label>
          <TextInput
            value={button.label}
            maxLength={CARD_LIMITS.buttonLabelMax}
            onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
              onChange({
                ...state,
                buttons: state.buttons.map((b, j) => (j === i ? { ...b, label: e.target.value } : b)),
              })
            }
          />
          <Field.Error />
        </Field.Root>
      ))}
      {Object.entries(state.plainText).map(([key, value]) => (
        <Field.Root key={key} name={`settings.${key}`} error={errorAt(errors, `settings.${key}`)}>
          <Field.Label>{plainLabel(key)}</Field.Label>
          <TextInput
            value={value}
            maxLength={PLAIN_MAX[key]}
            onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
              onChange({
                ...state,
                plainText: { ...state.plainText, [key]: e.target.value },
              })
            }
          />
          <Field.Error />
        </Field.Root>
      ))}
      {state.onlineMessage !== null && (
        <MarkupField
          name="onlineMessage"
          label={tr('card.field.onlineMessage', 'Online message')}
          value={state.onlineMessage}
          onChange={(onlineMessage) => onChange({ ...state, onlineMessage })}
          error={errorAt(errors, 'onlineMessage')}
          required
        />
      )}
      {state.offlineMessage !== null && (
        <MarkupField
          name="offlineMessage"
          label={tr('card.field.offlineMessage', 'Offline message')}
          value={state.offlineMessage}
          onChange={(offlineMessage) => onChange({ ...state, offlineMessage })}
          error={errorAt(errors, 'offlineMessage')}
          required
        />
      )}
    </Flex>
  );
};
