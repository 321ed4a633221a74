import { Field, NumberInput, SingleSelect, SingleSelectOption, Textarea } from '@strapi/design-system';
import type * as React from 'react';
import { useT } from '../../hooks/useT';
import { errorAt } from './errors';
import type { CardFormProps, CardOption } from './types';

/** Select values for the two links that are not a card; document ids never look like these. */
const FOLLOWING = '__following__';
const END = '__end__';

interface NextCardSelectProps {
  name: string;
  label: string;
  /** A card's document id; null: the flow ends; undefined: the following card by position. */
  value: string | null | undefined;
  onChange: (next: string | null | undefined) => void;
  cards: CardOption[];
  error?: string;
  hint?: string;
  /** The availability branch has no "following card": each path names its card or ends. */
  allowFollowing?: boolean;
}

/** A6: where the flow goes next: one of the playbook's other cards, the following card, or the end. */
export const NextCardSelect = ({ name, label, value, onChange, cards, error, hint, allowFollowing = true }: NextCardSelectProps) => {
  const tr = useT();
  const selected = value === undefined ? (allowFollowing ? FOLLOWING : END) : value === null ? END : value;
  // A link to a card deleted since keeps showing, so the admin sees what the server will refuse.
  const missing = typeof value === 'string' && !cards.some((c) => c.documentId === value);
  return (
    <Field.Root name={name} error={error} hint={hint}>
      <Field.Label>{label}</Field.Label>
      <SingleSelect
        value={selected}
        onChange={(picked: string | number) => {
          const id = String(picked);
          onChange(id === FOLLOWING ? undefined : id === END ? null : id);
        }}
      >
        {allowFollowing && <SingleSelectOption value={FOLLOWING}>{tr('card.next.following', 'The following card')}</SingleSelectOption>}
        <SingleSelectOption value={END}>{tr('card.next.end', 'End of the flow')}</SingleSelectOption>
        {cards.map((card) => (
          <SingleSelectOption key={card.documentId} value={card.documentId}>
            {card.label}
          </SingleSelectOption>
        ))}
        {missing && (
          <SingleSelectOption value={value}>{tr('card.next.missing', 'A deleted card ({id})', { id: value })}</SingleSelectOption>
        )}
      </SingleSelect>
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
};

interface MarkupFieldProps {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  required?: boolean;
}

/** A4: a rich-text message typed as the editor's small markup (converted to blocks on save). */
export const MarkupField = ({ name, label, value, onChange, error, required }: MarkupFieldProps) => {
  const tr = useT();
  const hint = tr(
    'card.markupHint',
    'One paragraph per line. "- " starts a bullet; **bold**, _italic_, [link](https://…), ![image](https://…).',
  );
  return (
    <Field.Root name={name} error={error} hint={hint} required={required}>
      <Field.Label>{label}</Field.Label>
      <Textarea value={value} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => onChange(e.target.value)} rows={4} />
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
};

/** The "Next card" field of every card kind whose settings have one `next` link (most of them). */
export const NextCardField = <S extends { next?: string | null }>({ state, onChange, errors, cards }: CardFormProps<S>) => {
  const tr = useT();
  return (
    <NextCardSelect
      name="settings.next"
      label={tr('card.field.next', 'Next card')}
      value={state.next}
      onChange={(next) => onChange({ ...state, next })}
      cards={cards}
      error={errorAt(errors, 'settings.next')}
    />
  );
};

interface NumberFieldProps {
  name: string;
  label: string;
  value: number | null | undefined;
  /** Empty input is null (the setting is left out). */
  onChange: (value: number | null) => void;
  error?: string;
  hint?: string;
  required?: boolean;
}

/** A number setting of a card (wait time, deal value, due in hours). */
export const NumberField = ({ name, label, value, onChange, error, hint, required }: NumberFieldProps) => (
  <Field.Root name={name} error={error} hint={hint} required={required}>
    <Field.Label>{label}</Field.Label>
    <NumberInput value={value ?? undefined} onValueChange={(next: number | undefined) => onChange(next ?? null)} />
    <Field.Hint />
    <Field.Error />
  </Field.Root>
);
