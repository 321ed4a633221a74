/** Loads what the playbook screens show: both versions, their cards, installations and copies, in a handful of queries. */
import type { CardRecord, InstallationRecord, PlaybookRecord, PlaybookRepository } from '../repositories/playbooks';
import type { PlaybookState } from './presenters';

function groupBy<T>(items: readonly T[], key: (item: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === null) continue;
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return groups;
}

/**
 * Every playbook (newest edit first), or only `documentId`, in the default locale (which gives a
 * playbook its structure); a playbook without a default-locale draft does not exist.
 */
export async function loadPlaybookStates(repository: PlaybookRepository, documentId?: string): Promise<PlaybookState[]> {
  const filters = documentId === undefined ? {} : { documentId };
  const locale = await repository.defaultLocale();
  const [drafts, published] = await Promise.all([
    repository.listPlaybooks('draft', filters, locale),
    repository.listPlaybooks('published', filters, locale),
  ]);
  const ids = drafts.map((p) => p.documentId);
  const [draftCards, publishedCards, installations, copies] = await Promise.all([
    repository.listCards('draft', ids, locale),
    repository.listCards('published', ids, locale),
    repository.listInstallations(ids),
    repository.listCopies(ids),
  ]);
  const byPlaybook = (cards: CardRecord[]) => groupBy(cards, (c) => c.playbookDocumentId);
  const draftsBy = byPlaybook(draftCards);
  const publishedBy = byPlaybook(publishedCards);
  const installationsBy = groupBy<InstallationRecord>(installations, (i) => i.playbookDocumentId);
  const publishedById = new Map(published.map((p) => [p.documentId, p]));
  return drafts.map((draft) => ({
    draft,
    draftCards: draftsBy.get(draft.documentId) ?? [],
    published: publishedById.get(draft.documentId) ?? null,
    publishedCards: publishedBy.get(draft.documentId) ?? [],
    installations: installationsBy.get(draft.documentId) ?? [],
    copies: copies.get(draft.documentId) ?? [],
  }));
}

/** A playbook's copy in one locale: its texts in both versions (null when it has no draft there). */
export interface CopyState {
  locale: string;
  draft: PlaybookRecord;
  draftCards: CardRecord[];
  published: PlaybookRecord | null;
  publishedCards: CardRecord[];
}

export async function loadCopy(repository: PlaybookRepository, documentId: string, locale: string): Promise<CopyState | null> {
  const [draft, published, draftCards, publishedCards] = await Promise.all([
    repository.findPlaybook(documentId, 'draft', locale),
    repository.findPlaybook(documentId, 'published', locale),
    repository.listCards('draft', [documentId], locale),
    repository.listCards('published', [documentId], locale),
  ]);
  return draft === null ? null : { locale, draft, draftCards, published, publishedCards };
}
