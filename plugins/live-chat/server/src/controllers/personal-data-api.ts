import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { eraseBodySchema, subjectParamsSchema } from '../../../shared/contracts/personal-data';
import type { PersonalDataService } from '../services/personal-data';
import { parseOrThrow } from '../validation';
import { sendArchive } from './personal-data';

/**
 * F5 through the content API, for integrations: Strapi's route authorizer lets only API tokens and
 * users-permissions roles granted `plugin::live-chat.personal-data-api.export` / `.erase` through.
 * The body follows the content API's `{ data: … }` shape.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const personalData = (): PersonalDataService => strapi.plugin('live-chat').service('personal-data');
  const subjectOf = (ctx: Context) => parseOrThrow(subjectParamsSchema, ctx.params, 'Invalid subject');

  return {
    async export(ctx: Context) {
      const { kind, documentId } = subjectOf(ctx);
      sendArchive(ctx, await personalData().exportArchive({ kind: 'api-token' }, kind, documentId));
    },

    async erase(ctx: Context) {
      const { kind, documentId } = subjectOf(ctx);
      const data = ((ctx.request as { body?: { data?: unknown } }).body ?? {}).data;
      const { confirm } = parseOrThrow(eraseBodySchema, data, 'Erasure not confirmed');
      ctx.body = { data: await personalData().erase({ kind: 'api-token' }, kind, documentId, confirm) };
    },
  };
};
