import type { Core } from '@strapi/strapi';
import type { PlaybookSummary } from '../../../shared/contracts/admin';
import { createPlaybookRepository } from '../repositories/playbooks';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const repository = createPlaybookRepository(strapi);
  return {
    /** Every playbook, newest edit first, with whether a published version exists. */
    async list(): Promise<PlaybookSummary[]> {
      return repository.listSummaries();
    },
  };
};
