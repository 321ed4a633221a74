/**
 * A1, A2, A3: the editor's card actions (add, pencil, trash, reorder) on a playbook's draft. Every
 * write is validated by the domain first and runs in one transaction, so a refused card writes
 * nothing and positions stay 0…n-1. The published version changes only when the admin saves.
 * Cards are added, removed and reordered in the default locale only; in another locale the pencil
 * changes texts only (E5, shared/domain/playbook-locales.ts).
 */
import {
  MAX_CARDS_PER_PLAYBOOK,
  type CreateCardBody,
  type PlaybookCard,
  type UpdateCardBody,
} from '../../../shared/contracts/playbooks';
import type { FieldError } from '../../../shared/domain/playbook-cards';
import { structureEditErrors } from '../../../shared/domain/playbook-locales';
import { invalidInput, notFound } from '../errors';
import type { CardRecord, PlaybookRepository } from '../repositories/playbooks';
import { normalizeCard, overlayCardRecord, toCardView, type CardFields } from './card-content';
import { requireDefaultLocale, resolveLocale, structureMessage, type LocaleScope } from './locales';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The shared (non-localized) columns of a card, written with every copy so Strapi's i18n sync only ever copies the default's. */
const sharedColumns = (card: CardRecord) => ({
  kind: card.kind,
  position: card.position,
  title: card.title,
  waitTimeSeconds: card.waitTimeSeconds,
});

/** A copy's settings with an edit's texts laid in: given keys replace, button labels are matched by id. */
function withEditedTexts(settings: Record<string, unknown>, edit: Record<string, unknown>): Record<string, unknown> {
  const next = { ...settings };
  for (const [key, value] of Object.entries(edit)) {
    if (key === 'buttons' && Array.isArray(settings.buttons) && Array.isArray(value)) {
      const labels = new Map(value.filter(isRecord).map((b) => [b.id, b.label]));
      next.buttons = settings.buttons.map((b) => (isRecord(b) && labels.has(b.id) ? { ...b, label: labels.get(b.id) } : b));
    } else {
      next[key] = value;
    }
  }
  return next;
}

