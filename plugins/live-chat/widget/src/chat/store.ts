/**
 * The chat's messages as the visitor sees them (E2, E3): stored entries in `seq` order, then the
 * visitor's own messages that are still on their way, in the order they were written. An entry is
 * identified by its `seq` and, for the sender, by its client id, so an entry that arrives twice
 * (live event, ack, catch-up sync) is shown once, and a retried send never shows twice. Pure.
 */
import type { TimelineEntry } from '../../../shared/contracts/conversations';

export type DeliveryStatus = 'sending' | 'sent' | 'read' | 'failed';

export interface ChatItem {
  clientId: string;
  /** Null until the server stored it. */
  seq: number | null;
  kind: TimelineEntry['kind'];
  authorKind: TimelineEntry['authorKind'];
  authorName: string | null;
  body: string | null;
  event: TimelineEntry['event'];
  /** G2: set on a line of the bot part of the chat (shown after a reload, from the server's record). */
  transcript: TimelineEntry['transcript'];
  /** G4: the file of a `file` entry (null for everything else). */
  attachment: TimelineEntry['attachment'];
  createdAt: string;
  /** Delivery state of the visitor's own messages; null for everyone else's entries. */
  status: DeliveryStatus | null;
}

/** What `receive` did: a new entry, the server's copy of a pending message of ours, or nothing. */
export type ReceiveResult = { change: 'added' | 'confirmed'; item: ChatItem } | { change: 'duplicate'; item: null };

const isOwn = (item: { authorKind: string }) => item.authorKind === 'visitor';

export class MessageStore {
  private items: ChatItem[] = [];
  private agentReadSeq = 0;
  private syncedThrough = 0;

  /** Every entry in display order. */
  list(): readonly ChatItem[] {
    return this.items;
  }

  /**
   * Where the next catch-up `sync` starts: every entry up to this seq is held, or is not shown to
   * visitors. Only `sync` pages move it, never a live entry: one arriving during a catch-up, or
   * ahead of one still in flight on another server process, says nothing of the seqs before it.
   */
  get syncedSeq(): number {
    return this.syncedThrough;
  }

  /** A `sync` page was applied: the database had nothing else up to `nextAfterSeq` for the visitor. */
  synced(nextAfterSeq: number): void {
    if (nextAfterSeq > this.syncedThrough) this.syncedThrough = nextAfterSeq;
  }

  /** The highest seq written by someone else (what the visitor's read receipt reports). */
  get lastIncomingSeq(): number {
    let last = 0;
    for (const item of this.items) if (item.seq !== null && !isOwn(item) && item.seq > last) last = item.seq;
    return last;
  }

  find(clientId: string): ChatItem | undefined {
    return this.items.find((item) => isOwn(item) && item.clientId === clientId);
  }

  /**
   * Shows the visitor's message at once as "sending"; null when that client id is already known.
   * G4: a file on its way is a `file` item whose body is the file's name (no attachment until stored).
   */
  addPending(clientId: string, body: string, now: Date, kind: 'text' | 'file' = 'text'): ChatItem | null {
    if (this.find(clientId)) return null;
    const item: ChatItem = {
      clientId,
      seq: null,
      kind,
      authorKind: 'visitor',
      authorName: null,
      body,
      event: null,
      transcript: null,
      attachment: null,
      createdAt: now.toISOString(),
      status: 'sending',
    };
    this.items.push(item);
    return item;
  }

  /** A send failed or timed out: the message stays, marked "not sent", ready for a retry. */
  fail(clientId: string): void {
    const item = this.find(clientId);
    if (item && item.seq === null) item.status = 'failed';
  }

  /** G4: the server refused the message (a file it does not accept): it goes, nothing of it stays. */
  drop(clientId: string): boolean {
    const item = this.find(clientId);
    if (!item || item.seq !== null) return false;
    this.items.splice(this.items.indexOf(item), 1);
    return true;
  }

  /** A retry is under way (with the same client id, so the server cannot store it twice). */
  retrying(clientId: string): ChatItem | null {
    const item = this.find(clientId);
    if (!item || item.seq !== null) return null;
    item.status = 'sending';
    return item;
  }

  /** An entry from the server (live event, ack or sync), placed by seq and never shown twice. */
  receive(entry: TimelineEntry): ReceiveResult {
    if (this.items.some((item) => item.seq === entry.seq)) return { change: 'duplicate', item: null };
    const pending = isOwn(entry) ? this.find(entry.clientId) : undefined;
    if (pending) this.items.splice(this.items.indexOf(pending), 1);
    const item: ChatItem = {
      clientId: entry.clientId,
      seq: entry.seq,
      kind: entry.kind,
      authorKind: entry.authorKind,
      authorName: entry.authorName,
      body: entry.body,
      event: entry.event,
      transcript: entry.transcript ?? null,
      attachment: entry.attachment ?? null,
      createdAt: entry.createdAt,
      // The visitor's answers to the bot were never "sent" to anyone: no delivery state for them.
      status: isOwn(entry) && !entry.transcript ? (entry.seq <= this.agentReadSeq ? 'read' : 'sent') : null,
    };
    const at = this.items.findIndex((other) => other.seq === null || other.seq > entry.seq);
    this.items.splice(at === -1 ? this.items.length : at, 0, item);
    return { change: pending ? 'confirmed' : 'added', item };
  }

  /** E3: the agent has read up to `upToSeq`; the visitor's stored messages up to it show "read". */
  markReadByAgent(upToSeq: number): ChatItem[] {
    if (upToSeq <= this.agentReadSeq) return [];
    this.agentReadSeq = upToSeq;
    const changed: ChatItem[] = [];
    for (const item of this.items) {
      if (isOwn(item) && item.seq !== null && item.seq <= upToSeq && item.status !== null && item.status !== 'read') {
        item.status = 'read';
        changed.push(item);
      }
    }
    return changed;
  }

  /** A new conversation starts from seq 1 again. */
  clear(): void {
    this.items = [];
    this.agentReadSeq = 0;
    this.syncedThrough = 0;
  }
}

/** A client id the server accepts (8–64 of [A-Za-z0-9_-]), random enough never to repeat. */
export function newClientId(random: (bytes: Uint8Array) => Uint8Array): string {
  const bytes = random(new Uint8Array(16));
  let id = 'w';
  for (const byte of bytes) id += byte.toString(16).padStart(2, '0');
  return id;
}
