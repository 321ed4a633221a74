import type { Core } from '@strapi/strapi';

/** Closes what bootstrap opened, so a test run or a restart leaves no handle behind. */
export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.plugin('live-chat').service('sweeper').stop();
  // G8: follow-up checks started by visitor sockets that closed just before.
  await strapi.plugin('live-chat').service('emails').drain();
  // Listeners still fanning out a stored change finish before the database closes.
  await strapi.plugin('live-chat').service('event-bus').drain();
  await strapi.plugin('live-chat').service('realtime').stop();
};
