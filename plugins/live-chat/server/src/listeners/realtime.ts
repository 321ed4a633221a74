import type { Server } from 'socket.io';
import type { AgentServerEvents, VisitorConversation, VisitorServerEvents } from '../../../shared/events';
import type { ConversationRecord } from '../repositories/conversations';
import { mayReceive } from '../../../shared/domain/audience';
import { NAMESPACES } from '../../../shared/events';
import { toConversationSummary, toTimelineEntry } from '../presenters';
import { ROOMS, agentRoomsFor } from '../realtime/rooms';
import type { DomainEvent, EventBus } from '../services/event-bus';

/**
 * One listener, one side effect: stored changes → sockets. Recipients come from the conversation's
 * state at the time of the event (rooms.ts), so nobody receives what B6 would hide from them.
 */
export function subscribeRealtime(
  bus: EventBus,
  io: Server,
  offlineMessageOf: (playbookDocumentId: string, visitorId: number | null) => Promise<unknown>,
  visitorViewOf: (record: ConversationRecord) => Promise<VisitorConversation>,
) {
  const agents = io.of(NAMESPACES.agent) as unknown as { to: (rooms: string | string[]) => AgentBroadcast };
  const visitors = io.of(NAMESPACES.visitor) as unknown as {
    to: (room: string) => VisitorBroadcast;
    in: (room: string) => { disconnectSockets: (close?: boolean) => void };
  };

  return bus.subscribe(async (event: DomainEvent) => {
    const { conversation } = event;
    const rooms = agentRoomsFor(conversation);
    const summary = toConversationSummary(conversation);

    if (event.type !== 'message:created') agents.to(rooms).emit('conversation:upsert', summary);
    if (event.type === 'conversation:erased') {
      agents.to(rooms).emit('conversation:erased', { documentId: conversation.documentId });
      // F5: the erased visitor's open widgets lose their session; their next visit starts fresh (E4).
      if (conversation.visitorId !== null) visitors.in(ROOMS.visitor(conversation.visitorId)).disconnectSockets(true);
      return;
    }
    if (event.previous) {
      const before = agentRoomsFor(event.previous);
      const lost = before.filter((room) => !rooms.includes(room));
      if (lost.length) agents.to(lost).except(rooms).emit('conversation:removed', { documentId: conversation.documentId, assigneeName: conversation.assigneeName ?? null });
    }
    // The rooms hold exactly the agents who may see the conversation now (B6); the audience rule
    // (G3) decides, per entry, whether they and the visitor receive it.
    for (const entry of event.entries) {
      if (!mayReceive(entry, { kind: 'agent', maySeeConversation: true })) continue;
      agents.to(rooms).emit('timeline:entry', { documentId: conversation.documentId, entry: toTimelineEntry(entry) });
    }

    if (conversation.visitorId === null) return;
    const visitor = visitors.to(ROOMS.visitor(conversation.visitorId));
    for (const entry of event.entries) {
      if (mayReceive(entry, { kind: 'visitor' })) visitor.emit('timeline:entry', toTimelineEntry(entry));
    }
    if (event.type === 'message:created' || event.type === 'conversation:updated' || event.type.startsWith('lead') || event.type.startsWith('deal')) return;
    // A closed chat tells the widget to ask for a rating; a rated one, to stop asking (issue 16).
    visitor.emit('conversation:updated', await visitorViewOf(conversation));
    if (event.type === 'conversation:assigned' && conversation.assigneeName) {
      visitor.emit('agent:joined', { agentName: conversation.assigneeName });
    }
    if (event.type === 'conversation:missed') {
      // B9: the card's offline message, so the widget can show it before it runs the offline path.
      const offlineMessage = conversation.playbookDocumentId
        ? await offlineMessageOf(conversation.playbookDocumentId, conversation.visitorId)
        : null;
      visitor.emit('conversation:offline', { offlineMessage });
    }
  });
}

interface AgentBroadcast {
  emit: <E extends keyof AgentServerEvents>(event: E, ...args: Parameters<AgentServerEvents[E]>) => boolean;
  except: (rooms: string | string[]) => AgentBroadcast;
}
interface VisitorBroadcast {
  emit: <E extends keyof VisitorServerEvents>(event: E, ...args: Parameters<VisitorServerEvents[E]>) => boolean;
}
