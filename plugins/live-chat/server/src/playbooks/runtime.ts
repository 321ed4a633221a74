/**
 * What the widget runs (A8): only the published version of an active playbook, never a draft.
 * The real-time and visitor code call these through the `playbooks` service.
 */
import type { FlowPlaybook } from '../../../shared/domain/playbook-cards';
import { pickPlaybookForUrl } from '../../../shared/domain/url-patterns';
import type { PlaybookRepository } from '../repositories/playbooks';
import { toFlowCard } from './card-content';

export const createPlaybookRuntime = (repository: PlaybookRepository) => {
  async function findRunnablePlaybook(documentId: string): Promise<FlowPlaybook | null> {
    const published = await repository.findPlaybook(documentId, 'published');
    if (!published || !published.active) return null;
    const cards = await repository.listCards('published', [documentId]);
    return { id: documentId, name: published.name, cards: cards.map(toFlowCard) };
  }

  return {
    /** The published, active playbook in the flow engine's shape (card ids = document ids), or null. */
    findRunnablePlaybook,

    /** The published, active playbook whose target URL patterns match the page most specifically, or null. */
    async findPlaybookForPage(url: string): Promise<FlowPlaybook | null> {
      const candidates = await repository.listPlaybooks('published', { active: true });
      const documentId = pickPlaybookForUrl(candidates, url);
      return documentId === null ? null : findRunnablePlaybook(documentId);
    },
  };
};
