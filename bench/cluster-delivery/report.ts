import type { LoadResult, Target } from '../delivery/protocol';
import { TARGETS } from './settings';

/** The labels of the rows the targets compare. */
export const LABELS = {
  oneNodeLatency: '1 node: latency',
  oneNodeStored: '1 node: stored',
  crossNodeLatency: '3 nodes: latency, cross-node',
  threeNodesStored: '3 nodes: stored',
} as const;

/** One measured window: what the client measured, and the machine around it. */
export interface Row {
  label: string;
  target: Target;
  mode: 'paced' | 'closed';
  load: LoadResult;
  /** HAProxy's open sessions per node when the load started (empty for the relay). */
  sessions: number[];
  /** Busy share of all cores during the window, %. */
  cpuPercent: number;
  loadAverage: string;
  /** Message rows PostgreSQL gained over the whole load (stored-rate rows only). */
  storedRows?: number;
}

const ms = (value: number) => (Number.isFinite(value) ? (value >= 100 ? value.toFixed(0) : value.toFixed(1)) : '–');
const rate = (value: number) => value.toFixed(0);

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...rows.map(line)];
}

const problems = (load: LoadResult) => {
  const refused = Object.entries(load.refused).map(([code, n]) => `${n} ${code}`);
  return [...refused, load.unacked ? `${load.unacked} unacked` : '', load.undelivered ? `${load.undelivered} undelivered` : ''].filter(Boolean).join(', ') || 'none';
};

/** The results as Markdown tables (they go into docs/benchmarks.md as printed), then the targets. */
export function printTable(rows: Row[], log: (line: string) => void) {
  log('\n### Latency, visitor → agent (paced)\n');
  const paced = rows.filter((row) => row.mode === 'paced');
  for (const line of table(
    ['case', 'sessions n1/n2/n3', 'sent / acked msg/s', 'delivery p50 / p99 / max ms', 'ack p50 / p99 ms', 'refused / lost', 'machine CPU %', 'load avg'],
    paced.map(({ label, load, sessions, cpuPercent, loadAverage }) => [
      label,
      sessions.join('/') || '–',
      `${rate(load.sentPerSecond)} / ${rate(load.ackedPerSecond)}`,
      `${ms(load.delivery.p50)} / ${ms(load.delivery.p99)} / ${ms(load.delivery.max)}`,
      `${ms(load.ack.p50)} / ${ms(load.ack.p99)}`,
      problems(load),
      cpuPercent.toFixed(0),
      loadAverage,
    ]),
  )) log(line);

  log('\n### Stored (acked) msg/s (closed loop)\n');
  const closed = rows.filter((row) => row.mode === 'closed');
  for (const line of table(
    ['case', 'visitors', 'sessions n1/n2/n3', 'stored msg/s', 'ack p50 / p99 ms', 'delivery p50 / p99 ms', 'rows / acks', 'refused / lost', 'machine CPU %', 'load avg'],
    closed.map(({ label, load, sessions, cpuPercent, loadAverage, storedRows }) => [
      label,
      String(load.visitors),
      sessions.join('/'),
      rate(load.ackedPerSecond),
      `${ms(load.ack.p50)} / ${ms(load.ack.p99)}`,
      `${ms(load.delivery.p50)} / ${ms(load.delivery.p99)}`,
      `${storedRows ?? '–'} / ${load.ackedTotal}`,
      problems(load),
      cpuPercent.toFixed(0),
      loadAverage,
    ]),
  )) log(line);

  const find = (label: string) => rows.find((row) => row.label === label);
  const oneA = find(LABELS.oneNodeLatency);
  const threeA = find(LABELS.crossNodeLatency);
  const oneB = find(LABELS.oneNodeStored);
  const threeB = find(LABELS.threeNodesStored);
  log('\n### Targets (issue 19)\n');
  if (oneA && threeA) {
    const factor = threeA.load.delivery.p50 / oneA.load.delivery.p50;
    log(`- cross-node p50 within ${TARGETS.crossNodeP50Factor}× of one node: ${factor <= TARGETS.crossNodeP50Factor ? 'MET' : 'MISSED'} (${ms(threeA.load.delivery.p50)} ms vs ${ms(oneA.load.delivery.p50)} ms, ${factor.toFixed(2)}×)`);
  } else log('- cross-node p50: not measured');
  if (oneB && threeB) {
    const met = threeB.load.ackedPerSecond > oneB.load.ackedPerSecond;
    log(`- 3 nodes store more than 1 node: ${met ? 'MET' : 'MISSED'} (${rate(threeB.load.ackedPerSecond)} vs ${rate(oneB.load.ackedPerSecond)} msg/s)`);
  } else log('- stored msg/s: not measured');
}
