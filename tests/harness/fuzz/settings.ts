import type { Parameters as FcParameters } from 'fast-check';

/**
 * How long a property-based fuzz runs (F4). CI runs a small default; `npm run fuzz -- --runs N`
 * (scripts/fuzz.mjs) sets LIVE_CHAT_FUZZ_RUNS for a long run, and a failure is replayed with the
 * seed and path fast-check prints: LIVE_CHAT_FUZZ_SEED=<seed> LIVE_CHAT_FUZZ_PATH=<path>.
 */
export const DEFAULT_RUNS = 40;

const integerEnv = (name: string): number | undefined => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value)) throw new Error(`${name} must be a whole number, got ${raw}`);
  return value;
};

/**
 * Runs per property: LIVE_CHAT_FUZZ_RUNS (total) spread over `properties` properties, at least 1
 * each; without it `defaultRuns` each (a file whose every input costs several requests asks fewer).
 */
export function fuzzParameters<T>(properties = 1, defaultRuns = DEFAULT_RUNS): FcParameters<T> {
  const total = integerEnv('LIVE_CHAT_FUZZ_RUNS');
  const numRuns = total === undefined ? defaultRuns : Math.max(1, Math.ceil(total / properties));
  const seed = integerEnv('LIVE_CHAT_FUZZ_SEED');
  const path = process.env.LIVE_CHAT_FUZZ_PATH || undefined;
  return {
    numRuns,
    ...(seed === undefined ? {} : { seed }),
    ...(path === undefined ? {} : { path }),
    // Every run is an HTTP round trip; shrinking a failure needs many more.
    endOnFailure: process.env.LIVE_CHAT_FUZZ_SHRINK !== 'true',
    verbose: 1,
  };
}

/** The time budget of one fuzz test: long runs take as long as they need. */
export const fuzzTimeout = (properties = 1): number => {
  const runs = (integerEnv('LIVE_CHAT_FUZZ_RUNS') ?? DEFAULT_RUNS * properties) / properties;
  return Math.max(60_000, runs * 200);
};
