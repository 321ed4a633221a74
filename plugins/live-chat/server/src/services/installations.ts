import type { Core } from '@strapi/strapi';
import { uid } from '../../../shared/constants';
import { updateOrCreate } from '../repositories/sql';

/** A5: the pages the widget reported from, one row per (playbook, origin, path), with last-seen time. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = () => strapi.db.query(uid('installation'));

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
      // Installations are per playbook document: linked to its published default-locale row (E5).
      await updateOrCreate(rows(), { playbookDocumentId, origin, path }, { lastSeenAt: now }, async () => ({
        playbookDocumentId,
        origin,
        path,
        lastSeenAt: now,
        playbook: await strapi.plugin('live-chat').service('playbooks').publishedRowId(playbookDocumentId),
      }));
    },
  };
};
