/**
 * G8: the rules of the email outbox: what a follow-up covers, and when a failed send is tried
 * again. Pure: time and stored state are parameters.
 */
import { mayReceive, type AudienceSubject } from './audience';
import { isSentMessage } from './attachments';

export const EMAIL_KINDS = ['transcript', 'followup', 'missed'] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];

/**
 * - `waiting`: a transcript asked for before the close, or a follow-up check not yet due;
 * - `pending`: rendered, to send at `next_attempt_at`;
 * - `sending`: claimed by one process (until `lease_until`);
 * - `sent`, `failed`: final (failed after the last attempt, or interrupted mid-send: never resent).
 */
export const OUTBOX_STATES = ['waiting', 'pending', 'sending', 'sent', 'failed'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

/** Attempts before a message is given up as failed (about 2 h with the default 1-minute base). */
export const MAX_EMAIL_ATTEMPTS = 8;

/**
 * The wait after the `attempts`-th failed try: the base doubled each time (1, 2, 4… minutes with
 * the default base), capped at 64 bases, so a provider outage is not hammered.
 */
export function retryDelayMs(attempts: number, baseMs: number): number {
  const exponent = Math.min(Math.max(attempts - 1, 0), 6);
  return baseMs * 2 ** exponent;
}

/** Whether a failed try is the last one. */
export const isLastAttempt = (attempts: number) => attempts >= MAX_EMAIL_ATTEMPTS;

/** The idempotency key of each logical email: the outbox stores each key once, so it is sent at most once. */
export const EMAIL_KEYS = {
  transcript: (conversationId: number) => `transcript:${conversationId}`,
  missed: (conversationId: number) => `missed:${conversationId}`,
  followUp: (conversationId: number, upToSeq: number) => `followup:${conversationId}:${upToSeq}`,
  /** The one pending follow-up check of a conversation (replies that come meanwhile join it). */
  followUpCheck: (conversationId: number) => `followup-check:${conversationId}`,
} as const;

export interface FollowUpEntry extends AudienceSubject {
  seq: number;
  authorKind: string;
}

/**
 * The replies a follow-up email carries: agent messages (never notes or internal events) after
 * what the visitor read and after what an earlier follow-up already sent.
 */
export function unseenReplies<E extends FollowUpEntry>(entries: readonly E[], visitorReadSeq: number, lastEmailedSeq: number): E[] {
  const after = Math.max(visitorReadSeq, lastEmailedSeq);
  return entries.filter(
    (entry) => entry.seq > after && entry.authorKind === 'agent' && isSentMessage(entry) && mayReceive(entry, { kind: 'visitor' }),
  );
}

/** What a due follow-up check does. */
export type FollowUpDecision = { send: false; reason: 'disabled' | 'no_email' | 'visitor_present' | 'nothing_unseen' } | { send: true };

export function decideFollowUp(input: { enabled: boolean; email: string | null; visitorPresent: boolean; unseenCount: number }): FollowUpDecision {
  if (!input.enabled) return { send: false, reason: 'disabled' };
  if (!input.email) return { send: false, reason: 'no_email' };
  if (input.visitorPresent) return { send: false, reason: 'visitor_present' };
  if (input.unseenCount === 0) return { send: false, reason: 'nothing_unseen' };
  return { send: true };
}

/**
 * The page a follow-up link reopens the chat on: the visitor's page, with `livechat=<token>`
 * added. Only an http(s) page; anything else gives no link.
 */
export function resumeUrl(page: string | null, linkToken: string): string | null {
  if (!page) return null;
  let url: URL;
  try {
    url = new URL(page);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.searchParams.set('livechat', linkToken);
  url.hash = '';
  return url.toString();
}
