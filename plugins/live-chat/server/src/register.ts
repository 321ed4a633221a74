import type { Core } from '@strapi/strapi';
import { attachmentSizeGuard } from './attachments/size-guard';
import { registerDocumentation } from './documentation';
import { completeErrorDetails } from './error-details';
import { copyOldRelationColumns } from './migrations/crm-relation-links';
import { adminActions } from './permissions';
import { guardContentManagerRoutes } from './content-manager-guard';
import { keepPluginOnlyTypesOutOfAdminPermissions } from './plugin-only';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany(adminActions);
  keepPluginOnlyTypesOutOfAdminPermissions(strapi);
  guardContentManagerRoutes(strapi);
  // Runs before the schema sync, as Strapi's own plugins register theirs.
  strapi.db.migrations.providers.internal.register(copyOldRelationColumns);
  registerDocumentation(strapi);
  // G4: registered before Strapi's own middlewares (added at bootstrap), so it runs before the body parser.
  strapi.server.use(attachmentSizeGuard(strapi));
  completeErrorDetails(strapi);
};
