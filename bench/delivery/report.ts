import { table } from '../inbox-list/report';
import type { ProfileSummary } from './profile';
import type { StallReport } from './stalls';
import type { LoadResult, Target } from './protocol';
import { SETTINGS, TARGETS } from './settings';
import type { TraceSummary } from './trace';

/** The server process over one measured window. */
export interface ServerWindow {
  eventLoop: { p50: number; p99: number; max: number };
  cpuPercent: number;
  rssMaxMb: number;
  rssEndMb: number;
  loadAverage: string;
  stalls: StallReport;
}

export interface Measured {
  label: string;
  target: Target;
  load: LoadResult;
  server: ServerWindow;
  /** Rows added to the messages table during the load (B). */
  storedRows?: number;
}

export interface IdleResult {
  wanted: number;
  connected: number;
  setupSeconds: number;
  addresses: number;
  errors: Record<string, number>;
  rssBeforeMb: number;
  rssAfterRawMb: number;
  rssAfterMb: number;
  heapBeforeMb: number;
  heapAfterMb: number;
  gcAvailable: boolean;
  loadAverage: string;
}

export interface Results {
  dialect?: string;
  measured: Measured[];
  idle?: IdleResult;
  profile?: ProfileSummary;
  profileRate?: number;
  trace?: TraceSummary;
}

const f1 = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : 'n/a');
const f0 = (value: number) => (Number.isFinite(value) ? value.toFixed(0) : 'n/a');
const f2 = (value: number) => (Number.isFinite(value) ? value.toFixed(2) : 'n/a');
const lost = (load: LoadResult) => {
  const refused = Object.entries(load.refused).map(([code, n]) => `${n} ${code}`);
  return [`${load.unacked} unacked`, `${load.undelivered} undelivered`, ...refused].join(', ');
};
/** Server CPU time per stored message (ms): CPU % of one core × 10 / messages per second. */
const cpuPerMessage = (measured: Measured) => {
  const rate = measured.load.ackedPerSecond;
  return rate > 0 ? (measured.server.cpuPercent * 10) / rate : Number.NaN;
};
const ratio = (ours: number, bare: number) => (bare > 0 ? `${(ours / bare).toFixed(1)}×` : 'n/a');
const verdict = (met: boolean, note = '') => `${met ? 'met' : 'MISSED'}${note ? ` (${note})` : ''}`;

function latencyRow(name: string, measured: Measured): string[] {
  const { load, server } = measured;
  return [
    name,
    String(load.delivery.count),
    f0(load.ackedPerSecond),
    f2(load.delivery.p50),
    f2(load.delivery.p99),
    f1(load.delivery.max),
    f2(load.ack.p50),
    f2(load.ack.p99),
    f0(server.rssMaxMb),
    `${f1(server.eventLoop.p50)} / ${f1(server.eventLoop.p99)}`,
    f0(server.cpuPercent),
    f2(cpuPerMessage(measured)),
    f0(load.clientCpuPercent),
    lost(load),
  ];
}

