import type { Core } from '@strapi/strapi';
import { isSentMessage, mayReceive } from '../../../shared/domain';
import type { EventBus } from '../services/event-bus';

/**
 * One listener, one side effect (G8): domain events → emails in the outbox. It only stores them;
 * the outbox worker sends them, so a slow provider never holds up a chat.
 */
export function subscribeEmails(strapi: Core.Strapi, bus: EventBus) {
  const emails = () => strapi.plugin('live-chat').service('emails');
  return bus.subscribe(async (event) => {
    if (event.type === 'conversation:closed') await emails().conversationClosed(event.conversation);
    else if (event.type === 'conversation:missed') await emails().conversationMissed(event.conversation);
    else if (event.type === 'message:created') {
      const reply = event.entries.some((entry) => entry.authorKind === 'agent' && isSentMessage(entry) && mayReceive(entry, { kind: 'visitor' }));
      if (reply) await emails().agentReplied(event.conversation);
    }
  });
}
