/**
 * A1, A8: a playbook's life: created (from a template), edited, saved (published), taken offline
 * (unpublished), deleted, copied into another locale (E5). Saving publishes one locale: in the
 * default locale the playbook and every card in one transaction, only when the whole flow is valid,
 * so what runs is always exactly the draft the admin confirmed; in another locale the copy's texts,
 * each checked as the default card with those texts.
 */
import type { CreatePlaybookBody, UpdatePlaybookBody } from '../../../shared/contracts/playbooks';
import { validateCard, validatePlaybookGraph, type FieldError } from '../../../shared/domain/playbook-cards';
import { PLAYBOOK_TEMPLATE_CONTENT } from '../../../shared/playbook-template';
import { conflict, invalidInput, notFound } from '../errors';
import type { CardRecord, PlaybookRecord, PlaybookRepository } from '../repositories/playbooks';
import { normalizeCard, overlayCardRecord, toFlowCard } from './card-content';
import { resolveLocale, structureMessage, type LocaleScope } from './locales';

/** The shared (non-localized) columns, written with every copy so Strapi's i18n sync only ever copies the default's. */
const sharedPlaybookColumns = (playbook: PlaybookRecord) => ({ active: playbook.active, targetUrlPatterns: playbook.targetUrlPatterns });
const sharedCardColumns = (card: CardRecord) => ({
  kind: card.kind,
  position: card.position,
  title: card.title,
  waitTimeSeconds: card.waitTimeSeconds,
});

