import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { MessageAuthorKind, MessageKind } from '../../../shared/constants';
import { uid } from '../../../shared/constants';
import { TABLES, fromDbDatetime, table, toDbDatetime, type Transaction } from './sql';

/** An entry to append to a conversation's timeline: a chat message or an event (B7). */
export interface NewTimelineEntry {
  kind: MessageKind;
  authorKind: MessageAuthorKind;
  authorId?: number | null;
  authorName?: string | null;
  body?: string | null;
  event?: { type: string; data: Record<string, string | number | null> } | null;
  /** From the sender for messages (E2); generated for events. */
  clientId?: string;
  createdAt: Date;
}

export interface StoredTimelineEntry {
  id: number;
  seq: number;
  clientId: string;
  kind: MessageKind;
  authorKind: MessageAuthorKind;
  authorId: number | null;
  authorName: string | null;
  body: string | null;
  event: { type: string; data: Record<string, string | number | null> } | null;
  createdAt: Date;
}

const PREVIEW_LENGTH = 200;

type Row = Record<string, unknown>;

function parseEvent(value: unknown): StoredTimelineEntry['event'] {
  if (value === null || value === undefined) return null;
  return (typeof value === 'string' ? JSON.parse(value) : value) as StoredTimelineEntry['event'];
}

const toEntry = (row: Row): StoredTimelineEntry => ({
  id: Number(row.id),
  seq: Number(row.seq),
  clientId: String(row.client_id),
  kind: row.kind as MessageKind,
  authorKind: row.author_kind as MessageAuthorKind,
  authorId: row.author_id === null || row.author_id === undefined ? null : Number(row.author_id),
  authorName: row.author_name === null || row.author_name === undefined ? null : String(row.author_name),
  body: row.body === null || row.body === undefined ? null : String(row.body),
  event: parseEvent(row.event),
  createdAt: fromDbDatetime(row.created_at) as Date,
});

export const createTimelineRepository = (strapi: Core.Strapi) => ({
  /**
   * Appends entries with the next gap-free seqs (E2). Must run inside strapi.db.transaction: the
   * counter update locks the conversation row, so concurrent appends queue instead of colliding.
   */
  async append(trx: Transaction, conversationId: number, entries: NewTimelineEntry[]): Promise<StoredTimelineEntry[]> {
    if (entries.length === 0) return [];
    const last = entries[entries.length - 1];
    const lastText = [...entries].reverse().find((entry) => entry.kind === 'text' && entry.body);
    const changes: Record<string, unknown> = {
      last_message_seq: strapi.db.connection.raw('last_message_seq + ?', [entries.length]),
      last_activity_at: toDbDatetime(strapi, last.createdAt),
    };
    if (lastText?.body) changes.last_message_preview = lastText.body.slice(0, PREVIEW_LENGTH);
    await table(strapi, TABLES.conversations, trx).where({ id: conversationId }).update(changes);
    const row = await table(strapi, TABLES.conversations, trx).where({ id: conversationId }).first('last_message_seq');
    const firstSeq = Number(row.last_message_seq) - entries.length + 1;

    const stored: StoredTimelineEntry[] = [];
    for (const [index, entry] of entries.entries()) {
      const created = await strapi.db.query(uid('message')).create({
        data: {
          conversation: conversationId,
          seq: firstSeq + index,
          clientId: entry.clientId ?? `event:${randomUUID()}`,
          kind: entry.kind,
          authorKind: entry.authorKind,
          author: entry.authorId ?? null,
          authorName: entry.authorName ?? null,
          body: entry.body ?? null,
          event: entry.event ?? null,
          createdAt: entry.createdAt,
        },
      });
      stored.push({
        id: created.id,
        seq: firstSeq + index,
        clientId: created.clientId,
        kind: entry.kind,
        authorKind: entry.authorKind,
        authorId: entry.authorId ?? null,
        authorName: entry.authorName ?? null,
        body: entry.body ?? null,
        event: entry.event ?? null,
        createdAt: entry.createdAt,
      });
    }
    return stored;
  },

  /** A page of the timeline in seq order: after a seq (catch-up) or before one (history). */
  async list(
    conversationId: number,
    page: { afterSeq?: number; beforeSeq?: number; limit: number },
  ): Promise<{ entries: StoredTimelineEntry[]; hasMore: boolean }> {
    const query = table(strapi, TABLES.messages).where({ conversation_id: conversationId });
    if (page.afterSeq !== undefined) query.where('seq', '>', page.afterSeq);
    if (page.beforeSeq !== undefined) query.where('seq', '<', page.beforeSeq);
    // History pages read backwards from the newest; catch-up pages read forwards.
    const backwards = page.afterSeq === undefined;
    const rows: Row[] = await query.orderBy('seq', backwards ? 'desc' : 'asc').limit(page.limit + 1);
    const entries = rows.slice(0, page.limit).map(toEntry);
    if (backwards) entries.reverse();
    return { entries, hasMore: rows.length > page.limit };
  },
});

export type TimelineRepository = ReturnType<typeof createTimelineRepository>;
