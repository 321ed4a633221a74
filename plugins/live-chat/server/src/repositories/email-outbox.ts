import type { Core } from '@strapi/strapi';
import type { EmailKind, OutboxState } from '../../../shared/domain/email';
import { EMAIL_OUTBOX_TABLE } from '../migrations/email-outbox';
import { affectedRows, fromDbDatetime, isUniqueViolation, table, toDbDatetime } from './sql';

export interface OutboxRow {
  id: number;
  idempotencyKey: string;
  kind: EmailKind;
  state: OutboxState;
  conversationId: number | null;
  recipientEmail: string | null;
  locale: string | null;
  subject: string | null;
  htmlBody: string | null;
  textBody: string | null;
  upToSeq: number | null;
  attempts: number;
  nextAttemptAt: Date | null;
  leaseUntil: Date | null;
  lastError: string | null;
  sentAt: Date | null;
}

export interface NewOutboxRow {
  idempotencyKey: string;
  kind: EmailKind;
  state: 'waiting' | 'pending';
  conversationId: number;
  recipientEmail: string | null;
  nextAttemptAt: Date | null;
  content?: RenderedContent;
}

export interface RenderedContent {
  recipientEmail: string;
  locale: string;
  subject: string;
  htmlBody: string;
  textBody: string;
  upToSeq?: number | null;
}

type Row = Record<string, unknown>;

const toRow = (row: Row): OutboxRow => ({
  id: Number(row.id),
  idempotencyKey: String(row.idempotency_key),
  kind: row.kind as EmailKind,
  state: row.state as OutboxState,
  conversationId: row.conversation_id === null ? null : Number(row.conversation_id),
  recipientEmail: (row.recipient_email as string | null) ?? null,
  locale: (row.locale as string | null) ?? null,
  subject: (row.subject as string | null) ?? null,
  htmlBody: (row.html_body as string | null) ?? null,
  textBody: (row.text_body as string | null) ?? null,
  upToSeq: row.up_to_seq === null || row.up_to_seq === undefined ? null : Number(row.up_to_seq),
  attempts: Number(row.attempts ?? 0),
  nextAttemptAt: fromDbDatetime(row.next_attempt_at),
  leaseUntil: fromDbDatetime(row.lease_until),
  lastError: (row.last_error as string | null) ?? null,
  sentAt: fromDbDatetime(row.sent_at),
});

/**
 * G8: the email outbox (migrations/email-outbox.ts). Every state change is a conditional update
 * on the state it expects, so of two processes (or two sweeps) exactly one wins each row.
 */
