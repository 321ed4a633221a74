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
  const inFlight = new Set<Promise<void>>();

  const deliver = (listener: Listener, event: DomainEvent) => {
    const run = Promise.resolve()
      .then(() => listener(event))
      .catch((error: unknown) => {
        strapi.log.error(`[live-chat] listener failed for ${event.type}: ${String(error)}`);
      })
      .finally(() => inFlight.delete(run));
    inFlight.add(run);
  };

  return {
    /** Subscribes; returns the unsubscribe function. */
    subscribe(listener: Listener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    /**
     * Hands the event to every listener, in subscription order, without waiting for them: the
     * change is already stored, so the caller (and a socket ack) need not wait for webhooks or
     * notifications (bench/delivery measured them at ~40% of a message's time).
     */
    publish(event: DomainEvent): Promise<void> {
      for (const listener of listeners) deliver(listener, event);
      return Promise.resolve();
    },

    /** Resolves once every listener started so far has finished (destroy, tests). */
    async drain(): Promise<void> {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
  };
};

export type EventBus = ReturnType<typeof import('./event-bus').default>;
