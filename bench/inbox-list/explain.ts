import type { Core } from '@strapi/strapi';
import { rerunnable, statementName, summarize, timeSamples, type CapturedQuery } from './measure';

export interface StatementTiming {
  caseName: string;
  statement: string;
  p50: number;
  p95: number;
  query: CapturedQuery;
}

/**
 * Times each plugin statement of a request on its own (no HTTP, no auth, no JSON), so the table
 * shows which of a request's queries its latency comes from.
 */
export async function timeStatements(
  strapi: Core.Strapi,
  caseName: string,
  statements: CapturedQuery[],
  samples: number,
): Promise<StatementTiming[]> {
  const timings: StatementTiming[] = [];
  for (const statement of statements.filter((query) => query.plugin)) {
    const run = rerunnable(strapi, statement);
    const latency = summarize(await timeSamples(() => run(), samples, 5));
    timings.push({ caseName, statement: statementName(statement), p50: latency.p50, p95: latency.p95, query: statement });
  }
  return timings;
}

/**
 * The database's own account of a statement: EXPLAIN QUERY PLAN on SQLite (which index, or a
 * scan), EXPLAIN (ANALYZE, BUFFERS) on PostgreSQL (the plan as executed, with row counts and time).
 */
export async function explain(strapi: Core.Strapi, statement: CapturedQuery): Promise<string> {
  const run = rerunnable(strapi, statement);
  if (strapi.db.dialect.client === 'postgres') {
    const result = (await run('EXPLAIN (ANALYZE, BUFFERS) ')) as { rows: Array<Record<string, string>> };
    return result.rows.map((row) => row['QUERY PLAN']).join('\n');
  }
  const rows = (await run('EXPLAIN QUERY PLAN ')) as Array<{ id: number; parent: number; detail: string }>;
  // Indent each step under its parent, as the sqlite3 shell prints the plan.
  const depth = new Map<number, number>([[0, 0]]);
  return rows
    .map((row) => {
      const level = (depth.get(row.parent) ?? 0) + 1;
      depth.set(row.id, level);
      return `${'  '.repeat(level - 1)}${row.detail}`;
    })
    .join('\n');
}
