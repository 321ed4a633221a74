import { Button, Field, Flex, Modal, TextInput, Typography } from '@strapi/design-system';
import * as React from 'react';
import { CARD_TITLE_MAX, type PlaybookCard } from '../../../shared/contracts/playbooks';
import { apiProblem } from '../api/problem';
import { usePlaybookApi } from '../api/playbooks';
import { useT } from '../hooks/useT';
import { KIND_LABELS, type CardDraft } from '../utils/cards';
import { unshownErrors } from './card-forms/errors';
import { useCardForm } from './card-forms/registry';
import { translation as translationState } from './card-forms/state';
import { TranslationForm } from './card-forms/TranslationForm';
import type { CardOption, FieldErrors } from './card-forms/types';

/** E5: editing a copy in another locale than the default: texts only. */
export interface TranslationTarget {
  locale: string;
  /** The language's name ("Swedish (sv)") and the default locale's, for the hint. */
  name: string;
  defaultName: string;
}

interface Props {
  playbookId: string;
  /** A stored card (the pencil) or a new card's starting values (Add card). */
  card: PlaybookCard | CardDraft;
  /** Every card of the playbook, in order: the "next card" choices. */
  cards: PlaybookCard[];
  /** Errors the last Save reported for this card (`settings.next`, …), shown at their fields at once. */
  initialErrors?: FieldErrors;
  /** Set when the editor works on a copy: the form then shows and sends the card's texts only. */
  translation?: TranslationTarget;
  onClose: () => void;
  onSaved: () => void;
}

const isStored = (card: PlaybookCard | CardDraft): card is PlaybookCard => 'documentId' in card;

/** A1–A3, A6: the pencil's form, one per card kind. Field errors come from the server, shown at each field. */
export const CardEditorModal = ({ playbookId, card, cards, initialErrors = {}, translation, onClose, onSaved }: Props) => {
  const tr = useT();
  const api = usePlaybookApi();
  const form = useCardForm(card);
  const [texts, setTexts] = React.useState(() => translationState.init(card));
  const [title, setTitle] = React.useState(card.title ?? '');
  const [errors, setErrors] = React.useState<FieldErrors>(initialErrors);
  const [failure, setFailure] = React.useState<string | null>(null);
  const [busy, setBusy] = React.useState(false);
  const kindLabel = (kind: PlaybookCard['kind']) => tr(`card.kind.${kind}`, KIND_LABELS[kind]);

  const options: CardOption[] = cards
    .filter((other) => !isStored(card) || other.documentId !== card.documentId)
    .map((other) => ({
      documentId: other.documentId,
      label: tr('card.next.option', '{position}. {title} ({kind})', {
        position: other.position + 1,
        title: other.title || kindLabel(other.kind),
        kind: kindLabel(other.kind),
      }),
    }));

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const body = { title, ...form.body() };
    setBusy(true);
    try {
      if (translation && isStored(card))
        await api.updateCard(playbookId, card.documentId, translationState.toBody(texts), translation.locale);
      else if (isStored(card)) await api.updateCard(playbookId, card.documentId, body);
      else await api.addCard(playbookId, { kind: card.kind, ...body });
      onSaved();
    } catch (e) {
      const problem = apiProblem(e);
      setErrors(problem.fields);
      setFailure(Object.keys(problem.fields).length > 0 ? null : problem.message);
    } finally {
      setBusy(false);
    }
  };

  const kind = kindLabel(card.kind);
  const others = unshownErrors(errors, translation ? translationState.shownPaths(texts) : ['title', ...form.shownPaths()]);

  return (
    <Modal.Root open onOpenChange={(open: boolean) => !open && onClose()}>
      <Modal.Content>
        <form onSubmit={submit} noValidate>
          <Modal.Header>
            <Modal.Title>
              {isStored(card) ? tr('card.editTitle', 'Edit {kind}', { kind }) : tr('card.addTitle', 'Add {kind}', { kind })}
            </Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Flex direction="column" alignItems="stretch" gap={4}>
              {[failure, ...others]
                .filter((m): m is string => m !== null)
                .map((message) => (
                  <Typography key={message} textColor="danger600" role="alert">
                    {message}
                  </Typography>
                ))}
              {translation ? (
                <>
                  <Typography textColor="neutral600">
                    {tr(
                      'card.translation.hint',
                      'Texts in {language}. Links, buttons, fields and the wait time follow {defaultLanguage}.',
                      {
                        language: translation.name,
                        defaultLanguage: translation.defaultName,
                      },
                    )}
                  </Typography>
                  <TranslationForm state={texts} onChange={setTexts} errors={errors} />
                </>
              ) : (
                <>
                  <Field.Root name="title" error={errors.title} hint={tr('card.titleHint', 'Shown to admins only')}>
                    <Field.Label>{tr('card.field.title', 'Title')}</Field.Label>
                    <TextInput
                      value={title}
                      onChange={(e: React.ChangeEvent<HTMLInputElement>) => setTitle(e.target.value)}
                      maxLength={CARD_TITLE_MAX}
                    />
                    <Field.Hint />
                    <Field.Error />
                  </Field.Root>
                  {form.fields({ errors, cards: options })}
                </>
              )}
            </Flex>
          </Modal.Body>
          <Modal.Footer>
            <Modal.Close>
              <Button variant="tertiary">{tr('action.cancel', 'Cancel')}</Button>
            </Modal.Close>
            <Button type="submit" loading={busy}>
              {tr('card.submit', 'Save card')}
            </Button>
          </Modal.Footer>
        </form>
      </Modal.Content>
    </Modal.Root>
  );
};
