import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { percentile } from '../inbox-list/measure';
import type { LatencySummary } from './protocol';

/** p50 / p99 / max of latency samples (ms), nearest-rank as in bench/inbox-list. */
export function summarize(samples: number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

/**
 * Event-loop lag. Node 20's histogram records the whole interval between timer ticks, so an idle
 * loop reads `resolution` ms: that is subtracted, leaving how late the loop was.
 */
export class LoopLag {
  private readonly histogram: IntervalHistogram;

  constructor(private readonly resolutionMs: number) {
    this.histogram = monitorEventLoopDelay({ resolution: resolutionMs });
    this.histogram.enable();
  }

  reset() {
    this.histogram.reset();
  }

  read(): { p50: number; p99: number; max: number } {
    const lag = (ns: number) => (Number.isFinite(ns) && this.histogram.count > 0 ? Math.max(0, ns / 1e6 - this.resolutionMs) : Number.NaN);
    return { p50: lag(this.histogram.percentile(50)), p99: lag(this.histogram.percentile(99)), max: lag(this.histogram.max) };
  }

  stop() {
    this.histogram.disable();
  }
}

/** CPU time of this process between two calls, as % of one core. */
export function cpuMeter() {
  let since = process.cpuUsage();
  let at = performance.now();
  return {
    reset() {
      since = process.cpuUsage();
      at = performance.now();
    },
    percent(): number {
      const used = process.cpuUsage(since);
      const elapsedMs = performance.now() - at;
      return elapsedMs > 0 ? ((used.user + used.system) / 1000 / elapsedMs) * 100 : Number.NaN;
    },
  };
}

export const mb = (bytes: number) => bytes / 1024 / 1024;
