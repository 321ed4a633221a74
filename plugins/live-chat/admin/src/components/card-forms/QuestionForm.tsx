import { Box, Button, Field, Flex, IconButton, TextInput, Typography } from '@strapi/design-system';
import { ArrowDown, ArrowUp, Plus, Trash } from '@strapi/icons';
import type * as React from 'react';
import { CARD_LIMITS } from '../../../../shared/domain/playbook-cards';
import { useT } from '../../hooks/useT';
import { errorAt } from './errors';
import { MarkupField, NextCardSelect } from './fields';
import { newButtonId, type QuestionButton, type QuestionState } from './state';
import type { CardFormProps } from './types';

/** A6: a question with reply buttons; each button leads to its own next card. */
export const QuestionForm = ({ state, onChange, errors, cards }: CardFormProps<QuestionState>) => {
  const tr = useT();
  const { buttons } = state;
  const setButtons = (next: QuestionButton[]) => onChange({ ...state, buttons: next });
  const update = (index: number, patch: Partial<QuestionButton>) =>
    setButtons(buttons.map((b, i) => (i === index ? { ...b, ...patch } : b)));
  const move = (index: number, offset: -1 | 1) => {
    const next = [...buttons];
    [next[index], next[index + offset]] = [next[index + offset] as QuestionButton, next[index] as QuestionButton];
    setButtons(next);
  };
  const listError = errors['settings.buttons'];
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <MarkupField
        name="settings.prompt"
        label={tr('card.field.prompt', 'Question')}
        value={state.prompt}
        onChange={(prompt) => onChange({ ...state, prompt })}
        error={errorAt(errors, 'settings.prompt')}
      />
      <Typography variant="sigma" textColor="neutral600" tag="h3">
        {tr('card.buttons.title', 'Reply buttons')}
      </Typography>
      {buttons.map((button, i) => {
        const n = i + 1;
        const path = `settings.buttons.${i}`;
        return (
          <Box key={button.id} padding={3} hasRadius borderColor="neutral200" borderStyle="solid" borderWidth="1px">
            <Flex gap={3} alignItems="flex-start">
              <Flex direction="column" alignItems="stretch" gap={3} flex="1">
                <Field.Root name={`${path}.label`} error={errors[`${path}.label`] ?? errors[`${path}.id`] ?? errors[path]} required>
                  <Field.Label>{tr('card.button.label', 'Button {n} label', { n })}</Field.Label>
                  <TextInput
                    value={button.label}
                    maxLength={CARD_LIMITS.buttonLabelMax}
                    onChange={(e: React.ChangeEvent<HTMLInputElement>) => update(i, { label: e.target.value })}
                  />
                  <Field.Error />
                </Field.Root>
                <NextCardSelect
                  name={`${path}.next`}
                  label={tr('card.button.next', 'Button {n} leads to', { n })}
                  value={button.next}
                  onChange={(next) => update(i, { next })}
                  cards={cards}
                  error={errors[`${path}.next`]}
                />
              </Flex>
              <Flex gap={1} paddingTop={6}>
                <IconButton label={tr('card.button.moveUp', 'Move button {n} up', { n })} disabled={i === 0} onClick={() => move(i, -1)}>
                  <ArrowUp />
                </IconButton>
                <IconButton
                  label={tr('card.button.moveDown', 'Move button {n} down', { n })}
                  disabled={i === buttons.length - 1}
                  onClick={() => move(i, 1)}
                >
                  <ArrowDown />
                </IconButton>
                <IconButton
                  label={tr('card.button.remove', 'Remove button {n}', { n })}
                  disabled={buttons.length <= CARD_LIMITS.buttons.min}
                  onClick={() => setButtons(buttons.filter((_, j) => j !== i))}
                >
                  <Trash />
                </IconButton>
              </Flex>
            </Flex>
          </Box>
        );
      })}
      {listError && <Typography textColor="danger600">{listError}</Typography>}
      <Box>
        <Button
          variant="secondary"
          startIcon={<Plus />}
          disabled={buttons.length >= CARD_LIMITS.buttons.max}
          onClick={() => setButtons([...buttons, { id: newButtonId(buttons), label: '' }])}
        >
          {tr('card.button.add', 'Add reply button')}
        </Button>
      </Box>
    </Flex>
  );
};
