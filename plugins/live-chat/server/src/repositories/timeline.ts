import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { ConversationStatus, MessageAudience, MessageAuthorKind, MessageKind } from '../../../shared/constants';
import { audienceOf, type TranscriptDetail } from '../../../shared/domain';
import type { AttachmentView } from '../../../shared/domain/attachments';
import { TABLES, fromDbDatetime, newDocumentId, table, toDbDatetime, type Transaction } from './sql';
import { entryPreview, messagePreview } from '../../../shared/domain/message-preview';

/** An entry to append to a conversation's timeline: a chat message or an event (B7). */
export interface NewTimelineEntry {
  kind: MessageKind;
  authorKind: MessageAuthorKind;
  authorId?: number | null;
  authorName?: string | null;
  body?: string | null;
  event?: { type: string; data: Record<string, string | number | null> } | null;
  /** G3: `agents` for an internal note; events get theirs from their type (audienceOf). */
  audience?: MessageAudience;
  /** G2: set on a bot transcript line. */
  transcript?: TranscriptDetail | null;
  /** From the sender for messages (E2); generated for events. */
  clientId?: string;
  /** G4: a `file` entry's file: what readers see, the upload plugin's id and the URL's secret. */
  file?: { attachment: AttachmentView; fileId: number; fileKey: string } | null;
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
  audience: MessageAudience;
  transcript: TranscriptDetail | null;
  attachment: AttachmentView | null;
  createdAt: Date;
}

/** The conversation row as an append left it (read in the same statement that locked it). */
export interface AppendedState {
  status: ConversationStatus;
  assigneeId: number | null;
  lastMessageSeq: number;
  lastActivityAt: Date;
  /** Undefined when the entries held no text (the preview did not change). */
  lastMessagePreview: string | undefined;
}

export interface AppendResult {
  entries: StoredTimelineEntry[];
  /** Null only when nothing was appended. */
  state: AppendedState | null;
}

/** What a conversation shows of its last message in the inbox list: plain text (issue 14). */
export const previewOf = (body: string) => messagePreview(body);

type Row = Record<string, unknown>;

