/**
 * A1, A2, A3: the editor's card actions (add, pencil, trash, reorder) on a playbook's draft. Every
 * write is validated by the domain first and runs in one transaction, so a refused card writes
 * nothing and positions stay 0…n-1. The published version changes only when the admin saves.
 */
import {
  MAX_CARDS_PER_PLAYBOOK,
  type CreateCardBody,
  type PlaybookCard,
  type UpdateCardBody,
} from '../../../shared/contracts/playbooks';
import { invalidInput, notFound } from '../errors';
import type { CardRecord, PlaybookRepository } from '../repositories/playbooks';
import { normalizeCard, toCardView, type CardFields } from './card-content';

export const createCardOperations = (repository: PlaybookRepository, now: () => Date) => {
  /** The draft's cards, or 404 when the playbook does not exist. */
  async function draftCardsOf(playbookDocumentId: string): Promise<CardRecord[]> {
    const playbook = await repository.findPlaybook(playbookDocumentId, 'draft');
    if (!playbook) throw notFound('Playbook');
    return repository.listCards('draft', [playbookDocumentId]);
  }

  function cardIn(cards: CardRecord[], cardDocumentId: string): CardRecord {
    const card = cards.find((c) => c.documentId === cardDocumentId);
    if (!card) throw notFound('Card');
    return card;
  }

  /** Writes positions 0…n-1 in the given order, touching only cards whose position changed. */
  async function renumber(ordered: readonly { documentId: string; position: number }[]): Promise<void> {
    for (const [position, card] of ordered.entries()) {
      if (card.position !== position) await repository.updateCard(card.documentId, { position });
    }
  }

  function contentOrThrow(fields: CardFields) {
    const content = normalizeCard(fields, now());
    if (!content.ok) throw invalidInput('The card has invalid fields', content.errors);
    return content;
  }

  async function view(cardDocumentId: string): Promise<PlaybookCard> {
    const card = await repository.findCard(cardDocumentId, 'draft');
    if (!card) throw notFound('Card');
    return toCardView(card);
  }

  return {
    /** Adds a card to the draft, at `position` or else at the end (A1: "add a Live Chat card"). */
    addCard(playbookDocumentId: string, body: CreateCardBody): Promise<PlaybookCard> {
      return repository.transaction(async () => {
        const cards = await draftCardsOf(playbookDocumentId);
        if (cards.length >= MAX_CARDS_PER_PLAYBOOK) {
          throw invalidInput('The playbook is full', [{ path: [], message: `At most ${MAX_CARDS_PER_PLAYBOOK} cards` }]);
        }
        const { data } = contentOrThrow(body);
        const position = Math.min(body.position ?? cards.length, cards.length);
        const documentId = await repository.createCard(playbookDocumentId, { ...data, position });
        const ordered = cards.map((c) => ({ documentId: c.documentId, position: c.position }));
        ordered.splice(position, 0, { documentId, position });
        await renumber(ordered);
        return view(documentId);
      });
    },

    /** The pencil: changes the given fields; omitted fields keep their value, the kind never changes. */
    updateCard(playbookDocumentId: string, cardDocumentId: string, body: UpdateCardBody): Promise<PlaybookCard> {
      return repository.transaction(async () => {
        const card = cardIn(await draftCardsOf(playbookDocumentId), cardDocumentId);
        const keep = <T>(value: T | undefined, stored: T): T => (value === undefined ? stored : value);
        const { data } = contentOrThrow({
          kind: card.kind,
          title: keep(body.title, card.title),
          settings: keep(body.settings, card.settings),
          onlineMessage: keep<unknown>(body.onlineMessage, card.onlineMessage),
          waitTimeSeconds: keep(body.waitTimeSeconds, card.waitTimeSeconds),
          offlineMessage: keep<unknown>(body.offlineMessage, card.offlineMessage),
        });
        await repository.updateCard(cardDocumentId, data);
        return view(cardDocumentId);
      });
    },

    /** The trash: removes the card from the draft; its published version goes on the next save. */
    deleteCard(playbookDocumentId: string, cardDocumentId: string): Promise<{ documentId: string }> {
      return repository.transaction(async () => {
        const cards = await draftCardsOf(playbookDocumentId);
        cardIn(cards, cardDocumentId);
        const published = await repository.findCard(cardDocumentId, 'published');
        if (published) await repository.deleteCardDraft(cardDocumentId);
        else await repository.deleteCard(cardDocumentId);
        await renumber(cards.filter((c) => c.documentId !== cardDocumentId));
        return { documentId: cardDocumentId };
      });
    },

    /** Puts the draft's cards in the given order; the list must name each of them exactly once. */
    reorderCards(playbookDocumentId: string, cardDocumentIds: string[]): Promise<PlaybookCard[]> {
      return repository.transaction(async () => {
        const cards = await draftCardsOf(playbookDocumentId);
        const byId = new Map(cards.map((c) => [c.documentId, c]));
        const sameSet = cardDocumentIds.length === cards.length && new Set(cardDocumentIds).size === cards.length;
        if (!sameSet || !cardDocumentIds.every((id) => byId.has(id))) {
          const message = 'List every card of the playbook exactly once';
          throw invalidInput('The card order does not match the playbook', [{ path: ['cardDocumentIds'], message }]);
        }
        await renumber(cardDocumentIds.map((id) => byId.get(id) as CardRecord));
        const reordered = await repository.listCards('draft', [playbookDocumentId]);
        return reordered.map(toCardView);
      });
    },
  };
};
