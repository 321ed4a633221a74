import type { Core } from '@strapi/strapi';

/**
 * G8: the email outbox, a plain table the plugin creates at bootstrap (like the search indexes):
 * not a content type, because nothing but the outbox worker and GDPR erasure ever reads it, and
 * Strapi's schema sync leaves a table it did not create alone. Personal data sits in named
 * columns, so erasure can clear them: `recipient_email` (the visitor's address, or the team's),
 * `subject`, `html_body` and `text_body` (rendered message text), all keyed by `conversation_id`.
 */
export const EMAIL_OUTBOX_TABLE = 'live_chat_email_outbox';

/** Creates the outbox table when it is missing (idempotent; every start checks). */
export async function ensureEmailOutbox(strapi: Core.Strapi): Promise<void> {
  // Strapi's schema connection: on PostgreSQL it names the configured schema (DATABASE_SCHEMA).
  const schema = () => strapi.db.getSchemaConnection();
  if (await schema().hasTable(EMAIL_OUTBOX_TABLE)) return;
  try {
    await schema().createTable(EMAIL_OUTBOX_TABLE, (table) => {
      table.increments('id').primary();
      // One row per logical email (EMAIL_KEYS in shared/domain/email.ts): the at-most-once guard.
      table.string('idempotency_key', 200).notNullable().unique({ indexName: `${EMAIL_OUTBOX_TABLE}_key_uq` });
      table.string('kind', 32).notNullable();
      table.string('state', 16).notNullable();
      table.integer('conversation_id').nullable().index(`${EMAIL_OUTBOX_TABLE}_conversation_idx`);
      table.string('recipient_email', 254).nullable();
      table.string('locale', 16).nullable();
      table.text('subject').nullable();
      table.text('html_body').nullable();
      table.text('text_body').nullable();
      table.integer('up_to_seq').nullable();
      table.integer('attempts').notNullable().defaultTo(0);
      table.datetime('next_attempt_at', { precision: 3 }).nullable();
      table.datetime('lease_until', { precision: 3 }).nullable();
      table.text('last_error').nullable();
      table.datetime('sent_at', { precision: 3 }).nullable();
      table.datetime('created_at', { precision: 3 }).nullable();
      table.index(['state', 'next_attempt_at'], `${EMAIL_OUTBOX_TABLE}_due_idx`);
    });
  } catch (error) {
    // A second process created it at the same moment.
    if (!(await schema().hasTable(EMAIL_OUTBOX_TABLE))) throw error;
  }
}
