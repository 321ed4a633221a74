import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core } from '@strapi/strapi';

/** One SQL statement as knex ran it. */
export interface CapturedQuery {
  sql: string;
  bindings: unknown[];
  /** Touches a live_chat_* table: issued by the plugin, not by Strapi's admin auth. */
  plugin: boolean;
}

export interface QueryCount {
  plugin: number;
  other: number;
  total: number;
  statements: CapturedQuery[];
}

export interface Latency {
  p50: number;
  p95: number;
  max: number;
}

/** Nearest-rank percentile: a value that was actually measured, never an interpolation. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] as number;
}

export function summarize(samples: number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted[sorted.length - 1] ?? Number.NaN };
}

/**
 * Runs `work` `warmup` times untimed, then `samples` times one after another, timing each call.
 * Sequential on purpose: this measures the latency of one request, not throughput under load.
 */
export async function timeSamples(work: () => Promise<unknown>, samples: number, warmup: number): Promise<number[]> {
  for (let index = 0; index < warmup; index += 1) await work();
  const times: number[] = [];
  for (let index = 0; index < samples; index += 1) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return times;
}

const inProcessWork = new AsyncLocalStorage<object>();

/**
 * Counts the SQL statements knex runs for `work`. Knex emits 'query' on the instance for every
 * statement (transactions included), before it reaches the driver. A statement counts if it runs
 * inside `work` itself (in-process cases) or inside an HTTP request (Strapi keeps each request's
 * ctx in an AsyncLocalStorage); the plugin's wait-time sweeper ticks on a timer, outside both, and
 * would otherwise be miscounted when a tick lands during the request. Call it with nothing else
 * in flight.
 */
export async function countQueries(strapi: Core.Strapi, work: () => Promise<unknown>): Promise<QueryCount> {
  const marker = {};
  const statements: CapturedQuery[] = [];
  const listener = (query: { sql: string; bindings?: unknown[] }) => {
    if (inProcessWork.getStore() !== marker && strapi.requestContext.get() === undefined) return;
    statements.push({ sql: query.sql, bindings: query.bindings ?? [], plugin: /\blive_chat_/.test(query.sql) });
  };
  strapi.db.connection.on('query', listener);
  try {
    await inProcessWork.run(marker, work);
  } finally {
    strapi.db.connection.off('query', listener);
  }
  const plugin = statements.filter((statement) => statement.plugin).length;
  return { plugin, other: statements.length - plugin, total: statements.length, statements };
}

/**
 * A captured statement as knex.raw can run it again. PostgreSQL statements arrive with $n
 * placeholders (knex numbers them in order just before the driver), raw() wants `?`.
 */
export function rerunnable(strapi: Core.Strapi, query: CapturedQuery) {
  const sql = strapi.db.dialect.client === 'postgres' ? query.sql.replace(/\$(\d+)/g, '?') : query.sql;
  return (prefix = '') => strapi.db.connection.raw(`${prefix}${sql}`, query.bindings as never);
}

/** Which repository function a plugin statement comes from, for the per-statement table. */
export const statementName = (query: CapturedQuery): string =>
  /\bmatch\b|to_tsquery/i.test(query.sql)
    ? 'search'
    : /^select \(select count\(\*\)/i.test(query.sql)
      ? 'countFolders'
      : /order by/i.test(query.sql)
        ? 'listFolder'
        : 'other';
