/** Loads what the playbook screens show: both versions, their cards and installations, in five queries. */
import type { CardRecord, InstallationRecord, PlaybookRepository } from '../repositories/playbooks';
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

/** Every playbook (newest edit first), or only `documentId`; a playbook without a draft does not exist. */
export async function loadPlaybookStates(repository: PlaybookRepository, documentId?: string): Promise<PlaybookState[]> {
  const filters = documentId === undefined ? {} : { documentId };
  const [drafts, published] = await Promise.all([
    repository.listPlaybooks('draft', filters),
    repository.listPlaybooks('published', filters),
  ]);
  const ids = drafts.map((p) => p.documentId);
  const [draftCards, publishedCards, installations] = await Promise.all([
    repository.listCards('draft', ids),
    repository.listCards('published', ids),
    repository.listInstallations(ids),
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
  }));
}
