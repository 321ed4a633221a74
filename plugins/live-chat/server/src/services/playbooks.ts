import type { Core } from '@strapi/strapi';
import type { PlaybookDetail, PlaybookSummary } from '../../../shared/contracts/playbooks';
import { notFound } from '../errors';
import { pluginConfig } from '../plugin-config';
import { createCardOperations } from '../playbooks/card-operations';
import { createPlaybookLifecycle } from '../playbooks/lifecycle';
import { loadCopy, loadPlaybookStates } from '../playbooks/load';
import { resolveLocale } from '../playbooks/locales';
import { toDetail, toSummary } from '../playbooks/presenters';
import { createPlaybookRuntime } from '../playbooks/runtime';
import { createPlaybookRepository } from '../repositories/playbooks';

/**
 * Playbooks (A1–A5, A8): the admin screens' reads and writes, and what the widget runs. Writes
 * live in playbooks/card-operations.ts and playbooks/lifecycle.ts; this module assembles them.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const repository = createPlaybookRepository(strapi);
  const now = () => new Date();
  const freshnessHours = () => pluginConfig(strapi).installationFreshnessHours;
  /** The configured public URL wins; the admin's request origin stands in when it is unset. */
  const serverUrl = (requestOrigin: string) => {
    const configured = strapi.config.get('server.url');
    return typeof configured === 'string' && configured !== '' ? configured : requestOrigin;
  };

  /**
   * One playbook's draft as the editor shows it, in `locale` (default: the default locale); 404 when
   * it does not exist, or has no copy in that locale yet.
   */
  async function get(documentId: string, requestOrigin: string, locale?: string): Promise<PlaybookDetail> {
    const scope = await resolveLocale(repository, locale);
    const [state] = await loadPlaybookStates(repository, documentId);
    if (!state) throw notFound('Playbook');
    const copy = scope.isDefault ? null : await loadCopy(repository, documentId, scope.locale);
    if (!scope.isDefault && !copy) throw notFound(`The ${scope.locale} copy of the playbook`);
    const view = { locales: await repository.listLocales(), defaultLocale: scope.defaultLocale, copy };
    return toDetail(state, now(), freshnessHours(), serverUrl(requestOrigin), view);
  }

  const lifecycle = createPlaybookLifecycle(repository, now);

  return {
    /** Every playbook, newest edit first, with its publish state, Live Chat status and installs. */
    async list(): Promise<PlaybookSummary[]> {
      const states = await loadPlaybookStates(repository);
      const at = now();
      return states.map((state) => toSummary(state, at, freshnessHours()));
    },

    get,

    /** Creates a draft playbook (from a template) and returns it as the editor shows it. */
    async create(body: Parameters<typeof lifecycle.create>[0], requestOrigin: string): Promise<PlaybookDetail> {
      return get(await lifecycle.create(body), requestOrigin);
    },

    /** Updates the draft's name, active flag or target URL patterns (another locale: its name) and returns it. */
    async update(documentId: string, body: Parameters<typeof lifecycle.update>[1], requestOrigin: string, locale?: string) {
      await lifecycle.update(documentId, body, locale);
      return get(documentId, requestOrigin, locale);
    },

    /** Save: validates and publishes one locale of the playbook (400 with field errors when invalid). */
    async publish(documentId: string, requestOrigin: string, locale?: string): Promise<PlaybookDetail> {
      await lifecycle.publish(documentId, locale);
      return get(documentId, requestOrigin, locale);
    },

    /** E5: creates the copy in `locale` from the texts of `from` and returns it as the editor shows it. */
    async createCopy(documentId: string, locale: string, from: string | undefined, requestOrigin: string): Promise<PlaybookDetail> {
      await lifecycle.createCopy(documentId, locale, from);
      return get(documentId, requestOrigin, locale);
    },

    /** Takes the playbook offline; the draft stays. */
    async unpublish(documentId: string, requestOrigin: string): Promise<PlaybookDetail> {
      await lifecycle.unpublish(documentId);
      return get(documentId, requestOrigin);
    },

    /** Deletes the playbook with its cards and installations. */
    remove: lifecycle.remove,

    ...createCardOperations(repository, now),
    ...createPlaybookRuntime(repository),
  };
};
