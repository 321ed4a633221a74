import { createHash } from 'node:crypto';
import type { EventEmitter } from 'node:events';
import type { Core } from '@strapi/strapi';

type Row = Record<string, unknown>;
type Params = readonly unknown[];

/** Statements run on one connection (inside a transaction, or a single statement). */
export interface DirectSession {
  /** Runs a statement and answers its rows (a write answers rows only with RETURNING). */
  all(sql: string, params?: Params): Promise<Row[]>;
}

/**
 * Hand-written SQL for the message path, run on the driver with each statement prepared once per
 * connection (better-sqlite3 statements; named statements on pg). Knex builds and, on SQLite,
 * prepares every statement anew: bench/delivery measured that at 35–40% of a message's CPU.
 * SQL is written with `?` placeholders; connections come from (and go back to) knex's own pool,
 * so these statements queue behind knex's transactions like any other query.
 */
export interface DirectSql {
  readonly dialect: 'sqlite' | 'postgres';
  all(sql: string, params?: Params): Promise<Row[]>;
  /** Commits when `work` resolves, rolls back when it throws. */
  transaction<T>(work: (session: DirectSession) => Promise<T>): Promise<T>;
}

interface SqliteStatement {
  reader: boolean;
  all(...params: unknown[]): Row[];
  run(...params: unknown[]): unknown;
}
interface SqliteConnection {
  prepare(sql: string): SqliteStatement;
  inTransaction: boolean;
}
interface PgConnection {
  query(config: string | { name: string; text: string; values: unknown[] }): Promise<{ rows: Row[] }>;
}
interface KnexClient {
  acquireConnection(): Promise<unknown>;
  releaseConnection(connection: unknown): Promise<unknown> | unknown;
}

function sqliteSession(connection: SqliteConnection, cache: Map<string, SqliteStatement>): DirectSession {
  const prepare = (sql: string) => {
    let statement = cache.get(sql);
    if (!statement) {
      statement = connection.prepare(sql);
      cache.set(sql, statement);
    }
    return statement;
  };
  return {
    async all(sql, params = []) {
      const statement = prepare(sql);
      if (statement.reader) return statement.all(...params);
      statement.run(...params);
      return [];
    },
  };
}

/** pg numbers its placeholders; a statement's name is derived from its text, so it is stable. */
const pgStatements = new Map<string, { name: string; text: string }>();
function pgStatement(sql: string) {
  let statement = pgStatements.get(sql);
  if (!statement) {
    let index = 0;
    const text = sql.replace(/\?/g, () => `$${++index}`);
    statement = { name: `live_chat_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`, text };
    pgStatements.set(sql, statement);
  }
  return statement;
}

function pgSession(connection: PgConnection): DirectSession {
  return {
    async all(sql, params = []) {
      const { name, text } = pgStatement(sql);
      return (await connection.query({ name, text, values: [...params] })).rows;
    },
  };
}

let statementCount = 0;

/**
 * Statements run here are announced like knex's own ('query', then 'query-response' or
 * 'query-error', with a `__knexQueryUid`), so whoever watches knex's queries (logging, APM,
 * bench/delivery's trace) still sees every statement. Nothing is built while nobody listens.
 */
function reportedToKnexListeners(knex: EventEmitter, session: DirectSession): DirectSession {
  return {
    async all(sql, params = []) {
      if (knex.listenerCount('query') === 0 && knex.listenerCount('query-response') === 0) return session.all(sql, params);
      const query = { method: 'raw', sql, bindings: [...params], __knexQueryUid: `live-chat-direct-${++statementCount}` };
      knex.emit('query', query);
      try {
        const rows = await session.all(sql, params);
        knex.emit('query-response', rows, query);
        return rows;
      } catch (error) {
        knex.emit('query-error', error, query);
        throw error;
      }
    },
  };
}

const instances = new WeakMap<Core.Strapi, DirectSql>();

/** The app's one DirectSql, so every repository shares its prepared statements. */
export function directSqlOf(strapi: Core.Strapi): DirectSql {
  let direct = instances.get(strapi);
  if (!direct) {
    direct = createDirectSql(strapi);
    instances.set(strapi, direct);
  }
  return direct;
}

function createDirectSql(strapi: Core.Strapi): DirectSql {
  const dialect = strapi.db.dialect.client === 'sqlite' ? 'sqlite' : 'postgres';
  const client = () => strapi.db.connection.client as unknown as KnexClient;
  // better-sqlite3 statements belong to their connection; a new connection starts a new cache.
  const sqliteCaches = new WeakMap<object, Map<string, SqliteStatement>>();

  const driverSessionOf = (connection: unknown): DirectSession => {
    if (dialect === 'postgres') return pgSession(connection as PgConnection);
    const sqlite = connection as SqliteConnection;
    let cache = sqliteCaches.get(sqlite);
    if (!cache) {
      cache = new Map();
      sqliteCaches.set(sqlite, cache);
    }
    return sqliteSession(sqlite, cache);
  };
  const sessionOf = (connection: unknown) => reportedToKnexListeners(strapi.db.connection as unknown as EventEmitter, driverSessionOf(connection));

  async function withConnection<T>(work: (session: DirectSession, connection: unknown) => Promise<T>): Promise<T> {
    // SQLite's pool has one connection: inside a transaction it is taken, and waiting would hang.
    if (strapi.db.inTransaction()) throw new Error('Direct SQL cannot run inside a transaction: use the transaction (knex) instead');
    const connection = await client().acquireConnection();
    try {
      return await work(sessionOf(connection), connection);
    } finally {
      await client().releaseConnection(connection);
    }
  }

  return {
    dialect,
    all: (sql, params) => withConnection((session) => session.all(sql, params)),
    transaction: (work) =>
      withConnection(async (session, connection) => {
        // IMMEDIATE takes SQLite's write lock at once, as the first write would anyway.
        await session.all(dialect === 'sqlite' ? 'BEGIN IMMEDIATE' : 'BEGIN');
        try {
          const result = await work(session);
          await session.all('COMMIT');
          return result;
        } catch (error) {
          const open = dialect === 'postgres' || (connection as SqliteConnection).inTransaction;
          if (open) await session.all('ROLLBACK').catch(() => undefined);
          throw error;
        }
      }),
  };
}
