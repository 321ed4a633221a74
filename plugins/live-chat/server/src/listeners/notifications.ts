import type { Core } from '@strapi/strapi';
import type { Server } from 'socket.io';
import type { NotificationKind } from '../../../shared/constants';
import { canSee, isSentMessage, type Agent } from '../../../shared/domain';
import { NAMESPACES, type AgentNotification } from '../../../shared/events';
import { displayNameText } from '../../../shared/domain/display-name';
import { displayNameOfRecord } from '../presenters';
import { ROOMS } from '../realtime/rooms';
import type { DomainEvent, EventBus } from '../services/event-bus';
import { createTtlCache } from '../ttl-cache';

const AGENT_CACHE_MS = 2000;

/** D2: which agents an event notifies, of which kind (before settings and visibility are applied). */
function candidates(event: DomainEvent): { kind: NotificationKind; agentIds: number[] | 'all' } | null {
  const { conversation } = event;
  if (event.type === 'conversation:created') return { kind: 'conversationUnassigned', agentIds: 'all' };
  if (event.type === 'conversation:unassigned') return { kind: 'conversationUnassigned', agentIds: 'all' };
  if (event.type === 'conversation:assigned' && conversation.assigneeId !== null && conversation.assigneeId !== event.actorId) {
    return { kind: 'conversationAssignedToMe', agentIds: [conversation.assigneeId] };
  }
  const fromVisitor = event.entries.some((entry) => isSentMessage(entry) && entry.authorKind === 'visitor');
  if (event.type === 'message:created' && fromVisitor && conversation.status === 'assigned' && conversation.assigneeId !== null) {
    return { kind: 'messageInMyConversation', agentIds: [conversation.assigneeId] };
  }
  return null;
}

function describe(kind: NotificationKind, event: DomainEvent): Pick<AgentNotification, 'title' | 'body'> {
  const who = displayNameText(displayNameOfRecord(event.conversation));
  if (kind === 'conversationUnassigned') return { title: 'New conversation', body: `${who} is waiting in Unassigned` };
  if (kind === 'conversationAssignedToMe') return { title: 'Conversation assigned to you', body: `${who} is now yours` };
  const message = event.entries.find(isSentMessage);
  const text = message?.body ?? (message?.attachment ? `File: ${message.attachment.name ?? ''}` : '');
  return { title: `New message from ${who}`, body: text.slice(0, 140) };
}

/**
 * One listener, one side effect: domain events → desktop notifications (D2), only for agents allowed
 * to see the conversation (B6) and whose company and personal settings allow the kind (D3).
 */
export function subscribeNotifications(strapi: Core.Strapi, bus: EventBus, io: Server) {
  const service = (name: string) => strapi.plugin('live-chat').service(name);
  // Every visitor message asks for its assignee: a role change reaches notifications within this time.
  const assignees = createTtlCache<number, Agent | null>(AGENT_CACHE_MS);
  return bus.subscribe(async (event) => {
    const target = candidates(event);
    if (!target) return;
    // A message or an assignment names its one recipient: load only them, not every agent.
    const agents: Array<Agent | null> =
      target.agentIds === 'all'
        ? await service('agents').listInboxAgents()
        : await Promise.all(target.agentIds.map((id) => assignees.get(id, () => service('agents').findAgent(id))));
    const recipients = agents.filter((agent): agent is Agent => agent !== null && canSee(agent, event.conversation));
    // Issue 14: the same name as the list and the header (shared/domain/display-name.ts).
    const name = displayNameOfRecord(event.conversation);
    const notification: AgentNotification = {
      kind: target.kind,
      documentId: event.conversation.documentId,
      ...describe(target.kind, event),
      visitorName: name.kind === 'named' ? name.name : null,
      visitorNumber: name.kind === 'anonymous' ? name.number : null,
    };
    for (const agent of recipients) {
      if (await service('notification-settings').isEnabled(target.kind, agent.id)) {
        io.of(NAMESPACES.agent).to(ROOMS.agent(agent.id)).emit('notification', notification);
      }
    }
  });
}
