/**
 * A1, A8: a playbook's life: created (from a template), edited, saved (published), taken offline
 * (unpublished), deleted. Saving publishes the playbook and every card in one transaction, only
 * when the whole flow is valid, so what runs is always exactly the draft the admin confirmed.
 */
import type { CreatePlaybookBody, UpdatePlaybookBody } from '../../../shared/contracts/playbooks';
import { validateCard, validatePlaybookGraph, type FieldError } from '../../../shared/domain/playbook-cards';
import { PLAYBOOK_TEMPLATE_CONTENT } from '../../../shared/playbook-template';
import { invalidInput, notFound } from '../errors';
import type { PlaybookRepository } from '../repositories/playbooks';
import { normalizeCard, toFlowCard } from './card-content';

export const createPlaybookLifecycle = (repository: PlaybookRepository, now: () => Date) => {
  async function requireDraft(documentId: string) {
    const draft = await repository.findPlaybook(documentId, 'draft');
    if (!draft) throw notFound('Playbook');
    return draft;
  }

  /** The card ids of both versions: a card removed from the draft may still be published. */
  async function allCardIds(documentId: string): Promise<string[]> {
    const [draft, published] = await Promise.all([
      repository.listCards('draft', [documentId]),
      repository.listCards('published', [documentId]),
    ]);
    return [...new Set([...draft, ...published].map((c) => c.documentId))];
  }

  return {
    /** A new draft playbook, with the template's cards in order (A1). */
    create({ name, template = 'empty' }: CreatePlaybookBody): Promise<string> {
      const content = PLAYBOOK_TEMPLATE_CONTENT[template];
      return repository.transaction(async () => {
        const { active, targetUrlPatterns } = content;
        const documentId = await repository.createPlaybook({ name, active, targetUrlPatterns });
        for (const [position, card] of content.cards.entries()) {
          const normalized = normalizeCard(card, now());
          // The template is ours: a card it cannot store is a bug, not bad input.
          if (!normalized.ok) throw new Error(`Invalid template card ${position}: ${JSON.stringify(normalized.errors)}`);
          await repository.createCard(documentId, { ...normalized.data, position });
        }
        return documentId;
      });
    },

    /** Name, active flag and target URL patterns of the draft (A8). */
    async update(documentId: string, body: UpdatePlaybookBody): Promise<void> {
      await repository.transaction(async () => {
        await requireDraft(documentId);
        await repository.updatePlaybook(documentId, body);
      });
    },

    /**
     * Save (A1 "saving confirms it"): validates every card and the flow's links, then publishes the
     * playbook and its cards and deletes published cards the draft no longer has.
     */
    async publish(documentId: string): Promise<void> {
      await repository.transaction(async () => {
        const draft = await requireDraft(documentId);
        const cards = await repository.listCards('draft', [documentId]);
        const errors: FieldError[] = cards.flatMap((card) =>
          validateCard(card).map((e) => ({ ...e, path: ['cards', card.documentId, ...e.path] })),
        );
        errors.push(...validatePlaybookGraph({ id: documentId, name: draft.name, cards: cards.map(toFlowCard) }));
        if (errors.length > 0) throw invalidInput('The playbook cannot be saved: fix the cards first', errors);

        const draftIds = new Set(cards.map((c) => c.documentId));
        const published = await repository.listCards('published', [documentId]);
        for (const stale of published.filter((c) => !draftIds.has(c.documentId))) {
          await repository.deleteCard(stale.documentId);
        }
        // The playbook first: a card's published version links to the playbook's published version.
        await repository.publishPlaybook(documentId);
        for (const card of cards) await repository.publishCard(card.documentId);
      });
    },

    /** Takes the playbook off every site (A8); the draft stays for editing. */
    async unpublish(documentId: string): Promise<void> {
      await repository.transaction(async () => {
        await requireDraft(documentId);
        const published = await repository.listCards('published', [documentId]);
        await repository.unpublishPlaybook(documentId);
        // Published cards would otherwise outlive their playbook's link and never be cleaned up.
        for (const card of published) await repository.unpublishCard(card.documentId);
      });
    },

    /** Deletes the playbook, all its cards (both versions) and its recorded installations. */
    async remove(documentId: string): Promise<void> {
      await repository.transaction(async () => {
        await requireDraft(documentId);
        for (const cardId of await allCardIds(documentId)) await repository.deleteCard(cardId);
        await repository.deletePlaybook(documentId);
        await repository.deleteInstallations(documentId);
      });
    },
  };
};
