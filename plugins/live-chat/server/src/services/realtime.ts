import type { Core } from '@strapi/strapi';
import type { Server } from 'socket.io';
import { subscribeNotifications } from '../listeners/notifications';
import { subscribeRealtime } from '../listeners/realtime';
import { findLiveChatCard } from '../playbooks/live-chat-card';
import type { RealtimeLimits } from '../realtime/limits';
import { startRealtime, type Realtime } from '../realtime/server';
import type { ConversationRecord } from '../repositories/conversations';
import type { EventBus } from './event-bus';

/** Owns the Socket.IO server for the plugin's lifetime (started in bootstrap, closed in destroy). */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let realtime: Realtime | null = null;
  let unsubscribe: Array<() => void> = [];

  return {
    async start() {
      if (realtime) return;
      realtime = await startRealtime(strapi);
      const bus = strapi.plugin('live-chat').service('event-bus') as EventBus;
      // B9 + E5: the offline message in the language the visitor's flow speaks.
      const offlineMessageOf = async (playbookDocumentId: string, visitorId: number | null) => {
        const language = visitorId === null ? null : await strapi.plugin('live-chat').service('flow').chatLanguage(visitorId);
        return (await findLiveChatCard(strapi, playbookDocumentId, language))?.offlineMessage ?? null;
      };
      // Issue 16: the visitor's view says whether to ask for a rating, by the company's CSAT switch.
      const visitorViewOf = (record: ConversationRecord) => strapi.plugin('live-chat').service('satisfaction').visitorView(record);
      unsubscribe = [subscribeRealtime(bus, realtime.io, offlineMessageOf, visitorViewOf), subscribeNotifications(strapi, bus, realtime.io)];
    },

    /** F3: graceful shutdown's first step: finish in-flight work, send the clients to other nodes. */
    async drain(timeoutMs: number) {
      await realtime?.drain(timeoutMs);
    },

    async stop() {
      for (const stop of unsubscribe.splice(0)) stop();
      await realtime?.close();
      realtime = null;
    },

    /** F4: the rate limiters (throws before bootstrap). */
    limits(): RealtimeLimits {
      if (!realtime) throw new Error('live-chat realtime is not started');
      return realtime.limits;
    },

    /** The Socket.IO server (throws before bootstrap). */
    io(): Server {
      if (!realtime) throw new Error('live-chat realtime is not started');
      return realtime.io;
    },
  };
};