/** Prints the figures as Markdown tables (pasteable into docs/benchmarks.md). */
export function printReport(results: Results, log: (line: string) => void) {
  const byLabel = new Map(results.measured.map((item) => [item.label, item]));
  const a = byLabel.get('A');
  const bare = byLabel.get('baseline');
  const b = byLabel.get('B');
  const idle = results.idle;
  log(`\n=== bench/delivery on ${results.dialect ?? '?'} ===`);

  if (a || bare) {
    log(
      `\nA: latency, ${SETTINGS.a.rate} msg/s target over ${SETTINGS.a.pairs} assigned chats (visitor i ↔ agent i), ` +
        `${SETTINGS.a.idle} idle widgets connected, ${SETTINGS.a.seconds} s measured (delivery = emit → agent's timeline:entry; ack = emit → ack, stored):\n`,
    );
    const rows: string[][] = [];
    if (a) rows.push(latencyRow('plugin (store, then ack)', a));
    if (bare) rows.push(latencyRow('bare Socket.IO relay', bare));
    if (a && bare) {
      rows.push([
        'ratio plugin / bare',
        '',
        '',
        ratio(a.load.delivery.p50, bare.load.delivery.p50),
        ratio(a.load.delivery.p99, bare.load.delivery.p99),
        ratio(a.load.delivery.max, bare.load.delivery.max),
        ratio(a.load.ack.p50, bare.load.ack.p50),
        ratio(a.load.ack.p99, bare.load.ack.p99),
        '',
        '',
        ratio(a.server.cpuPercent, bare.server.cpuPercent),
        ratio(cpuPerMessage(a), cpuPerMessage(bare)),
        '',
        '',
      ]);
    }
    log(
      table(
        ['case', 'msgs timed', 'acked msg/s', 'delivery p50 ms', 'delivery p99 ms', 'delivery max ms', 'ack p50 ms', 'ack p99 ms', 'server RSS MB', 'server loop lag p50 / p99 ms', 'server CPU %', 'server CPU ms / msg', 'client CPU %', 'lost / refused'],
        rows,
      ),
    );
    const sweep = results.measured.filter((item) => item.label.startsWith('A@'));
    if (sweep.length) {
      log(`\nA at lower rates (same chats and idle widgets, ${SETTINGS.a.sweepSeconds} s each):\n`);
      log(
        table(
          ['case', 'msgs timed', 'acked msg/s', 'delivery p50 ms', 'delivery p99 ms', 'delivery max ms', 'ack p50 ms', 'ack p99 ms', 'server RSS MB', 'server loop lag p50 / p99 ms', 'server CPU %', 'server CPU ms / msg', 'client CPU %', 'lost / refused'],
          sweep.map((item) => latencyRow(`plugin at ${item.label.slice(2)} msg/s`, item)),
        ),
      );
    }
    for (const item of [a, bare, ...sweep].filter((value): value is Measured => value !== undefined)) {
      log(`  ${item.label}: load average ${item.server.loadAverage}; client schedule lag max ${f1(item.load.scheduleLagMaxMs)} ms, client loop lag p99 ${f1(item.load.clientLoopLag.p99)} ms`);
    }
  }

  if (b) {
    const ceiling = b.load.visitors * (1000 / SETTINGS.b.minIntervalMs);
    log(`\nB: throughput, closed loop, ${b.load.visitors} visitors over ${SETTINGS.agents} agents, each ≤ ${1000 / SETTINGS.b.minIntervalMs} msg/s (its rate limit), ${SETTINGS.b.seconds} s measured:\n`);
    log(
      table(
        ['offered ceiling msg/s', 'stored (acked) msg/s', 'ack p50 ms', 'ack p99 ms', 'delivery p50 ms', 'delivery p99 ms', 'server CPU %', 'server CPU ms / msg', 'server loop lag p50 / p99 ms', 'server RSS MB', 'client CPU %', 'rows stored / acks', 'lost / refused'],
        [
          [
            f0(ceiling),
            f0(b.load.ackedPerSecond),
            f1(b.load.ack.p50),
            f1(b.load.ack.p99),
            f1(b.load.delivery.p50),
            f1(b.load.delivery.p99),
            f0(b.server.cpuPercent),
            f2(cpuPerMessage(b)),
            `${f1(b.server.eventLoop.p50)} / ${f1(b.server.eventLoop.p99)}`,
            f0(b.server.rssMaxMb),
            f0(b.load.clientCpuPercent),
            `${b.storedRows ?? 'n/a'} / ${b.load.ackedTotal}`,
            lost(b.load),
          ],
        ],
      ),
    );
    log(`  load average ${b.server.loadAverage}; client loop lag p99 ${f1(b.load.clientLoopLag.p99)} ms`);
  }

  if (idle) {
    const perWidgetKb = idle.connected > 0 ? ((idle.rssAfterRawMb - idle.rssBeforeMb) * 1024) / idle.connected : Number.NaN;
    const perWidgetSettledKb = idle.connected > 0 ? ((idle.rssAfterMb - idle.rssBeforeMb) * 1024) / idle.connected : Number.NaN;
    const heapPerWidgetKb = idle.connected > 0 ? ((idle.heapAfterMb - idle.heapBeforeMb) * 1024) / idle.connected : Number.NaN;
    log(`\nC: idle widgets (visitor session + socket each, ${SETTINGS.c.socketsPerIp} per loopback address), server RSS${idle.gcAvailable ? ' (settled = after two forced GCs)' : ''}:\n`);
    log(
      table(
        ['widgets connected', 'set-up s', 'addresses', 'RSS before MB', 'RSS after MB', 'RSS after, settled MB', 'per widget KB', 'per widget, settled KB', 'heap before → after MB', 'heap per widget KB', 'errors'],
        [
          [
            `${idle.connected} / ${idle.wanted}`,
            f0(idle.setupSeconds),
            String(idle.addresses),
            f0(idle.rssBeforeMb),
            f0(idle.rssAfterRawMb),
            f0(idle.rssAfterMb),
            f1(perWidgetKb),
            f1(perWidgetSettledKb),
            `${f0(idle.heapBeforeMb)} → ${f0(idle.heapAfterMb)}`,
            f1(heapPerWidgetKb),
            JSON.stringify(idle.errors),
          ],
        ],
      ),
    );
    if (idle.connected < TARGETS.idleWidgets) {
      log(
        `  EXTRAPOLATED (only ${idle.connected} connected within ${SETTINGS.c.setupDeadlineSeconds} s): ` +
          `${TARGETS.idleWidgets} widgets ≈ ${f0(idle.rssBeforeMb + (perWidgetKb * TARGETS.idleWidgets) / 1024)} MB`,
      );
    }
    log(`  load average ${idle.loadAverage}`);
  }

  // ---- Targets of the issue.
  const targetRows: string[][] = [];
  if (a) {
    targetRows.push([`delivery p50 ≤ ${TARGETS.deliveryP50Ms} ms at ${SETTINGS.a.rate} msg/s, ${SETTINGS.a.idle} idle`, `${f2(a.load.delivery.p50)} ms`, verdict(a.load.delivery.p50 <= TARGETS.deliveryP50Ms)]);
    targetRows.push([`delivery p99 ≤ ${TARGETS.deliveryP99Ms} ms at ${SETTINGS.a.rate} msg/s, ${SETTINGS.a.idle} idle`, `${f2(a.load.delivery.p99)} ms`, verdict(a.load.delivery.p99 <= TARGETS.deliveryP99Ms)]);
  }
  if (b) {
    const ceiling = b.load.visitors * (1000 / SETTINGS.b.minIntervalMs);
    const capped = b.load.ackedPerSecond >= 0.95 * ceiling;
    targetRows.push([
      `≥ ${TARGETS.storedPerSecond} stored msg/s`,
      `${f0(b.load.ackedPerSecond)} msg/s`,
      verdict(b.load.ackedPerSecond >= TARGETS.storedPerSecond, capped ? 'the load generator, not the server, was the ceiling' : ''),
    ]);
  }
  if (idle) {
    const extrapolated = idle.connected < TARGETS.idleWidgets;
    const perWidgetMb = idle.connected > 0 ? (idle.rssAfterRawMb - idle.rssBeforeMb) / idle.connected : Number.NaN;
    const rss = extrapolated ? idle.rssBeforeMb + perWidgetMb * TARGETS.idleWidgets : idle.rssAfterRawMb;
    targetRows.push([
      `${TARGETS.idleWidgets} idle widgets ≤ ${TARGETS.idleRssMb} MB RSS`,
      `${f0(rss)} MB${extrapolated ? ' (extrapolated)' : ''}`,
      verdict(rss <= TARGETS.idleRssMb, extrapolated ? `extrapolated from ${idle.connected}` : ''),
    ]);
  }
  const windows = results.measured.filter((item) => item.label !== 'profile');
  if (windows.length) {
    log('\nWhat held the server up in each window (statements over 30 ms of driver time, by statement; GC pauses):\n');
    for (const item of windows) {
      const { stalls } = item.server;
      const slow = stalls.slowStatements.map((row) => `${row.count} × ${row.sql} (max ${f0(row.maxMs)} ms)`).join('; ') || 'none';
      log(
        `  ${item.label}: ${stalls.statements} statements, slow: ${slow}. GC: ${stalls.gc.pauses} pauses, ${f0(stalls.gc.totalMs)} ms in all, ` +
          `${stalls.gc.over10ms} over 10 ms, longest ${f0(stalls.gc.maxMs)} ms`,
      );
      for (const row of stalls.frequentStatements) {
        log(`      ${row.count} × ${row.sql}: driver p50 / p99 / max ${f2(row.p50)} / ${f2(row.p99)} / ${f0(row.max)} ms`);
      }
    }
  }

  if (targetRows.length) {
    log('\nTargets:\n');
    log(table(['target', 'measured', 'verdict'], targetRows));
  }

  if (results.trace) {
    const trace = results.trace;
    log(
      `\nOne visitor message, unloaded (median of ${trace.messages}; ${trace.otherShapes} with another statement list left out): ` +
        `ack ${f2(trace.ackMs)} ms, delivery ${f2(trace.deliveryMs)} ms, ${trace.statements} SQL statements, ${f2(trace.dbMs)} ms of it in the driver.\n` +
        `Server side (engine.io frames, same clock, ms after the emit): message read ${f2(trace.server.receivedMs)}, ` +
        `agent's timeline:entry queued ${f2(trace.server.agentCopyMs)}, ack queued ${f2(trace.server.ackMs)}. ` +
        `(The trace's two clients share the server's process, so they read their frames only when the server's work yields.)\n`,
    );
    log(
      table(
        ['#', 'starts at ms', 'driver ms', 'statement'],
        trace.path.map((statement, index) => [String(index + 1), f2(statement.startMs), statement.durationMs === null ? '' : f2(statement.durationMs), statement.sql]),
      ),
    );
  }

  if (results.profile) {
    const profile = results.profile;
    log(`\nCPU profile of the server process, ${f1(profile.seconds)} s of B's load (${f0(results.profileRate ?? Number.NaN)} msg/s stored while profiled), self time:\n`);
    log(table(['layer (first found on the sampled stack)', '% of time'], profile.layers.map((row) => [row.layer, f1(row.percent)])));
    log('\nSelf time by package / area:\n');
    log(table(['area', '% of time'], profile.byArea.slice(0, 14).map((row) => [row.area, f1(row.percent)])));
    log('\nTop functions (self time):\n');
    log(table(['function', 'where', '%'], profile.topFunctions.slice(0, 15).map((row) => [row.name, row.where, f1(row.percent)])));
    log('\nInclusive time (self + callees) of plugin and database functions:\n');
    log(table(['function', '%'], profile.inclusive.slice(0, 20).map((row) => [row.name, f1(row.percent)])));
  }
}
