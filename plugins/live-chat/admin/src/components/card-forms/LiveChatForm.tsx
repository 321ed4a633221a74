import { Flex } from '@strapi/design-system';
import { WAIT_TIME_SECONDS } from '../../../../shared/constants';
import { AutoAssignToggle } from '../../assignment/AutoAssignToggle';
import { BusinessHoursFields } from '../../assignment/BusinessHoursFields';
import { useT } from '../../hooks/useT';
import { errorAt } from './errors';
import { MarkupField, NextCardSelect, NumberField } from './fields';
import type { LiveChatState } from './state';
import type { CardFormProps } from './types';

/**
 * A3: the online message, the wait time, the offline message, and where the offline path starts (A7,
 * B9); G7: auto-assignment and business hours, in their own components.
 */
export const LiveChatForm = ({ state, onChange, errors, cards }: CardFormProps<LiveChatState>) => {
  const tr = useT();
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <MarkupField
        name="onlineMessage"
        label={tr('card.field.onlineMessage', 'Online message')}
        value={state.onlineMessage}
        onChange={(onlineMessage) => onChange({ ...state, onlineMessage })}
        error={errorAt(errors, 'onlineMessage')}
        required
      />
      <NumberField
        name="waitTimeSeconds"
        label={tr('card.field.waitTime', 'Wait time (seconds)')}
        value={state.waitTimeSeconds}
        onChange={(waitTimeSeconds) => onChange({ ...state, waitTimeSeconds })}
        error={errorAt(errors, 'waitTimeSeconds')}
        hint={tr('card.waitTimeHint', 'How long the visitor waits for an agent ({min}–{max} seconds)', WAIT_TIME_SECONDS)}
        required
      />
      <MarkupField
        name="offlineMessage"
        label={tr('card.field.offlineMessage', 'Offline message')}
        value={state.offlineMessage}
        onChange={(offlineMessage) => onChange({ ...state, offlineMessage })}
        error={errorAt(errors, 'offlineMessage')}
        required
      />
      <NextCardSelect
        name="settings.offlineNext"
        label={tr('card.field.offlineNext', 'Offline path starts at')}
        hint={tr('card.offlineNextHint', 'Runs when no agent is online or the wait time runs out')}
        value={state.offlineNext}
        onChange={(offlineNext) => onChange({ ...state, offlineNext })}
        cards={cards}
        error={errorAt(errors, 'settings.offlineNext')}
      />
      <AutoAssignToggle
        checked={state.autoAssign}
        onChange={(autoAssign) => onChange({ ...state, autoAssign })}
        error={errorAt(errors, 'settings.autoAssign')}
      />
      <BusinessHoursFields form={state.hours} onChange={(hours) => onChange({ ...state, hours })} errors={errors} />
    </Flex>
  );
};
