/**
 * Sizes of the cross-node benchmark, chosen so one run stays under ~5 minutes on the shared 2-core
 * machine. Environment overrides are for quick trials of the script (e.g. BENCH_A_SECONDS=5).
 */
import { envNumber } from '../delivery/settings';

export const SIZES = {
  /** Latency: 50 chats, all assigned to one agent socket, paced at 200 msg/s in all (4 msg/s per visitor). */
  a: {
    pairs: envNumber('BENCH_A_PAIRS', 50),
    rate: envNumber('BENCH_A_RATE', 200),
    /** 10 visitors × 4 msg/s = 200 events / 5 s per source address (limit 300). */
    visitorsPerIp: 10,
    warmupSeconds: envNumber('BENCH_A_WARMUP_SECONDS', 3),
    seconds: envNumber('BENCH_A_SECONDS', 15),
  },
  /** Stored msg/s: closed loop, each visitor at most every 200 ms (26 events / 5 s, limit 30): up to 2,000 msg/s offered. */
  b: {
    visitors: envNumber('BENCH_B_VISITORS', 400),
    /** 8 × 26 = 208 events / 5 s per source address (limit 300). */
    visitorsPerIp: 8,
    minIntervalMs: 200,
    warmupSeconds: envNumber('BENCH_B_WARMUP_SECONDS', 3),
    seconds: envNumber('BENCH_B_SECONDS', 12),
  },
  /** After a window, how long acks and deliveries still due are awaited (ends early when all arrived). */
  drainSeconds: envNumber('BENCH_DRAIN_SECONDS', 20),
  watchdogMinutes: envNumber('BENCH_WATCHDOG_MINUTES', 10),
} as const;

export const TARGETS = {
  /** Cross-node delivery p50 at most this many times the one-node p50. */
  crossNodeP50Factor: 1.5,
} as const;
