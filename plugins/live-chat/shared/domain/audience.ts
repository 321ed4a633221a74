/**
 * G3, B6, E4: who may receive a timeline entry (visitor message, agent reply, bot transcript line,
 * internal note, event, attachment). One function of the entry's audience and the recipient, asked
 * by every channel (visitor socket and sync, the widget's HTTP routes, agent socket, admin API,
 * content API, webhooks, notifications, and the e-mails and exports to come), so a note can never
 * leak through a channel someone forgot.
 */
import type { MessageAudience, MessageKind } from '../constants';

/**
 * Timeline events a visitor is shown; CRM and inbox bookkeeping (leads, deals, missed, the chat's
 * creation…) stay with the agents.
 */
export const VISITOR_VISIBLE_EVENTS: ReadonlySet<string> = new Set(['agent_joined', 'reassigned', 'closed']);

/** The part of a timeline entry its audience depends on. */
export interface AudienceSubject {
  kind: MessageKind;
  /** As stored; null or absent on entries written before audiences existed (they were all public). */
  audience?: MessageAudience | null;
  event: { type: string } | null;
}

/**
 * Whoever a channel delivers to:
 * - `visitor`: the chat's own visitor (their socket, `sync`, the widget's routes, e-mails and
 *   transcripts sent to them);
 * - `agent`: an admin in the inbox (socket, admin API, notifications), with B6 already decided for
 *   this conversation;
 * - `integration`: the site owner's own systems (API tokens on the content API, webhooks, exports
 *   for the owner): they receive everything, each entry flagged with its audience.
 */
export type TimelineRecipient =
  | { kind: 'visitor' }
  | { kind: 'agent'; maySeeConversation: boolean }
  | { kind: 'integration' };

/** The entry's audience: a note is for agents, so are events a visitor is not shown. */
export function audienceOf(entry: AudienceSubject): MessageAudience {
  if (entry.audience === 'agents') return 'agents';
  if (entry.kind === 'event') return entry.event !== null && VISITOR_VISIBLE_EVENTS.has(entry.event.type) ? 'everyone' : 'agents';
  return 'everyone';
}

/** Whether `recipient` may receive `entry`. */
export function mayReceive(entry: AudienceSubject, recipient: TimelineRecipient): boolean {
  switch (recipient.kind) {
    case 'visitor':
      return audienceOf(entry) === 'everyone';
    case 'agent':
      return recipient.maySeeConversation;
    case 'integration':
      return true;
  }
}

/** Whether an entry is internal (for agents only): the flag webhooks and APIs carry. */
export const isInternal = (entry: AudienceSubject): boolean => audienceOf(entry) === 'agents';

/** The entries `recipient` may receive, in their order. */
export const receivableBy = <E extends AudienceSubject>(entries: readonly E[], recipient: TimelineRecipient): E[] =>
  entries.filter((entry) => mayReceive(entry, recipient));
