import type { Core } from '@strapi/strapi';
import { uid } from '../../../shared/constants';
import { isUniqueViolation } from '../repositories/sql';

/** A5: the pages the widget reported from, one row per (playbook, origin, path), with last-seen time. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = () => strapi.db.query(uid('installation'));

  async function touch(playbookDocumentId: string, origin: string, path: string, now: Date): Promise<boolean> {
    const existing = await rows().findOne({ where: { playbookDocumentId, origin, path }, select: ['id'] });
    if (!existing) return false;
    await rows().update({ where: { id: existing.id }, data: { lastSeenAt: now } });
    return true;
  }

  return {
    /** Records (or refreshes) the page a playbook was loaded on; ignores URLs that are not http(s). */
    async record(playbookDocumentId: string, pageUrl: string, now: Date = new Date()): Promise<void> {
      let url: URL;
      try {
        url = new URL(pageUrl);
      } catch {
        return;
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return;
      const origin = url.origin;
      const path = url.pathname.slice(0, 1024);
      if (await touch(playbookDocumentId, origin, path, now)) return;
      // Installations are per playbook document: linked to its published default-locale row (E5).
      const playbookId: number | null = await strapi.plugin('live-chat').service('playbooks').publishedRowId(playbookDocumentId);
      try {
        await rows().create({ data: { playbookDocumentId, origin, path, lastSeenAt: now, playbook: playbookId } });
      } catch (error) {
        // Two first visits at once: the other one created the row; refresh it instead.
        if (!isUniqueViolation(error) || !(await touch(playbookDocumentId, origin, path, now))) throw error;
      }
    },
  };
};
