/**
 * The benchmark's sizes. The defaults are the figures docs/benchmarks.md reports; the environment
 * overrides exist only for quick trial runs of the script itself (say BENCH_CONVERSATIONS=5000).
 */
const envInt = (name: string, fallback: number): number => {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed < 1) throw new Error(`${name} must be a positive integer`);
  return parsed;
};

export const SETTINGS = {
  conversations: envInt('BENCH_CONVERSATIONS', 100_000),
  messagesPerConversation: envInt('BENCH_MESSAGES_PER_CONVERSATION', 10),
  agents: 10,
  /** Timed requests per case. */
  samples: envInt('BENCH_SAMPLES', 300),
  /** Untimed requests per case first, so JIT, statement caches and the page cache are warm. */
  warmup: 20,
  pageSize: 25,
  /** The deep-page case starts from the cursor reached after this many pages of "closed". */
  deepPage: 20,
  /** last_activity_at is spread over this many days before now. */
  spanDays: 90,
  /** Rows per INSERT: SQLite caps bound variables per statement, PostgreSQL at 65,535. */
  batchRows: { sqlite: 500, postgres: 2000 },
  /** Seed for the pseudo-random generator, so every run seeds the same data. */
  randomSeed: 20261121,
} as const;

/** Targets of the issue, per request of the folder-list API. */
export const TARGETS = { p95Ms: 30, pluginQueries: 3 } as const;
