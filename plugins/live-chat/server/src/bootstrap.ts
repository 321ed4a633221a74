import type { Core } from '@strapi/strapi';
import { subscribeEmails } from './listeners/emails';
import { registerWebhookEvents, subscribeWebhooks } from './listeners/webhooks';
import { ensureEmailOutbox } from './migrations/email-outbox';
import { linkHeldRelations } from './migrations/crm-relation-links';
import { ensureSearchIndexes } from './migrations/search-index';
import { pluginConfig } from './plugin-config';
import type { EventBus } from './services/event-bus';

/** Wires the listeners that fan domain events out (webhooks, emails, sockets) and starts the sweeps. */
export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await linkHeldRelations(strapi);
  await ensureSearchIndexes(strapi);
  await ensureEmailOutbox(strapi);
  registerWebhookEvents(strapi);
  const bus = strapi.plugin('live-chat').service('event-bus') as EventBus;
  subscribeWebhooks(strapi, bus);
  subscribeEmails(strapi, bus);
  await strapi.plugin('live-chat').service('realtime').start();
  strapi.plugin('live-chat').service('sweeper').start(pluginConfig(strapi).waitTimeSweepMs);
};
