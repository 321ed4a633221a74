import type { Core } from '@strapi/strapi';
import { uid } from '../../../shared/constants';
import type { PlaybookSummary } from '../../../shared/contracts/admin';

const PLAYBOOK = uid('playbook');

export const createPlaybookRepository = (strapi: Core.Strapi) => ({
  async listSummaries(): Promise<PlaybookSummary[]> {
    const documents = strapi.documents(PLAYBOOK);
    const [drafts, published] = await Promise.all([
      documents.findMany({ status: 'draft', sort: 'updatedAt:desc', fields: ['name', 'active', 'updatedAt'] }),
      documents.findMany({ status: 'published', fields: ['documentId'] }),
    ]);
    const publishedIds = new Set(published.map((doc) => doc.documentId));
    return drafts.map((doc) => ({
      documentId: doc.documentId,
      name: doc.name as string,
      active: Boolean(doc.active),
      published: publishedIds.has(doc.documentId),
      updatedAt: String(doc.updatedAt),
    }));
  },
});