export const createCardOperations = (repository: PlaybookRepository, now: () => Date) => {
  /** The default locale's draft cards (the structure), or 404 when the playbook does not exist. */
  async function draftCardsOf(playbookDocumentId: string, scope: LocaleScope): Promise<CardRecord[]> {
    const playbook = await repository.findPlaybook(playbookDocumentId, 'draft', scope.defaultLocale);
    if (!playbook) throw notFound('Playbook');
    return repository.listCards('draft', [playbookDocumentId], scope.defaultLocale);
  }

  function cardIn(cards: CardRecord[], cardDocumentId: string): CardRecord {
    const card = cards.find((c) => c.documentId === cardDocumentId);
    if (!card) throw notFound('Card');
    return card;
  }

  /** Writes positions 0…n-1 in the given order, touching only cards whose position changed. */
  async function renumber(ordered: readonly { documentId: string; position: number }[], locale: string): Promise<void> {
    for (const [position, card] of ordered.entries()) {
      if (card.position !== position) await repository.updateCard(card.documentId, { position }, locale);
    }
  }

  function contentOrThrow(fields: CardFields) {
    const content = normalizeCard(fields, now());
    if (!content.ok) throw invalidInput('The card has invalid fields', content.errors);
    return content;
  }

  /** The card as the editor shows it in the scope's locale (default structure, the copy's texts). */
  async function view(cardDocumentId: string, scope: LocaleScope): Promise<PlaybookCard> {
    const base = await repository.findCard(cardDocumentId, 'draft', scope.defaultLocale);
    if (!base) throw notFound('Card');
    const copy = scope.isDefault ? null : await repository.findCard(cardDocumentId, 'draft', scope.locale);
    return toCardView(overlayCardRecord(base, copy ?? undefined));
  }

  /** The pencil in a copy: texts only, validated as the default card with these texts (E5). */
  async function updateCopyCard(playbookDocumentId: string, base: CardRecord, body: UpdateCardBody, scope: LocaleScope): Promise<void> {
    if (!(await repository.findPlaybook(playbookDocumentId, 'draft', scope.locale))) {
      throw notFound(`The ${scope.locale} copy of the playbook`);
    }
    const message = structureMessage(scope.defaultLocale);
    const refused: FieldError[] = [
      ...(body.title !== undefined ? [{ path: ['title'], message }] : []),
      ...(body.waitTimeSeconds !== undefined ? [{ path: ['waitTimeSeconds'], message }] : []),
      ...(base.kind !== 'live_chat' && body.onlineMessage != null ? [{ path: ['onlineMessage'], message }] : []),
      ...(base.kind !== 'live_chat' && body.offlineMessage != null ? [{ path: ['offlineMessage'], message }] : []),
      ...structureEditErrors(base.kind, body.settings, base.settings, scope.defaultLocale),
    ];
    if (refused.length > 0) throw invalidInput('Only texts can be changed in a translation', refused);

    const existing = await repository.findCard(base.documentId, 'draft', scope.locale);
    const current = overlayCardRecord(base, existing ?? undefined);
    const { data } = contentOrThrow({
      kind: base.kind,
      title: base.title,
      settings: withEditedTexts(current.settings, body.settings ?? {}),
      onlineMessage: body.onlineMessage === undefined ? current.onlineMessage : body.onlineMessage,
      waitTimeSeconds: base.waitTimeSeconds,
      offlineMessage: body.offlineMessage === undefined ? current.offlineMessage : body.offlineMessage,
    });
    const texts = { settings: data.settings, onlineMessage: data.onlineMessage, offlineMessage: data.offlineMessage };
    // A card added after the copy was made gets its copy now, linked to the playbook's copy.
    await repository.updateCard(base.documentId, { ...sharedColumns(base), ...texts }, scope.locale, existing ? undefined : playbookDocumentId);
  }

  return {
    /** Adds a card to the draft, at `position` or else at the end (A1: "add a Live Chat card"); default locale only. */
    addCard(playbookDocumentId: string, body: CreateCardBody, locale?: string): Promise<PlaybookCard> {
      return repository.transaction(async () => {
        const scope = await resolveLocale(repository, locale);
        requireDefaultLocale(scope);
        const cards = await draftCardsOf(playbookDocumentId, scope);
        if (cards.length >= MAX_CARDS_PER_PLAYBOOK) {
          throw invalidInput('The playbook is full', [{ path: [], message: `At most ${MAX_CARDS_PER_PLAYBOOK} cards` }]);
        }
        const { data } = contentOrThrow(body);
        const position = Math.min(body.position ?? cards.length, cards.length);
        const documentId = await repository.createCard(playbookDocumentId, { ...data, position });
        const ordered = cards.map((c) => ({ documentId: c.documentId, position: c.position }));
        ordered.splice(position, 0, { documentId, position });
        await renumber(ordered, scope.defaultLocale);
        return view(documentId, scope);
      });
    },

    /**
     * The pencil: changes the given fields; omitted fields keep their value, the kind never changes.
     * In another locale than the default: texts only (400 for anything else).
     */
    updateCard(playbookDocumentId: string, cardDocumentId: string, body: UpdateCardBody, locale?: string): Promise<PlaybookCard> {
      return repository.transaction(async () => {
        const scope = await resolveLocale(repository, locale);
        const card = cardIn(await draftCardsOf(playbookDocumentId, scope), cardDocumentId);
        if (!scope.isDefault) {
          await updateCopyCard(playbookDocumentId, card, body, scope);
          return view(cardDocumentId, scope);
        }
        const keep = <T>(value: T | undefined, stored: T): T => (value === undefined ? stored : value);
        const { data } = contentOrThrow({
          kind: card.kind,
          title: keep(body.title, card.title),
          settings: keep(body.settings, card.settings),
          onlineMessage: keep<unknown>(body.onlineMessage, card.onlineMessage),
          waitTimeSeconds: keep(body.waitTimeSeconds, card.waitTimeSeconds),
          offlineMessage: keep<unknown>(body.offlineMessage, card.offlineMessage),
        });
        await repository.updateCard(cardDocumentId, data, scope.defaultLocale);
        return view(cardDocumentId, scope);
      });
    },

    /**
     * The trash (default locale only): removes the card from the draft in every locale; its
     * published versions go on the next save.
     */
    deleteCard(playbookDocumentId: string, cardDocumentId: string, locale?: string): Promise<{ documentId: string }> {
      return repository.transaction(async () => {
        const scope = await resolveLocale(repository, locale);
        requireDefaultLocale(scope);
        const cards = await draftCardsOf(playbookDocumentId, scope);
        cardIn(cards, cardDocumentId);
        const published = await repository.findCard(cardDocumentId, 'published', scope.defaultLocale);
        if (published) await repository.deleteCardDrafts(cardDocumentId);
        else await repository.deleteCard(cardDocumentId);
        await renumber(cards.filter((c) => c.documentId !== cardDocumentId), scope.defaultLocale);
        return { documentId: cardDocumentId };
      });
    },

    /** Puts the draft's cards in the given order (default locale only); the list must name each of them exactly once. */
    reorderCards(playbookDocumentId: string, cardDocumentIds: string[], locale?: string): Promise<PlaybookCard[]> {
      return repository.transaction(async () => {
        const scope = await resolveLocale(repository, locale);
        requireDefaultLocale(scope);
        const cards = await draftCardsOf(playbookDocumentId, scope);
        const byId = new Map(cards.map((c) => [c.documentId, c]));
        const sameSet = cardDocumentIds.length === cards.length && new Set(cardDocumentIds).size === cards.length;
        if (!sameSet || !cardDocumentIds.every((id) => byId.has(id))) {
          const message = 'List every card of the playbook exactly once';
          throw invalidInput('The card order does not match the playbook', [{ path: ['cardDocumentIds'], message }]);
        }
        await renumber(cardDocumentIds.map((id) => byId.get(id) as CardRecord), scope.defaultLocale);
        const reordered = await repository.listCards('draft', [playbookDocumentId], scope.defaultLocale);
        return reordered.map(toCardView);
      });
    },
  };
};
