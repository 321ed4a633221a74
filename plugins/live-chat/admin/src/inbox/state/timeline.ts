/**
 * The chat window's timeline as pure functions (E2): entries are keyed by their server `seq`, so a
 * message that arrives twice (socket broadcast and ack, or a `sync` after a reconnect) is shown
 * once, and outgoing messages wait in `pending` until the server's copy arrives.
 */
import type { MessageAudience } from '../../../../shared/constants';
import type { TimelineEntry } from '../../../../shared/contracts/conversations';

/** A message the agent wrote that the server has not confirmed (yet). */
export interface PendingMessage {
  clientId: string;
  body: string;
  status: 'sending' | 'failed';
  /** G3: `agents` while an internal note is on its way. */
  audience: MessageAudience;
  /** The refusal or transport error, shown beside "failed". */
  error: string | null;
}

export interface TimelineState {
  entries: TimelineEntry[];
  pending: PendingMessage[];
}

export const emptyTimeline: TimelineState = { entries: [], pending: [] };

/** The highest seq held (what the agent has read once it is on screen). */
export const lastSeqOf = (state: TimelineState): number => state.entries[state.entries.length - 1]?.seq ?? 0;

/**
 * Where a catch-up `sync` starts after a reconnect: the end of the gap-free run of seqs from the
 * first entry held. Agents see every entry and seqs have no gaps, so a missing seq is one missed
 * while away, even when live entries that came after it are already held.
 */
export function syncedSeqOf(state: TimelineState): number {
  const { entries } = state;
  let index = 0;
  while (index + 1 < entries.length && entries[index + 1].seq === entries[index].seq + 1) index += 1;
  return entries[index]?.seq ?? 0;
}

/** Merges entries in seq order, each seq once; confirmed messages leave `pending`. */
export function mergeEntries(state: TimelineState, incoming: readonly TimelineEntry[]): TimelineState {
  if (incoming.length === 0) return state;
  const bySeq = new Map(state.entries.map((entry) => [entry.seq, entry]));
  for (const entry of incoming) bySeq.set(entry.seq, entry);
  const confirmed = new Set(incoming.map((entry) => entry.clientId));
  return {
    entries: [...bySeq.values()].sort((a, b) => a.seq - b.seq),
    pending: state.pending.filter((message) => !confirmed.has(message.clientId)),
  };
}

/** A new outgoing message, or a retry of a failed one (same clientId: the server stores it once). */
export function markSending(state: TimelineState, clientId: string, body: string, audience: MessageAudience = 'everyone'): TimelineState {
  const others = state.pending.filter((message) => message.clientId !== clientId);
  return { ...state, pending: [...others, { clientId, body, audience, status: 'sending', error: null }] };
}

/** The send failed (refused, timed out, offline): the message stays with a retry. */
export function markFailed(state: TimelineState, clientId: string, error: string): TimelineState {
  return {
    ...state,
    pending: state.pending.map((message) => (message.clientId === clientId ? { ...message, status: 'failed', error } : message)),
  };
}

/** A random client id in the server's format (8–64 of `[A-Za-z0-9_-]`, shared/domain/messaging.ts). */
/**
 * E3: the one agent message that carries the delivery receipt ("Sent" / "Seen"): the newest reply
 * the visitor can see. Under every message the receipt is noise (and "Seen" on an older message is
 * implied by the newest). 0 when the agents have not replied yet.
 */
export function receiptSeqOf(state: TimelineState): number {
  for (let i = state.entries.length - 1; i >= 0; i -= 1) {
    const entry = state.entries[i];
    if (entry.authorKind === 'agent' && entry.kind !== 'event' && entry.audience !== 'agents') return entry.seq;
  }
  return 0;
}

export function newClientId(): string {
  // getRandomValues, not randomUUID: the latter exists only on https / localhost pages.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `agent-${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}