export const createPlaybookLifecycle = (repository: PlaybookRepository, now: () => Date) => {
  async function requireDraft(documentId: string, locale: string) {
    const draft = await repository.findPlaybook(documentId, 'draft', locale);
    if (!draft) throw notFound('Playbook');
    return draft;
  }

  async function requireCopy(documentId: string, scope: LocaleScope) {
    await requireDraft(documentId, scope.defaultLocale);
    const copy = await repository.findPlaybook(documentId, 'draft', scope.locale);
    if (!copy) throw notFound(`The ${scope.locale} copy of the playbook`);
    return copy;
  }

  /** The card ids of both versions: a card removed from the draft may still be published. */
  async function allCardIds(documentId: string, locale: string): Promise<string[]> {
    const [draft, published] = await Promise.all([
      repository.listCards('draft', [documentId], locale),
      repository.listCards('published', [documentId], locale),
    ]);
    return [...new Set([...draft, ...published].map((c) => c.documentId))];
  }

  /** Save in the default locale: the whole flow is checked, then published; stale cards go in every locale. */
  async function publishDefault(documentId: string, locale: string): Promise<void> {
    const draft = await requireDraft(documentId, locale);
    const cards = await repository.listCards('draft', [documentId], locale);
    const errors: FieldError[] = cards.flatMap((card) =>
      validateCard(card).map((e) => ({ ...e, path: ['cards', card.documentId, ...e.path] })),
    );
    errors.push(...validatePlaybookGraph({ id: documentId, name: draft.name, cards: cards.map(toFlowCard) }));
    if (errors.length > 0) throw invalidInput('The playbook cannot be saved: fix the cards first', errors);

    const draftIds = new Set(cards.map((c) => c.documentId));
    const published = await repository.listCards('published', [documentId], locale);
    for (const stale of published.filter((c) => !draftIds.has(c.documentId))) {
      await repository.deleteCard(stale.documentId);
    }
    // The playbook first: a card's published version links to the playbook's published version.
    await repository.publishPlaybook(documentId, locale);
    for (const card of cards) await repository.publishCard(card.documentId, locale);
  }

  /** Save in another locale: each card of the copy, read over the default structure, must be valid. */
  async function publishCopy(documentId: string, scope: LocaleScope): Promise<void> {
    await requireCopy(documentId, scope);
    const [structure, copies] = await Promise.all([
      repository.listCards('draft', [documentId], scope.defaultLocale),
      repository.listCards('draft', [documentId], scope.locale),
    ]);
    const byId = new Map(structure.map((c) => [c.documentId, c]));
    const current = copies.filter((c) => byId.has(c.documentId));
    const errors: FieldError[] = current.flatMap((copy) =>
      validateCard(overlayCardRecord(byId.get(copy.documentId) as CardRecord, copy)).map((e) => ({
        ...e,
        path: ['cards', copy.documentId, ...e.path],
      })),
    );
    if (errors.length > 0) throw invalidInput('The translation cannot be saved: fix the cards first', errors);
    await repository.publishPlaybook(documentId, scope.locale);
    for (const copy of current) await repository.publishCard(copy.documentId, scope.locale);
  }

  return {
    /** A new draft playbook in the default locale, with the template's cards in order (A1). */
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

    /** Name, active flag and target URL patterns of the draft (A8); in another locale only the name. */
    async update(documentId: string, body: UpdatePlaybookBody, locale?: string): Promise<void> {
      await repository.transaction(async () => {
        const scope = await resolveLocale(repository, locale);
        if (scope.isDefault) {
          await requireDraft(documentId, scope.locale);
          await repository.updatePlaybook(documentId, body, scope.locale);
          return;
        }
        const refused = (['active', 'targetUrlPatterns'] as const)
          .filter((key) => body[key] !== undefined)
          .map((key) => ({ path: [key], message: structureMessage(scope.defaultLocale) }));
        if (refused.length > 0) throw invalidInput('Only texts can be changed in a translation', refused);
        await requireCopy(documentId, scope);
        const base = await requireDraft(documentId, scope.defaultLocale);
        if (body.name !== undefined) {
          await repository.updatePlaybook(documentId, { ...sharedPlaybookColumns(base), name: body.name }, scope.locale);
        }
      });
    },

    /**
     * Save (A1 "saving confirms it") of one locale. Default: validates every card and the flow's
     * links, then publishes the playbook and its cards and deletes published cards the draft no
     * longer has. Another locale: publishes the copy's texts.
     */
    async publish(documentId: string, locale?: string): Promise<void> {
      await repository.transaction(async () => {
        const scope = await resolveLocale(repository, locale);
        if (scope.isDefault) await publishDefault(documentId, scope.locale);
        else await publishCopy(documentId, scope);
      });
    },

    /** Takes the playbook off every site (A8), in every locale; the drafts stay for editing. */
    async unpublish(documentId: string): Promise<void> {
      await repository.transaction(async () => {
        const locale = await repository.defaultLocale();
        await requireDraft(documentId, locale);
        const published = await allPublishedCardIds(documentId);
        await repository.unpublishPlaybook(documentId);
        // Published cards would otherwise outlive their playbook's link and never be cleaned up.
        for (const cardId of published) await repository.unpublishCard(cardId);
      });
    },

    /** Deletes the playbook, all its cards (every version, every locale) and its recorded installations. */
    async remove(documentId: string): Promise<void> {
      await repository.transaction(async () => {
        const locale = await repository.defaultLocale();
        await requireDraft(documentId, locale);
        const ids = new Set(await allCardIds(documentId, locale));
        for (const copy of (await repository.listCopies([documentId])).get(documentId) ?? []) {
          if (copy.locale !== locale) for (const id of await allCardIds(documentId, copy.locale)) ids.add(id);
        }
        for (const cardId of ids) await repository.deleteCard(cardId);
        await repository.deletePlaybook(documentId);
        await repository.deleteInstallations(documentId);
      });
    },

    /**
     * E5: creates the playbook's copy in `locale` from the texts of `from` (default: the default
     * locale), playbook first (a card's copy links to the playbook's copy), then every card of the
     * default structure. 409 when the copy exists; 404 when `from` has no copy to start from.
     */
    async createCopy(documentId: string, locale: string, from?: string): Promise<void> {
      await repository.transaction(async () => {
        const scope = await resolveLocale(repository, locale);
        const source = await resolveLocale(repository, from);
        const base = await requireDraft(documentId, scope.defaultLocale);
        if (scope.isDefault || (await repository.findPlaybook(documentId, 'draft', scope.locale))) {
          throw conflict('copy_exists', `The playbook already has a ${scope.locale} copy`);
        }
        const sourcePlaybook = source.isDefault ? base : await repository.findPlaybook(documentId, 'draft', source.locale);
        if (!sourcePlaybook) throw notFound(`The ${source.locale} copy of the playbook`);
        const structure = await repository.listCards('draft', [documentId], scope.defaultLocale);
        const texts = source.isDefault ? [] : await repository.listCards('draft', [documentId], source.locale);
        const textsById = new Map(texts.map((c) => [c.documentId, c]));

        await repository.updatePlaybook(documentId, { ...sharedPlaybookColumns(base), name: sourcePlaybook.name }, scope.locale);
        for (const card of structure) {
          const copy = overlayCardRecord(card, textsById.get(card.documentId));
          const data = { ...sharedCardColumns(card), settings: copy.settings, onlineMessage: copy.onlineMessage, offlineMessage: copy.offlineMessage };
          await repository.updateCard(card.documentId, data as Parameters<typeof repository.updateCard>[1], scope.locale, documentId);
        }
      });
    },
  };

  /** Every card with a published version in any locale. */
  async function allPublishedCardIds(documentId: string): Promise<string[]> {
    const ids = new Set<string>();
    for (const copy of (await repository.listCopies([documentId])).get(documentId) ?? []) {
      if (!copy.published) continue;
      for (const card of await repository.listCards('published', [documentId], copy.locale)) ids.add(card.documentId);
    }
    return [...ids];
  }
};
