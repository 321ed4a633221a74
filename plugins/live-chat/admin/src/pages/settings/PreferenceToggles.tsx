import { Field, Grid, Toggle } from '@strapi/design-system';
import { NOTIFICATION_KINDS } from '../../../../shared/constants';
import type { NotificationPreferences } from '../../api/notifications';
import { useT } from '../../hooks/useT';

export type PreferenceKey = keyof NotificationPreferences;

/** The three kinds of D2, in the reference article's words, then the sound. */
export const KIND_LABELS: Record<PreferenceKey, [string, string]> = {
  conversationUnassigned: ['notifications.kind.conversationUnassigned', 'A new conversation is added to Unassigned'],
  conversationAssignedToMe: ['notifications.kind.conversationAssignedToMe', 'A conversation is assigned to you'],
  messageInMyConversation: ['notifications.kind.messageInMyConversation', 'A new message in a conversation assigned to you'],
  sound: ['notifications.kind.sound', 'Play a sound'],
};

interface Props {
  values: NotificationPreferences;
  keys: readonly PreferenceKey[];
  /** Why a switch cannot be changed (shown as its hint), or nothing. */
  lockedReason?: (key: PreferenceKey) => string | null;
  hint?: (key: PreferenceKey) => string | null;
  disabled: boolean;
  onChange: (key: PreferenceKey, value: boolean) => void;
}

/** On / off switches, one per kind, as Strapi's own settings pages show booleans. */
export const PreferenceToggles = ({ values, keys, lockedReason, hint, disabled, onChange }: Props) => {
  const tr = useT();
  return (
    <Grid.Root gap={5}>
      {keys.map((key) => {
        const locked = lockedReason?.(key) ?? null;
        const text = locked ?? hint?.(key) ?? null;
        return (
          <Grid.Item key={key} col={6} s={12} direction="column" alignItems="stretch">
            <Field.Root name={key} hint={text ?? undefined}>
              <Field.Label>{tr(KIND_LABELS[key][0], KIND_LABELS[key][1])}</Field.Label>
              <Toggle
                onLabel={tr('notifications.on', 'On')}
                offLabel={tr('notifications.off', 'Off')}
                checked={locked ? false : values[key]}
                disabled={disabled || locked !== null}
                onChange={(event) => onChange(key, event.currentTarget.checked)}
              />
              <Field.Hint />
            </Field.Root>
          </Grid.Item>
        );
      })}
    </Grid.Root>
  );
};

export const KINDS = NOTIFICATION_KINDS;