export const createEmailOutboxRepository = (strapi: Core.Strapi) => {
  const rows = () => table(strapi, EMAIL_OUTBOX_TABLE);
  const at = (date: Date) => toDbDatetime(strapi, date);
  const contentColumns = (content: RenderedContent) => ({
    recipient_email: content.recipientEmail,
    locale: content.locale,
    subject: content.subject,
    html_body: content.htmlBody,
    text_body: content.textBody,
    up_to_seq: content.upToSeq ?? null,
  });

  return {
    /** Stores a new email; false when its idempotency key is already stored (it is never sent twice). */
    async insert(row: NewOutboxRow): Promise<boolean> {
      try {
        await rows().insert({
          idempotency_key: row.idempotencyKey,
          kind: row.kind,
          state: row.state,
          conversation_id: row.conversationId,
          recipient_email: row.recipientEmail,
          next_attempt_at: row.nextAttemptAt ? at(row.nextAttemptAt) : null,
          attempts: 0,
          created_at: at(new Date()),
          ...(row.content ? contentColumns(row.content) : {}),
        });
        return true;
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },

    async findByKey(key: string): Promise<OutboxRow | null> {
      const row = await rows().where({ idempotency_key: key }).first();
      return row ? toRow(row) : null;
    },

    async findById(id: number): Promise<OutboxRow | null> {
      const row = await rows().where({ id }).first();
      return row ? toRow(row) : null;
    },

    /** The conversation's emails, oldest first. */
    async listByConversation(conversationId: number): Promise<OutboxRow[]> {
      return (await rows().where({ conversation_id: conversationId }).orderBy('id', 'asc')).map(toRow);
    },

    /** Ids of rows in `state` due by `now`, oldest first. */
    async dueIds(state: 'waiting' | 'pending', kind: EmailKind | null, now: Date, limit: number): Promise<number[]> {
      const query = rows().where({ state }).whereNotNull('next_attempt_at').where('next_attempt_at', '<=', at(now));
      if (kind) query.where({ kind });
      return (await query.orderBy('next_attempt_at', 'asc').limit(limit).select('id')).map((row: Row) => Number(row.id));
    },

    /**
     * Takes a due row for this process until `leaseUntil`: true for the one caller whose update
     * found it still in `from` (a pending row also counts one more attempt).
     */
    async claim(id: number, from: 'waiting' | 'pending', now: Date, leaseUntil: Date): Promise<boolean> {
      const changes: Row = { state: 'sending', lease_until: at(leaseUntil) };
      if (from === 'pending') changes.attempts = strapi.db.connection.raw('attempts + 1');
      const result = await rows()
        .where({ id, state: from })
        .where('next_attempt_at', '<=', at(now))
        .update(changes);
      return affectedRows(result) === 1;
    },

    /** Renders a waiting row into a pending one, due `dueAt` (false if another process got there first). */
    async promote(id: number, from: 'waiting' | 'sending', content: RenderedContent, dueAt: Date, idempotencyKey?: string): Promise<boolean> {
      try {
        const result = await rows()
          .where({ id, state: from })
          .update({
            ...contentColumns(content),
            ...(idempotencyKey ? { idempotency_key: idempotencyKey } : {}),
            state: 'pending',
            next_attempt_at: at(dueAt),
            lease_until: null,
          });
        return affectedRows(result) === 1;
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },

    async markSent(id: number, now: Date): Promise<void> {
      await rows().where({ id, state: 'sending' }).update({ state: 'sent', sent_at: at(now), lease_until: null, last_error: null });
    },

    async markRetry(id: number, nextAttemptAt: Date, error: string): Promise<void> {
      await rows()
        .where({ id, state: 'sending' })
        .update({ state: 'pending', next_attempt_at: at(nextAttemptAt), lease_until: null, last_error: error.slice(0, 2000) });
    },

    async markFailed(id: number, error: string): Promise<void> {
      await rows().where({ id, state: 'sending' }).update({ state: 'failed', lease_until: null, last_error: error.slice(0, 2000) });
    },

    /** Deletes a row (a follow-up check that found nothing to send), if it is still in `from`. */
    async remove(id: number, from: OutboxState): Promise<void> {
      await rows().where({ id, state: from }).delete();
    },

    /** Moves a waiting row's due time (a follow-up check restarts when the visitor leaves). */
    async reschedule(key: string, dueAt: Date): Promise<boolean> {
      return affectedRows(await rows().where({ idempotency_key: key, state: 'waiting' }).update({ next_attempt_at: at(dueAt) })) === 1;
    },

    /** Rows a process claimed and never finished (it stopped mid-send): their lease ran out. */
    async findAbandoned(now: Date, limit: number): Promise<OutboxRow[]> {
      return (await rows().where({ state: 'sending' }).where('lease_until', '<', at(now)).limit(limit)).map(toRow);
    },

    /** The last seq a follow-up of the conversation carried (0 when none). */
    async lastFollowUpSeq(conversationId: number): Promise<number> {
      const row = await rows().where({ conversation_id: conversationId, kind: 'followup' }).max({ seq: 'up_to_seq' }).first();
      return Number(row?.seq ?? 0);
    },
  };
};

export type EmailOutboxRepository = ReturnType<typeof createEmailOutboxRepository>;