/** A JSON column: parsed text on SQLite, already an object on PostgreSQL. */
function parseJson<T>(value: unknown): T | null {
  if (value === null || value === undefined) return null;
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/** What an entry makes the inbox list preview: public text, a file by its name (G4); never a note (G3). */
const previewOfEntry = (entry: NewTimelineEntry) =>
  entryPreview({ kind: entry.kind, body: entry.body, audience: entry.audience, attachment: entry.file?.attachment ?? null });

const toEntry = (row: Row): StoredTimelineEntry => ({
  id: Number(row.id),
  seq: Number(row.seq),
  clientId: String(row.client_id),
  kind: row.kind as MessageKind,
  authorKind: row.author_kind as MessageAuthorKind,
  authorId: row.author_id === null || row.author_id === undefined ? null : Number(row.author_id),
  authorName: row.author_name === null || row.author_name === undefined ? null : String(row.author_name),
  body: row.body === null || row.body === undefined ? null : String(row.body),
  event: parseJson<StoredTimelineEntry['event']>(row.event),
  // Rows written before audiences existed were all public (the column's default says so too).
  audience: row.audience === 'agents' ? 'agents' : 'everyone',
  transcript: parseJson<TranscriptDetail>(row.transcript),
  attachment: parseJson<AttachmentView>(row.attachment),
  createdAt: fromDbDatetime(row.created_at) as Date,
});

export const toStoredTimelineEntry = toEntry;

export const createTimelineRepository = (strapi: Core.Strapi) => ({
  /**
   * Appends entries with the next gap-free seqs (E2). Must run inside strapi.db.transaction: the
   * counter update locks the conversation row, so concurrent appends queue instead of colliding.
   * Answers the stored entries and the conversation's state as the locked row had it, so a caller
   * can check its rule against the state the write really happened in (and roll back if refused).
   */
  async append(trx: Transaction, conversationId: number, entries: NewTimelineEntry[]): Promise<AppendResult> {
    if (entries.length === 0) return { entries: [], state: null };
    const last = entries[entries.length - 1];
    const lastPreview = [...entries].reverse().map(previewOfEntry).find((preview) => preview !== null) ?? null;
    const changes: Record<string, unknown> = {
      last_message_seq: strapi.db.connection.raw('last_message_seq + ?', [entries.length]),
      last_activity_at: toDbDatetime(strapi, last.createdAt),
    };
    if (lastPreview !== null) changes.last_message_preview = lastPreview;
    // One statement bumps the counter and reads it back (RETURNING: SQLite ≥ 3.35 and PostgreSQL).
    const [row] = await table(strapi, TABLES.conversations, trx)
      .where({ id: conversationId })
      .update(changes, ['last_message_seq', 'status', 'assignee_id']);
    if (!row) throw new Error(`Conversation ${conversationId} does not exist`);
    const lastSeq = Number(row.last_message_seq);
    const firstSeq = lastSeq - entries.length + 1;

    const stored: StoredTimelineEntry[] = [];
    for (const [index, entry] of entries.entries()) {
      const seq = firstSeq + index;
      const clientId = entry.clientId ?? `event:${randomUUID()}`;
      const at = toDbDatetime(strapi, entry.createdAt);
      // Stored as decided, so the content API's readers see each row's audience as the channels apply it.
      const audience = audienceOf({ kind: entry.kind, audience: entry.audience, event: entry.event ?? null });
      // A direct insert: the query engine's create would read the row back, a second round trip
      // on the hottest path, for values we already hold.
      const [inserted] = await table(strapi, TABLES.messages, trx).insert(
        {
          document_id: newDocumentId(),
          conversation_id: conversationId,
          seq,
          client_id: clientId,
          kind: entry.kind,
          author_kind: entry.authorKind,
          author_id: entry.authorId ?? null,
          author_name: entry.authorName ?? null,
          body: entry.body ?? null,
          event: entry.event ? JSON.stringify(entry.event) : null,
          audience,
          transcript: entry.transcript ? JSON.stringify(entry.transcript) : null,
          ...(entry.file
            ? { attachment: JSON.stringify(entry.file.attachment), file_id: entry.file.fileId, file_key: entry.file.fileKey }
            : {}),
          created_at: at,
          updated_at: at,
          published_at: at,
        },
        ['id'],
      );
      stored.push({
        id: Number(typeof inserted === 'object' ? inserted.id : inserted),
        seq,
        clientId,
        kind: entry.kind,
        authorKind: entry.authorKind,
        authorId: entry.authorId ?? null,
        authorName: entry.authorName ?? null,
        body: entry.body ?? null,
        event: entry.event ?? null,
        audience,
        transcript: entry.transcript ?? null,
        attachment: entry.file?.attachment ?? null,
        createdAt: entry.createdAt,
      });
    }
    return {
      entries: stored,
      state: {
        status: row.status as ConversationStatus,
        assigneeId: row.assignee_id === null || row.assignee_id === undefined ? null : Number(row.assignee_id),
        lastMessageSeq: lastSeq,
        lastActivityAt: last.createdAt,
        lastMessagePreview: lastPreview ?? undefined,
      },
    };
  },

  /**
   * G2: appends those of `entries` whose client ids the conversation does not hold yet, in order
   * (lines of a bot transcript, written again after a retried step or a crash between two writes,
   * are stored once). Nothing goes into a closed conversation. Must run inside
   * strapi.db.transaction: the row is locked first, so two writers cannot both find a line missing.
   */
  async appendMissing(trx: Transaction, conversationId: number, entries: Array<NewTimelineEntry & { clientId: string }>): Promise<AppendResult> {
    if (entries.length === 0) return { entries: [], state: null };
    const [row] = await table(strapi, TABLES.conversations, trx)
      .where({ id: conversationId })
      .update({ last_message_seq: strapi.db.connection.raw('last_message_seq') }, ['status']);
    if (!row || row.status === 'closed') return { entries: [], state: null };
    const held = new Set<string>();
    const ids = entries.map((entry) => entry.clientId);
    for (let start = 0; start < ids.length; start += 500) {
      const rows: Row[] = await table(strapi, TABLES.messages, trx)
        .where({ conversation_id: conversationId })
        .whereIn('client_id', ids.slice(start, start + 500))
        .select('client_id');
      for (const found of rows) held.add(String(found.client_id));
    }
    return this.append(trx, conversationId, entries.filter((entry) => !held.has(entry.clientId)));
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
