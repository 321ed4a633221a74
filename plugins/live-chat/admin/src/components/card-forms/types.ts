/**
 * What every per-kind card form shares (A6): its props, and how a form's state turns into the
 * request body. Each form's state is derived from the card-settings types of the shared domain
 * (`CardSettingsByKind`), with rich text held as the editor's markup while the admin types.
 */
import type * as React from 'react';
import type { CardKind } from '../../../../shared/constants';
import type { UpdateCardBody } from '../../../../shared/contracts/playbooks';
import type { CardSettingsByKind } from '../../../../shared/domain/playbook-cards';
import type { RichText } from '../../../../shared/domain/rich-text';

/** A card's stored or starting values, as the editor receives them. */
export interface CardValues {
  kind: CardKind;
  settings: Record<string, unknown>;
  onlineMessage: RichText | null;
  waitTimeSeconds: number | null;
  offlineMessage: RichText | null;
}

/** Rich-text fields as the markup the admin types (shared/domain/rich-text-markup.ts); the rest as the domain types them. */
export type Editable<T> = { [P in keyof T]: NonNullable<T[P]> extends RichText ? string : T[P] };
export type EditableSettings<K extends CardKind> = Editable<CardSettingsByKind[K]>;

/** The card fields a form fills in; the modal adds the title. */
export type CardBodyFields = Omit<UpdateCardBody, 'title'>;

/** A card a "next card" select can point at. */
export interface CardOption {
  documentId: string;
  label: string;
}

/** Field errors from the server by dotted path (`settings.buttons.0.label`, `waitTimeSeconds`). */
export type FieldErrors = Record<string, string>;

export interface CardFormProps<S> {
  state: S;
  onChange: (next: S) => void;
  errors: FieldErrors;
  /** The playbook's other cards, in order. */
  cards: CardOption[];
}

export interface CardFormDefinition<S> {
  /** The form's state from a card's settings, already checked against the kind's schema. */
  init: (card: CardValues) => S;
  /** The request body the server validates (and answers with field errors). */
  toBody: (state: S) => CardBodyFields;
  /** Error paths the form shows at a field; any other error is listed above the form. */
  shownPaths: (state: S) => string[];
  Form: React.ComponentType<CardFormProps<S>>;
}
