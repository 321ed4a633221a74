import type { Core } from '@strapi/strapi';
import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { tableName } from '../content-types/define';

/** Table names of the plugin, derived the same way the content types declare them. */
export const TABLES = {
  conversations: tableName('conversations'),
  playbooks: tableName('playbooks'),
  messages: tableName('messages'),
  visitors: tableName('visitors'),
  persons: tableName('persons'),
  organizations: tableName('organizations'),
  agentStatuses: tableName('agent-statuses'),
  adminUsers: 'admin_users',
} as const;

export type Transaction = Knex.Transaction;

/**
 * Strapi stores datetimes as `YYYY-MM-DD HH:mm:ss.SSS` text (UTC) on SQLite and as timestamps on
 * PostgreSQL; raw queries must write and compare them the same way.
 */
export function toDbDatetime(strapi: Core.Strapi, date: Date): string | Date {
  if (strapi.db.dialect.client === 'sqlite') return date.toISOString().replace('T', ' ').replace('Z', '');
  return date;
}

/** Reads a datetime column from either database as a Date. */
export function fromDbDatetime(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  if (typeof value === 'number') return new Date(value);
  const text = String(value);
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(' ', 'T')}Z`);
}

/**
 * A knex query on one table, joined to the transaction when one is given. Inside a transaction
 * every query must pass it: on SQLite the pool has one connection, held by the transaction.
 */
export function table(strapi: Core.Strapi, name: string, trx?: Transaction) {
  const query = strapi.db.getConnection(name);
  return trx ? query.transacting(trx) : query;
}

/** Whether a write failed on a unique index (SQLite "UNIQUE constraint failed", PostgreSQL "violates unique constraint"). */
export const isUniqueViolation = (error: unknown) => /unique constraint/i.test(String((error as Error)?.message ?? error));

type Rows = ReturnType<Core.Strapi['db']['query']>;

/**
 * Updates the one row `where` finds with `changes`, or creates it: a row keyed by a unique index
 * (an agent's toggle, a page's installation). Of two first writes at once, one meets the unique
 * index (no transaction prevents that on PostgreSQL); it updates the winner's row instead of
 * failing with a 500 (F4).
 */
export async function updateOrCreate(
  rows: Rows,
  where: Record<string, unknown>,
  changes: Record<string, unknown>,
  created: () => Promise<Record<string, unknown>> | Record<string, unknown>,
): Promise<void> {
  const update = async () => {
    const existing = await rows.findOne({ where, select: ['id'] });
    if (existing) await rows.update({ where: { id: existing.id }, data: changes });
    return Boolean(existing);
  };
  if (await update()) return;
  try {
    await rows.create({ data: await created() });
  } catch (error) {
    if (!isUniqueViolation(error) || !(await update())) throw error;
  }
}

/** Whether PostgreSQL aborted a transaction to break a deadlock (SQLSTATE 40P01). */
export const isDeadlock = (error: unknown) => (error as { code?: unknown })?.code === '40P01';

/** Number of rows an UPDATE touched, whatever the driver returns. */
export const affectedRows = (result: unknown): number => (typeof result === 'number' ? result : Number(result ?? 0));

const DOCUMENT_ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A Strapi documentId (24 lowercase letters and digits, starting with a letter, as Strapi's own)
 * for rows inserted without the query engine.
 */
export function newDocumentId(): string {
  const bytes = randomBytes(24);
  let id = DOCUMENT_ID_ALPHABET[bytes[0] % 26];
  for (let i = 1; i < 24; i++) id += DOCUMENT_ID_ALPHABET[bytes[i] % 36];
  return id;
}
