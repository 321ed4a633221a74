import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

interface Row {
  phase: string;
  seconds: number;
  ok: boolean;
}

/**
 * How long each phase took (the suite must stay within ~15 minutes on a 2-core machine, so every
 * run reports where its time goes), printed at the end and kept in .tmp/install-timings.json.
 */
export class Timings {
  private readonly rows: Row[] = [];
  private readonly started = Date.now();

  async time<T>(phase: string, work: () => Promise<T>): Promise<T> {
    const start = Date.now();
    let ok = false;
    try {
      const result = await work();
      ok = true;
      return result;
    } finally {
      this.rows.push({ phase, seconds: Math.round((Date.now() - start) / 100) / 10, ok });
    }
  }

  report(file: string): string {
    const total = Math.round((Date.now() - this.started) / 1000);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify({ totalSeconds: total, phases: this.rows }, null, 2));
    const width = Math.max(...this.rows.map((row) => row.phase.length), 5);
    const lines = this.rows.map((row) => `  ${row.phase.padEnd(width)}  ${String(row.seconds).padStart(6)} s${row.ok ? '' : '  FAILED'}`);
    return [`install suite phases (overlapping phases run at the same time):`, ...lines, `  ${'total'.padEnd(width)}  ${String(total).padStart(6)} s`].join('\n');
  }
}
