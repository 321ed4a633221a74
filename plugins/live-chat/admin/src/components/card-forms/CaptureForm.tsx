import { Box, Checkbox, Flex, Typography } from '@strapi/design-system';
import { CAPTURE_FIELDS, type CaptureField } from '../../../../shared/domain/playbook-cards';
import { useT } from '../../hooks/useT';
import { errorAt } from './errors';
import { MarkupField, NextCardField } from './fields';
import type { CaptureState } from './state';
import type { CardFormProps } from './types';

const FIELD_LABELS: Readonly<Record<CaptureField, string>> = { name: 'Name', email: 'Email', phone: 'Phone', organization: 'Organization' };
const toggle = <T,>(list: readonly T[], item: T, on: boolean): T[] =>
  on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item);

/** A6: which details the visitor is asked for (validated by the widget's server), which are required, and what follows. */
export const CaptureForm = ({ state, onChange, errors, cards }: CardFormProps<CaptureState>) => {
  const tr = useT();
  const required = state.required ?? [];
  const groupError = errorAt(errors, 'settings.fields') ?? errorAt(errors, 'settings.required');
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <MarkupField
        name="settings.prompt"
        label={tr('card.field.capturePrompt', 'Message above the form')}
        value={state.prompt ?? ''}
        onChange={(prompt) => onChange({ ...state, prompt })}
        error={errorAt(errors, 'settings.prompt')}
      />
      <Flex direction="column" alignItems="stretch" gap={2} role="group" aria-label={tr('card.capture.title', 'Details to ask for')}>
        <Typography variant="sigma" textColor="neutral600" tag="h3">
          {tr('card.capture.title', 'Details to ask for')}
        </Typography>
        {CAPTURE_FIELDS.map((field) => {
          const label = tr(`card.capture.field.${field}`, FIELD_LABELS[field]);
          const asked = state.fields.includes(field);
          return (
            <Flex key={field} gap={6}>
              {/* A fixed first column keeps the "required" boxes aligned in every language. */}
              <Box minWidth="16rem">
                <Checkbox
                  checked={asked}
                  onCheckedChange={(checked: boolean | 'indeterminate') =>
                    onChange({
                      ...state,
                      fields: toggle(state.fields, field, checked === true),
                      required: checked === true ? required : required.filter((f) => f !== field),
                    })
                  }
                >
                  {tr('card.capture.ask', 'Ask for {field}', { field: label })}
                </Checkbox>
              </Box>
              <Checkbox
                disabled={!asked}
                checked={asked && required.includes(field)}
                onCheckedChange={(checked: boolean | 'indeterminate') =>
                  onChange({ ...state, required: toggle(required, field, checked === true) })
                }
              >
                {tr('card.capture.required', '{field} is required', { field: label })}
              </Checkbox>
            </Flex>
          );
        })}
        {groupError && <Typography textColor="danger600">{groupError}</Typography>}
      </Flex>
      <NextCardField state={state} onChange={onChange} errors={errors} cards={cards} />
    </Flex>
  );
};
