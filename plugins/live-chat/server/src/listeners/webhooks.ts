import type { Core } from '@strapi/strapi';
import { PERSON_ERASED_WEBHOOK, WEBHOOK_EVENTS, type DomainEventName } from '../../../shared/constants';
import { isInternal, mayReceive } from '../../../shared/domain/audience';
import { isSentMessage } from '../../../shared/domain/attachments';
import { toConversationSummary, toTimelineEntry } from '../presenters';
import type { StoredTimelineEntry } from '../repositories/timeline';
import type { DomainEvent, EventBus } from '../services/event-bus';

/** Webhook store keys (UPPER_SNAKE) for the plugin's Strapi webhook events. */
const storeKey = (event: string) => event.toUpperCase().replace(/[.-]/g, '_');

/** F2: makes the plugin's events known to Strapi's webhook system (called in register). */
export function registerWebhookEvents(strapi: Core.Strapi) {
  const store = strapi.get('webhookStore') as { addAllowedEvent: (key: string, value: string) => void };
  for (const event of [...Object.values(WEBHOOK_EVENTS), PERSON_ERASED_WEBHOOK]) {
    if (event) store.addAllowedEvent(storeKey(event), event);
  }
}

/** A message as webhooks carry it: the timeline entry, flagged `internal` when it is for agents only (G3). */
const webhookMessage = (entry: StoredTimelineEntry) => ({ ...toTimelineEntry(entry), internal: isInternal(entry) });

/** The documented webhook payload of each event (docs/webhooks.md); Strapi adds `event` and `createdAt`. */
export function webhookPayload(event: DomainEvent) {
  // Webhooks go to the site owner's own systems: they receive notes too, flagged (shared/domain/audience.ts).
  const entries = event.entries.filter((entry) => mayReceive(entry, { kind: 'integration' }));
  const message = event.type === 'message:created' ? entries.find(isSentMessage) : undefined;
  // G2: a new conversation carries the bot part of the chat that came before it.
  const transcript = event.type === 'conversation:created' ? entries.filter((entry) => entry.transcript !== null) : [];
  const conversation = toConversationSummary(event.conversation);
  return {
    conversation,
    actor: event.actorId === null ? null : { id: event.actorId },
    ...(message ? { message: webhookMessage(message) } : {}),
    ...(event.type === 'conversation:created' ? { transcript: transcript.map(webhookMessage) } : {}),
    // Issue 16 (G6): the visitor's rating, also on the conversation; here for integrations that read only this.
    ...(event.type === 'conversation:rated' ? { rating: conversation.rating } : {}),
    ...(event.record ? { [event.type === 'lead:created' ? 'lead' : 'deal']: { documentId: event.record.documentId, title: event.record.title } } : {}),
  };
}

/** One listener, one side effect: domain events → Strapi webhooks. */
export function subscribeWebhooks(strapi: Core.Strapi, bus: EventBus) {
  return bus.subscribe((event) => {
    const webhookEvent = WEBHOOK_EVENTS[event.type as DomainEventName];
    if (webhookEvent) strapi.eventHub.emit(webhookEvent, webhookPayload(event));
  });
}
