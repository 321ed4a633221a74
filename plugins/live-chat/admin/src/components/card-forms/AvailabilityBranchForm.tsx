import { Flex } from '@strapi/design-system';
import { useT } from '../../hooks/useT';
import { errorAt } from './errors';
import { NextCardSelect } from './fields';
import type { AvailabilityBranchState } from './state';
import type { CardFormProps } from './types';

/** A6, A7: where the flow goes when at least one agent is online, and where when none is. */
export const AvailabilityBranchForm = ({ state, onChange, errors, cards }: CardFormProps<AvailabilityBranchState>) => {
  const tr = useT();
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <NextCardSelect
        name="settings.online"
        label={tr('card.field.onlinePath', 'When an agent is online, go to')}
        value={state.online}
        onChange={(online) => onChange({ ...state, online: online ?? null })}
        cards={cards}
        error={errorAt(errors, 'settings.online')}
        allowFollowing={false}
      />
      <NextCardSelect
        name="settings.offline"
        label={tr('card.field.offlinePath', 'When no agent is online, go to')}
        value={state.offline}
        onChange={(offline) => onChange({ ...state, offline: offline ?? null })}
        cards={cards}
        error={errorAt(errors, 'settings.offline')}
        allowFollowing={false}
      />
    </Flex>
  );
};
