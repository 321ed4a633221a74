/**
 * The benchmark's sizes and the targets. The defaults are what docs/benchmarks.md reports;
 * the environment overrides exist for quick trials of the script itself (e.g. BENCH_IDLE=100
 * BENCH_C_SOCKETS=500 BENCH_A_SECONDS=5 BENCH_B_SECONDS=5).
 */
/** A non-negative number from the environment, or `fallback` when unset. */
export const envNumber = (name: string, fallback: number): number => {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0) throw new Error(`${name} must be a non-negative number`);
  return parsed;
};

/** The server's limits (plugins/live-chat/server/src/realtime/limits.ts), which the load must respect. */
export const SERVER_LIMITS = {
  visitorEventsPer5s: 30,
  ipEventsPer5s: 300,
  ipConnectionsPerMinute: 300,
} as const;

export const SETTINGS = {
  /** Agents (admin users holding only "use the inbox"); every scenario's conversations are spread over them. */
  agents: envNumber('BENCH_AGENTS', 50),

  /** Scenario A: one conversation per agent (visitor/agent pairs), idle widgets connected alongside. */
  a: {
    pairs: envNumber('BENCH_A_PAIRS', 50),
    idle: envNumber('BENCH_IDLE', 1000),
    /** Aggregate target of visitor messages per second (each visitor sends rate / pairs per second). */
    rate: envNumber('BENCH_A_RATE', 200),
    warmupSeconds: envNumber('BENCH_A_WARMUP_SECONDS', 3),
    seconds: envNumber('BENCH_A_SECONDS', 20),
    /** Visitors sharing one loopback source address: 10 × 4 msg/s = 200 events / 5 s per IP (limit 300). */
    visitorsPerIp: 10,
    /** The same load at lower rates afterwards (same chats and idle widgets), to separate queueing from per-message cost. */
    sweepRates: (process.env.BENCH_A_SWEEP ?? '25,50,100')
      .split(',')
      .filter(Boolean)
      .map(Number),
    sweepSeconds: envNumber('BENCH_A_SWEEP_SECONDS', 10),
  },

  /** Scenario B: closed loop, each visitor as fast as its own rate limit lets it. */
  b: {
    visitors: envNumber('BENCH_B_VISITORS', 600),
    /** 200 ms between one visitor's sends: at most 26 events in any 5 s window (limit 30). */
    minIntervalMs: 200,
    warmupSeconds: envNumber('BENCH_B_WARMUP_SECONDS', 3),
    seconds: envNumber('BENCH_B_SECONDS', 15),
    /** 8 × 26 = 208 events / 5 s per IP (limit 300). */
    visitorsPerIp: 8,
    /** A CPU profile of the server over this many seconds of the same load, after the measurement. */
    profileSeconds: envNumber('BENCH_PROFILE_SECONDS', 6),
  },

  /** Scenario C: idle widgets, each with its own visitor session. */
  c: {
    sockets: envNumber('BENCH_C_SOCKETS', 10_000),
    /** Below the 300 connections / minute / IP limit, so a retry or reconnect still fits. */
    socketsPerIp: 250,
    /** Setting up (sessions + sockets) stops here; what is connected by then is measured and extrapolated. */
    setupDeadlineSeconds: envNumber('BENCH_C_DEADLINE_SECONDS', 180),
  },

  /** Unloaded trace of one visitor message through the server, statement by statement. */
  traceMessages: envNumber('BENCH_TRACE_MESSAGES', 40),

  /** HTTP requests / socket handshakes in flight at once while setting up. */
  setupConcurrency: 16,
  /**
   * After a measured window, waiting for the acks and deliveries still due (it ends as soon as all
   * arrived). Long, because an overloaded server works off a backlog, and the next phase must not
   * start on top of it.
   */
  drainSeconds: 60,
  /** The whole run is aborted (and cleaned up) after this long. */
  watchdogMinutes: envNumber('BENCH_WATCHDOG_MINUTES', 20),
  /** monitorEventLoopDelay's timer; its histogram includes this interval, which is subtracted. */
  eventLoopResolutionMs: 10,
} as const;

export const TARGETS = {
  deliveryP50Ms: 3,
  deliveryP99Ms: 15,
  storedPerSecond: 2000,
  idleWidgets: 10_000,
  idleRssMb: 800,
} as const;
