import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import {
  createCardBodySchema,
  createPlaybookCopyBodySchema,
  localeCodeSchema,
  playbookLocaleQuerySchema,
  createPlaybookBodySchema,
  reorderCardsBodySchema,
  updateCardBodySchema,
  updatePlaybookBodySchema,
  type DeletedResponse,
  type PlaybookCardListResponse,
  type PlaybookCardResponse,
  type PlaybookDetailResponse,
  type PlaybookListResponse,
} from '../../../shared/contracts/playbooks';
import { documentIdSchema } from '../../../shared/schemas';
import { parseOrThrow } from '../validation';

/** The playbook screens' admin API (A1–A5): each handler validates, calls one service, shapes the answer. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const playbooks = () => strapi.plugin('live-chat').service('playbooks');
  const idOf = (ctx: Context): string => parseOrThrow(documentIdSchema, ctx.params.documentId, 'Invalid id');
  const cardIdOf = (ctx: Context): string => parseOrThrow(documentIdSchema, ctx.params.cardDocumentId, 'Invalid card id');
  const body = (ctx: Context): unknown => (ctx.request as { body?: unknown }).body;
  /** `?locale=` (E5); undefined means the default locale. */
  const localeOf = (ctx: Context): string | undefined => parseOrThrow(playbookLocaleQuerySchema, ctx.query, 'Invalid locale').locale;
  // The embed snippet needs the server's address when config.server.url is unset.
  const originOf = (ctx: Context): string => ctx.origin;

  return {
    async find(ctx: Context) {
      const answer: PlaybookListResponse = { data: await playbooks().list() };
      ctx.body = answer;
    },

    async create(ctx: Context) {
      const input = parseOrThrow(createPlaybookBodySchema, body(ctx), 'Invalid playbook');
      const answer: PlaybookDetailResponse = { data: await playbooks().create(input, originOf(ctx)) };
      ctx.status = 201;
      ctx.body = answer;
    },

    async findOne(ctx: Context) {
      const answer: PlaybookDetailResponse = { data: await playbooks().get(idOf(ctx), originOf(ctx), localeOf(ctx)) };
      ctx.body = answer;
    },

    async update(ctx: Context) {
      const documentId = idOf(ctx);
      const input = parseOrThrow(updatePlaybookBodySchema, body(ctx), 'Invalid playbook');
      const answer: PlaybookDetailResponse = { data: await playbooks().update(documentId, input, originOf(ctx), localeOf(ctx)) };
      ctx.body = answer;
    },

    async delete(ctx: Context) {
      const documentId = idOf(ctx);
      await playbooks().remove(documentId);
      const answer: DeletedResponse = { data: { documentId } };
      ctx.body = answer;
    },

    async publish(ctx: Context) {
      const answer: PlaybookDetailResponse = { data: await playbooks().publish(idOf(ctx), originOf(ctx), localeOf(ctx)) };
      ctx.body = answer;
    },

    async unpublish(ctx: Context) {
      const answer: PlaybookDetailResponse = { data: await playbooks().unpublish(idOf(ctx), originOf(ctx)) };
      ctx.body = answer;
    },

    async addCard(ctx: Context) {
      const documentId = idOf(ctx);
      const input = parseOrThrow(createCardBodySchema, body(ctx), 'Invalid card');
      const answer: PlaybookCardResponse = { data: await playbooks().addCard(documentId, input, localeOf(ctx)) };
      ctx.status = 201;
      ctx.body = answer;
    },

    async updateCard(ctx: Context) {
      const [documentId, cardDocumentId] = [idOf(ctx), cardIdOf(ctx)];
      const input = parseOrThrow(updateCardBodySchema, body(ctx), 'Invalid card');
      const answer: PlaybookCardResponse = { data: await playbooks().updateCard(documentId, cardDocumentId, input, localeOf(ctx)) };
      ctx.body = answer;
    },

    async deleteCard(ctx: Context) {
      const [documentId, cardDocumentId] = [idOf(ctx), cardIdOf(ctx)];
      const answer: DeletedResponse = { data: await playbooks().deleteCard(documentId, cardDocumentId, localeOf(ctx)) };
      ctx.body = answer;
    },

    async reorderCards(ctx: Context) {
      const documentId = idOf(ctx);
      const { cardDocumentIds } = parseOrThrow(reorderCardsBodySchema, body(ctx), 'Invalid card order');
      const answer: PlaybookCardListResponse = { data: await playbooks().reorderCards(documentId, cardDocumentIds, localeOf(ctx)) };
      ctx.body = answer;
    },

    /** E5: the playbook's copy in another locale, made from the texts of `from`. */
    async createCopy(ctx: Context) {
      const documentId = idOf(ctx);
      const locale = parseOrThrow(localeCodeSchema, ctx.params.locale, 'Invalid locale');
      const { from } = parseOrThrow(createPlaybookCopyBodySchema, body(ctx) ?? {}, 'Invalid copy request');
      const answer: PlaybookDetailResponse = { data: await playbooks().createCopy(documentId, locale, from, originOf(ctx)) };
      ctx.status = 201;
      ctx.body = answer;
    },
  };
};
