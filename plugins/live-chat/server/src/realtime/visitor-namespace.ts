import type { Core } from '@strapi/strapi';
import type { Namespace, Socket } from 'socket.io';
import { SYNC_PAGE_SIZE, WAIT_TIME_SECONDS } from '../../../shared/constants';
import { VISITOR_CLIENT_EVENTS } from '../../../shared/events';
import { visitorPayloadSchemas as schemas } from '../../../shared/realtime-schemas';
import { conflict, notFound } from '../errors';
import { outsideHoursRefusal } from '../../../shared/domain/business-hours';
import { findLiveChatCard } from '../playbooks/live-chat-card';
import { toTimelineEntry } from '../presenters';
import { createConversationRepository, type ConversationRecord } from '../repositories/conversations';
import { createTimelineRepository } from '../repositories/timeline';
import type { VisitorRecord } from '../services/visitors';
import { clientAddressOf, proxyTrustOf } from './client-address';
import { handle, refuseUnknownEvents } from './handle';
import type { RealtimeLimits } from './limits';
import type { RequestGate } from './request-gate';
import { mayReceive } from '../../../shared/domain/audience';
import { ROOMS, agentRoomsFor } from './rooms';
import { toSyncPage } from './views';

/**
 * The widget's channel (E2, E3, E4). A visitor socket is bound at the handshake to the visitor its
 * signed token names, and every event acts on that visitor's own conversation: no event takes a
 * conversation id, so no visitor can reach another's.
 */
export function setupVisitorNamespace(
  strapi: Core.Strapi,
  namespace: Namespace,
  limits: RealtimeLimits,
  isAllowedOrigin: (origin: string | undefined) => boolean,
  gate: RequestGate,
) {
  const trust = proxyTrustOf(strapi);
  const clientIp = (socket: Socket) => clientAddressOf(socket.handshake, trust);
  const service = (name: string) => strapi.plugin('live-chat').service(name);
  const conversations = createConversationRepository(strapi);
  const timeline = createTimelineRepository(strapi);
  const log = (message: string) => strapi.log.error(message);

  namespace.use(async (socket, next) => {
    try {
      if (!isAllowedOrigin(socket.handshake.headers.origin)) return next(new Error('origin_not_allowed'));
      await limits.ipConnections.consume(clientIp(socket)).catch(() => {
        throw new Error('rate_limited');
      });
      const visitor: VisitorRecord | null = await service('visitors').fromToken(socket.handshake.auth?.token);
      if (!visitor) return next(new Error('unauthorized'));
      socket.data.visitor = visitor;
      next();
    } catch (error) {
      next(error instanceof Error ? error : new Error('unauthorized'));
    }
  });

  namespace.on('connection', (socket) => {
    const visitor = socket.data.visitor as VisitorRecord;
    socket.join(ROOMS.visitor(visitor.id));
    const options = {
      limits: [
        { limiter: limits.visitorEvents, key: String(visitor.id) },
        { limiter: limits.ipEvents, key: clientIp(socket) },
      ],
      log,
      gate,
    };
    const current = (): Promise<ConversationRecord | null> => service('visitors').currentConversation(visitor.id);
    const view = (record: ConversationRecord) => service('satisfaction').visitorView(record);
    const requireCurrent = async () => {
      const record = await current();
      if (!record) throw notFound('Conversation');
      return record;
    };

    handle(socket, 'conversation:start', schemas['conversation:start'], options, async ({ playbookDocumentId }) => {
      const existing = await current();
      if (existing && existing.status !== 'closed') return view(existing);
      // A3: the playbook's Live Chat card sets the wait time; without a playbook the default applies.
      const card = playbookDocumentId ? await findLiveChatCard(strapi, playbookDocumentId) : null;
      if (playbookDocumentId && !card) throw notFound('Live Chat playbook');
      const away = outsideHoursRefusal(card?.businessHours ?? null, service('clock').now());
      if (away) throw conflict(away.code, away.message);
      const record = await service('conversations').start({
        visitorId: visitor.id,
        playbookId: card?.playbookId ?? null,
        waitTimeSeconds: card?.waitTimeSeconds ?? WAIT_TIME_SECONDS.default,
      });
      // G7: the same round robin as a chat the flow opens; with nobody free it waits in Unassigned.
      const assigned = card?.autoAssign ? await service('auto-assignment').assignNew(record.id) : null;
      return view(assigned ?? record);
    });

    handle(socket, 'conversation:get', schemas['conversation:get'], options, async () => {
      const record = await current();
      return record ? view(record) : null;
    });

    handle(socket, 'message:send', schemas['message:send'], options, async (payload) => {
      const { entry } = await service('messages').sendAsVisitor(visitor, payload);
      return entry;
    });

    handle(socket, 'sync', schemas.sync, options, async ({ afterSeq }) => {
      const record = await current();
      if (!record) return { entries: [], hasMore: false, nextAfterSeq: afterSeq, conversation: null };
      const page = await timeline.list(record.id, { afterSeq, limit: SYNC_PAGE_SIZE });
      return {
        // G3: notes and internal events are read (the page moves on past them) but never sent.
        ...toSyncPage(page, afterSeq, page.entries.filter((entry) => mayReceive(entry, { kind: 'visitor' })).map(toTimelineEntry)),
        conversation: await view(record),
      };
    });

    handle(socket, 'typing', schemas.typing, options, async ({ typing }) => {
      const record = await requireCurrent();
      socket.nsp.server.of('/agent').to(agentRoomsFor(record)).emit('typing', { documentId: record.documentId, typing });
      return null;
    });

    handle(socket, 'read', schemas.read, options, async ({ seq }) => {
      const record = await requireCurrent();
      await conversations.markRead(record.id, 'visitor', seq);
      const upToSeq = Math.min(seq, record.lastMessageSeq);
      socket.nsp.server.of('/agent').to(agentRoomsFor(record)).emit('read', { documentId: record.documentId, upToSeq });
      return null;
    });

    // G8: the visitor's last widget closing starts the follow-up delay of replies they have not seen.
    socket.on('disconnect', (reason) => {
      if (reason === 'server shutting down') return;
      service('emails').visitorLeft(visitor.id).catch((error: unknown) => log(`[live-chat] email follow-up check failed: ${String(error)}`));
    });
    // Issue 16 (G6): the visitor's rating of their closed chat, or their "no thanks"; once either way.
    handle(socket, 'rating:submit', schemas['rating:submit'], options, (rating) => service('satisfaction').rate(visitor, rating));
    handle(socket, 'rating:dismiss', schemas['rating:dismiss'], options, () => service('satisfaction').dismiss(visitor));

    refuseUnknownEvents(socket, VISITOR_CLIENT_EVENTS);
  });
}
