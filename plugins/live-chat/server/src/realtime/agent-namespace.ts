import type { Core } from '@strapi/strapi';
import type { Namespace, Socket } from 'socket.io';
import { SYNC_PAGE_SIZE } from '../../../shared/constants';
import { readCountsFor, type Agent } from '../../../shared/domain';
import { AGENT_CLIENT_EVENTS } from '../../../shared/events';
import { agentPayloadSchemas as schemas } from '../../../shared/realtime-schemas';
import { createConversationRepository } from '../repositories/conversations';
import type { ConversationService } from '../services/conversations';
import { authenticateAgent } from './agent-auth';
import { handle, refuseUnknownEvents } from './handle';
import type { RealtimeLimits } from './limits';
import type { RequestGate } from './request-gate';
import { ROOMS, roomsOfAgent } from './rooms';
import { toSyncPage } from './views';

/**
 * The inbox's channel. The socket is authenticated with the admin panel's own access token and
 * joins only the rooms its visibility allows (rooms.ts); every conversation an event names is
 * loaded through the same visibility check as the REST routes.
 */
export function setupAgentNamespace(strapi: Core.Strapi, namespace: Namespace, limits: RealtimeLimits, gate: RequestGate) {
  const service = (name: string) => strapi.plugin('live-chat').service(name);
  const conversationService = () => service('conversations') as ConversationService;
  const conversations = createConversationRepository(strapi);
  const log = (message: string) => strapi.log.error(message);

  namespace.use(async (socket, next) => {
    try {
      const agent = await authenticateAgent(strapi, socket.handshake.auth?.token);
      if (!agent) return next(new Error('unauthorized'));
      if (!agent.canUseInbox) return next(new Error('not_allowed'));
      socket.data.agent = agent;
      next();
    } catch (error) {
      log(`[live-chat] agent socket auth failed: ${String(error)}`);
      next(new Error('unauthorized'));
    }
  });

  namespace.on('connection', (socket: Socket) => {
    const agent = socket.data.agent as Agent;
    socket.join(roomsOfAgent(agent));
    gate.track(() => service('presence').connected(agent.id)).catch((error: unknown) => log(String(error)));
    socket.on('disconnect', () => {
      // Counted, so a node shutting down records the grace deadline before its database closes.
      gate.track(() => service('presence').disconnected(agent.id, namespace)).catch((error: unknown) => log(String(error)));
    });
    const options = { limits: [{ limiter: limits.agentEvents, key: String(agent.id) }], log, gate };

    handle(socket, 'message:send', schemas['message:send'], options, async ({ documentId, ...message }) => {
      const { entry } = await service('messages').sendAsAgent(agent, documentId, message);
      return entry;
    });

    handle(socket, 'sync', schemas.sync, options, async ({ documentId, afterSeq }) => {
      const page = await conversationService().timeline(agent, documentId, { afterSeq, limit: SYNC_PAGE_SIZE });
      return toSyncPage({ entries: page.data, hasMore: page.meta.hasMore }, afterSeq, page.data);
    });

    handle(socket, 'typing', schemas.typing, options, async ({ documentId, typing }) => {
      const record = await conversationService().loadVisible(agent, documentId);
      if (record.visitorId !== null) socket.nsp.server.of('/visitor').to(ROOMS.visitor(record.visitorId)).emit('typing', { typing });
      return null;
    });

    handle(socket, 'read', schemas.read, options, async ({ documentId, seq }) => {
      const record = await conversationService().loadVisible(agent, documentId);
      if (!readCountsFor(agent.id, record)) return null;
      await conversations.markRead(record.id, 'agent', seq);
      if (record.visitorId !== null) {
        socket.nsp.server.of('/visitor').to(ROOMS.visitor(record.visitorId)).emit('read', { upToSeq: Math.min(seq, record.lastMessageSeq) });
      }
      return null;
    });

    refuseUnknownEvents(socket, AGENT_CLIENT_EVENTS);
  });
}
