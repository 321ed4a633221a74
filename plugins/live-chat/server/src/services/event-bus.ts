import type { Core } from '@strapi/strapi';
import type { DomainEventName } from '../../../shared/constants';
import type { ConversationRecord } from '../repositories/conversations';
import type { StoredTimelineEntry } from '../repositories/timeline';

/** A change that has been stored, with what listeners need to fan it out. */
export interface DomainEvent {
  type: DomainEventName;
  conversation: ConversationRecord;
  /** Timeline entries (messages or events) the change appended. */
  entries: StoredTimelineEntry[];
  actorId: number | null;
  /** The state before a transition, so listeners can tell who stopped seeing the conversation. */
  previous?: { status: ConversationRecord['status']; assigneeId: number | null };
  /** The CRM record a lead:created / deal:created event is about. */
  record?: { id: number; documentId: string; title: string };
}

type Listener = (event: DomainEvent) => void | Promise<void>;

/**
 * Services publish domain events after the transaction commits; listeners (webhooks, sockets,
 * notifications) subscribe, one per side effect. A failing listener is logged and never undoes or
 * fails the change that was already stored.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const listeners = new Set<Listener>();
  return {
    /** Subscribes; returns the unsubscribe function. */
    subscribe(listener: Listener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    /** Delivers an event to every listener; resolves when all have run. */
    async publish(event: DomainEvent): Promise<void> {
      await Promise.all(
        [...listeners].map(async (listener) => {
          try {
            await listener(event);
          } catch (error) {
            strapi.log.error(`[live-chat] listener failed for ${event.type}: ${String(error)}`);
          }
        }),
      );
    },
  };
};

export type EventBus = ReturnType<typeof import('./event-bus').default>;
