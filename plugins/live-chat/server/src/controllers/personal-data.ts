import type { Readable } from 'node:stream';
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import {
  eraseBodySchema,
  erasureListQuerySchema,
  retentionPreviewQuerySchema,
  retentionSettingsSchema,
  subjectParamsSchema,
} from '../../../shared/contracts/personal-data';
import type { AdminSession } from '../services/agents';
import type { PersonalDataActor, PersonalDataService } from '../services/personal-data';
import type { RetentionService } from '../services/retention';
import { parseOrThrow } from '../validation';

/** Answers an export archive as a download (the file names here are ASCII already), never cached. */
export function sendArchive(ctx: Context, archive: { body: Readable; filename: string }) {
  ctx.set('Content-Disposition', `attachment; filename="${archive.filename}"`);
  ctx.set('Cache-Control', 'no-store');
  ctx.type = 'application/zip';
  ctx.body = archive.body;
}

/** F5, G9 in the admin panel: export, erase, the erasure log and the retention setting. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const personalData = (): PersonalDataService => strapi.plugin('live-chat').service('personal-data');
  const retention = (): RetentionService => strapi.plugin('live-chat').service('retention');
  const actorOf = (ctx: Context): PersonalDataActor => ({
    kind: 'admin',
    agent: strapi.plugin('live-chat').service('agents').fromAdminSession(ctx.state as AdminSession),
  });
  const subjectOf = (ctx: Context) => parseOrThrow(subjectParamsSchema, ctx.params, 'Invalid subject');
  const body = (ctx: Context): unknown => (ctx.request as { body?: unknown }).body;

  return {
    async describe(ctx: Context) {
      const { kind, documentId } = subjectOf(ctx);
      ctx.body = { data: await personalData().describe(actorOf(ctx), kind, documentId) };
    },

    async export(ctx: Context) {
      const { kind, documentId } = subjectOf(ctx);
      sendArchive(ctx, await personalData().exportArchive(actorOf(ctx), kind, documentId));
    },

    async erase(ctx: Context) {
      const { kind, documentId } = subjectOf(ctx);
      const { confirm } = parseOrThrow(eraseBodySchema, body(ctx), 'Erasure not confirmed');
      ctx.body = { data: await personalData().erase(actorOf(ctx), kind, documentId, confirm) };
    },

    async erasures(ctx: Context) {
      const { page, pageSize } = parseOrThrow(erasureListQuerySchema, ctx.query, 'Invalid query');
      ctx.body = await personalData().erasures(page, pageSize);
    },

    async getRetention(ctx: Context) {
      ctx.body = { data: await retention().get() };
    },

    async setRetention(ctx: Context) {
      ctx.body = { data: await retention().set(parseOrThrow(retentionSettingsSchema, body(ctx), 'Invalid retention settings')) };
    },

    /** The dry run: with `?days=` the count for that value (not saved yet), else for the stored setting. */
    async previewRetention(ctx: Context) {
      const { days } = parseOrThrow(retentionPreviewQuerySchema, ctx.query, 'Invalid query');
      ctx.body = { data: await retention().preview(days === undefined ? null : { enabled: true, days }) };
    },
  };
};
