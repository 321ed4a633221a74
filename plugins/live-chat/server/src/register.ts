import type { Core } from '@strapi/strapi';
import { registerDocumentation } from './documentation';
import { copyOldRelationColumns } from './migrations/crm-relation-links';
import { adminActions } from './permissions';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany(adminActions);
  // Runs before the schema sync, as Strapi's own plugins register theirs.
  strapi.db.migrations.providers.internal.register(copyOldRelationColumns);
  registerDocumentation(strapi);
};
