import type { Core } from '@strapi/strapi';

/** Real-time channel, sweepers and webhooks attach here (later issues). */
export default async ({ strapi }: { strapi: Core.Strapi }) => {
  strapi.log.info('[live-chat] ready');
};
