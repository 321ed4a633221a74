/**
 * What the widget runs (A8): only the published version of an active playbook, never a draft.
 * The structure (cards, links) is the default locale's; a visitor whose language has a published
 * copy gets that copy's texts over it (E5). The real-time and visitor code call these through the
 * `playbooks` service.
 */
import type { FlowPlaybook } from '../../../shared/domain/playbook-cards';
import { localizePlaybook, matchLocale } from '../../../shared/domain/playbook-locales';
import { pickPlaybookForUrl } from '../../../shared/domain/url-patterns';
import type { PlaybookRepository } from '../repositories/playbooks';
import { toFlowCard } from './card-content';

/** A runnable playbook in the words of one locale. */
export interface RunnablePlaybook extends FlowPlaybook {
  /** The locale whose texts it carries (the default locale when the visitor's language has no copy). */
  locale: string;
}

export const createPlaybookRuntime = (repository: PlaybookRepository) => {
  /**
   * The published, active playbook (card ids = document ids), in the texts of the published copy
   * that best matches `language` (exact tag, primary subtag, else the default locale), or null.
   */
  async function findRunnablePlaybook(documentId: string, language?: string | null): Promise<RunnablePlaybook | null> {
    const defaultLocale = await repository.defaultLocale();
    const published = await repository.findPlaybook(documentId, 'published', defaultLocale);
    if (!published || !published.active) return null;
    const cards = await repository.listCards('published', [documentId], defaultLocale);
    const base: FlowPlaybook = { id: documentId, name: published.name, cards: cards.map(toFlowCard) };
    if (!language) return { ...base, locale: defaultLocale };

    const copies = (await repository.listCopies([documentId])).get(documentId) ?? [];
    const locale = matchLocale(language, copies.filter((c) => c.published).map((c) => c.locale), defaultLocale);
    if (locale === defaultLocale) return { ...base, locale };
    const [copy, copyCards] = await Promise.all([
      repository.findPlaybook(documentId, 'published', locale),
      repository.listCards('published', [documentId], locale),
    ]);
    const translation = copy && { name: copy.name, cards: copyCards.map(toFlowCard) };
    return { ...localizePlaybook(base, translation), locale };
  }

  return {
    findRunnablePlaybook,

    /**
     * The published, active playbook whose target URL patterns match the page most specifically
     * (read from the default locale: targeting is shared by every copy), or null.
     */
    async findPlaybookForPage(url: string, language?: string | null): Promise<RunnablePlaybook | null> {
      const candidates = await repository.listPlaybooks('published', { active: true }, await repository.defaultLocale());
      const documentId = pickPlaybookForUrl(candidates, url);
      return documentId === null ? null : findRunnablePlaybook(documentId, language);
    },

    /** The row id of the published default-locale version, which conversations and installations link to. */
    publishedRowId: (documentId: string) => repository.publishedRowId(documentId),
  };
};
