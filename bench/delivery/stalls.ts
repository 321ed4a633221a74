import { PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import type { Core } from '@strapi/strapi';
import type { LatencySummary } from './protocol';
import { summarize } from './stats';

/** What held the server up during a measured window: slow SQL statements and garbage-collection pauses. */
export interface StallReport {
  /** Statements whose driver time exceeded the threshold, by statement (shortened), worst first. */
  slowStatements: Array<{ sql: string; count: number; maxMs: number }>;
  /** Driver time of the most frequent statements, by statement: whether the tails are the database's. */
  frequentStatements: Array<{ sql: string } & LatencySummary>;
  statements: number;
  gc: { pauses: number; totalMs: number; maxMs: number; over10ms: number };
}

const SLOW_MS = 30;

const shapes = new Map<string, string>();
/** A statement's text on one line, shortened; memoized, since every statement of a window is counted. */
const shapeOf = (sql: string) => {
  let shape = shapes.get(sql);
  if (shape === undefined) {
    const flat = sql.replace(/\s+/g, ' ').replace(/["`]/g, '').trim();
    shape = flat.length > 90 ? `${flat.slice(0, 87)}...` : flat;
    if (shapes.size < 10_000) shapes.set(sql, shape);
  }
  return shape;
};

/**
 * Listens to knex's statement events and to GC pauses while a window is open. A statement's driver
 * time runs from knex's 'query' event to its 'query-response'. BEGIN and COMMIT have no response
 * event: on SQLite (one connection, synchronous driver) they last until the next statement starts,
 * which bounds them from above; on PostgreSQL they are not timed.
 */
export class StallWatch {
  private open = false;
  private readonly starts = new Map<string, { sql: string; at: number }>();
  private unanswered: { sql: string; at: number } | null = null;
  private slow = new Map<string, { count: number; maxMs: number }>();
  private durations = new Map<string, number[]>();
  private statements = 0;
  private gcPauses: number[] = [];
  private readonly observer: PerformanceObserver;
  private readonly sqlite: boolean;

  constructor(private readonly strapi: Core.Strapi) {
    this.sqlite = strapi.db.dialect.client === 'sqlite';
    const knex = strapi.db.connection as unknown as NodeJS.EventEmitter;
    knex.on('query', this.onQuery);
    knex.on('query-response', this.onResponse);
    this.observer = new PerformanceObserver((list) => {
      if (!this.open) return;
      for (const entry of list.getEntries() as PerformanceEntry[]) this.gcPauses.push(entry.duration);
    });
    this.observer.observe({ entryTypes: ['gc'] });
  }

  private record(sql: string, ms: number) {
    const key = shapeOf(sql);
    const samples = this.durations.get(key) ?? [];
    samples.push(ms);
    this.durations.set(key, samples);
    if (ms <= SLOW_MS) return;
    const entry = this.slow.get(key) ?? { count: 0, maxMs: 0 };
    entry.count += 1;
    entry.maxMs = Math.max(entry.maxMs, ms);
    this.slow.set(key, entry);
  }

  private readonly onQuery = (query: { sql: string; __knexQueryUid?: string }) => {
    if (!this.open) return;
    const now = performance.now();
    this.statements += 1;
    if (this.unanswered) {
      this.record(this.unanswered.sql, now - this.unanswered.at);
      this.unanswered = null;
    }
    if (query.__knexQueryUid) this.starts.set(query.__knexQueryUid, { sql: query.sql, at: now });
    else if (this.sqlite) this.unanswered = { sql: query.sql, at: now };
  };

  private readonly onResponse = (_response: unknown, query: { __knexQueryUid?: string }) => {
    const start = query.__knexQueryUid ? this.starts.get(query.__knexQueryUid) : undefined;
    if (!start) return;
    this.starts.delete(query.__knexQueryUid!);
    this.record(start.sql, performance.now() - start.at);
  };

  start() {
    this.open = true;
    this.starts.clear();
    this.unanswered = null;
    this.slow = new Map();
    this.durations = new Map();
    this.statements = 0;
    this.gcPauses = [];
  }

  end(): StallReport {
    this.open = false;
    const pauses = this.gcPauses;
    return {
      slowStatements: [...this.slow]
        .map(([sql, entry]) => ({ sql, ...entry }))
        .sort((a, b) => b.count - a.count || b.maxMs - a.maxMs)
        .slice(0, 5),
      frequentStatements: [...this.durations]
        .sort((a, b) => b[1].length - a[1].length)
        .slice(0, 3)
        .map(([sql, samples]) => ({ sql, ...summarize(samples) })),
      statements: this.statements,
      gc: {
        pauses: pauses.length,
        totalMs: pauses.reduce((sum, value) => sum + value, 0),
        maxMs: pauses.reduce((max, value) => Math.max(max, value), 0),
        over10ms: pauses.filter((value) => value > 10).length,
      },
    };
  }

  dispose() {
    this.open = false;
    const knex = this.strapi.db.connection as unknown as NodeJS.EventEmitter;
    knex.off('query', this.onQuery);
    knex.off('query-response', this.onResponse);
    this.observer.disconnect();
  }
}
