import type { Core } from '@strapi/strapi';

/** Closes what bootstrap opened, so a test run or a restart leaves no handle behind. */
export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.plugin('live-chat').service('wait-time').stop();
  await strapi.plugin('live-chat').service('realtime').stop();
};
