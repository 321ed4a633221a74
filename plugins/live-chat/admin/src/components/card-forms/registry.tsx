/**
 * One form per card kind (A3, A6), picked by the card's kind. Each form keeps its own typed state;
 * `defineCardForm` closes over that type so the modal can hold any kind's form without casts.
 */
import * as React from 'react';
import type { CardKind } from '../../../../shared/constants';
import { AvailabilityBranchForm } from './AvailabilityBranchForm';
import { BotMessageForm } from './BotMessageForm';
import { CaptureForm } from './CaptureForm';
import { CreateActivityForm } from './CreateActivityForm';
import { CreateDealForm } from './CreateDealForm';
import { CreateLeadForm } from './CreateLeadForm';
import { LiveChatForm } from './LiveChatForm';
import { QualifyForm } from './QualifyForm';
import { QuestionForm } from './QuestionForm';
import * as states from './state';
import type { CardBodyFields, CardFormDefinition, CardOption, CardValues, FieldErrors } from './types';

export interface CardForm {
  fields: (props: { errors: FieldErrors; cards: CardOption[] }) => React.ReactNode;
  body: () => CardBodyFields;
  shownPaths: () => string[];
}
interface CardFormHook {
  useForm: (card: CardValues) => CardForm;
}

function defineCardForm<S>(definition: CardFormDefinition<S>): CardFormHook {
  return {
    useForm(card) {
      const [state, setState] = React.useState(() => definition.init(card));
      const { Form } = definition;
      return {
        fields: ({ errors, cards }) => <Form state={state} onChange={setState} errors={errors} cards={cards} />,
        body: () => definition.toBody(state),
        shownPaths: () => definition.shownPaths(state),
      };
    },
  };
}

const CARD_FORMS: Readonly<Record<CardKind, CardFormHook>> = {
  bot_message: defineCardForm({ ...states.botMessage, Form: BotMessageForm }),
  question: defineCardForm({ ...states.question, Form: QuestionForm }),
  capture: defineCardForm({ ...states.capture, Form: CaptureForm }),
  qualify: defineCardForm({ ...states.qualify, Form: QualifyForm }),
  disqualify: defineCardForm({ ...states.disqualify, Form: QualifyForm }),
  create_lead: defineCardForm({ ...states.createLead, Form: CreateLeadForm }),
  create_deal: defineCardForm({ ...states.createDeal, Form: CreateDealForm }),
  create_activity: defineCardForm({ ...states.createActivity, Form: CreateActivityForm }),
  availability_branch: defineCardForm({ ...states.availabilityBranch, Form: AvailabilityBranchForm }),
  live_chat: defineCardForm({ ...states.liveChat, Form: LiveChatForm }),
};

/**
 * The form state of one card. A card's kind never changes while its modal is open (the modal is
 * keyed by the card), so the same form's hooks run on every render.
 */
export function useCardForm(card: CardValues): CardForm {
  return CARD_FORMS[card.kind].useForm(card);
}
