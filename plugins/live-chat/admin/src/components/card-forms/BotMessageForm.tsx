import { Flex } from '@strapi/design-system';
import { useT } from '../../hooks/useT';
import { errorAt } from './errors';
import { MarkupField, NextCardField } from './fields';
import type { BotMessageState } from './state';
import type { CardFormProps } from './types';

/** A6: a bot message (rich text, A4) and where the flow goes after it. */
export const BotMessageForm = ({ state, onChange, errors, cards }: CardFormProps<BotMessageState>) => {
  const tr = useT();
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <MarkupField
        name="settings.message"
        label={tr('card.field.message', 'Message')}
        value={state.message}
        onChange={(message) => onChange({ ...state, message })}
        error={errorAt(errors, 'settings.message')}
        required
      />
      <NextCardField state={state} onChange={onChange} errors={errors} cards={cards} />
    </Flex>
  );
};
