import type { StatementTiming } from './explain';
import type { Latency, QueryCount } from './measure';
import { TARGETS } from './settings';

export interface CaseResult {
  name: string;
  /**
   * 'HTTP' includes admin auth, routing and JSON; 'HTTP, no list' is the auth floor; 'in-process' is
   * a direct call. Only 'HTTP' rows are held to the targets; the others explain them.
   */
  transport: 'HTTP' | 'HTTP, no list' | 'in-process';
  latency: Latency;
  queries: QueryCount;
}

const ms = (value: number) => value.toFixed(1);

/** A Markdown table with aligned columns: readable in a terminal and pasteable into the docs. */
export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column] as number)).join(' | ')} |`;
  return [line(headers), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

/** Whether an HTTP case meets the targets; in-process rows are only for comparison. */
function verdict(result: CaseResult): string {
  if (result.transport !== 'HTTP') return '';
  const misses = [];
  if (result.latency.p95 > TARGETS.p95Ms) misses.push(`p95 > ${TARGETS.p95Ms} ms`);
  if (result.queries.plugin > TARGETS.pluginQueries) misses.push(`> ${TARGETS.pluginQueries} queries`);
  return misses.length ? `MISSED (${misses.join(', ')})` : 'met';
}

export function resultsTable(results: CaseResult[]): string {
  return table(
    ['case', 'via', 'p50 ms', 'p95 ms', 'max ms', 'plugin q/req', 'other q/req', 'total q/req', 'targets'],
    results.map((result) => [
      result.name,
      result.transport,
      ms(result.latency.p50),
      ms(result.latency.p95),
      ms(result.latency.max),
      String(result.queries.plugin),
      String(result.queries.other),
      String(result.queries.total),
      verdict(result),
    ]),
  );
}

export function statementsTable(timings: StatementTiming[]): string {
  return table(
    ['case', 'statement', 'p50 ms', 'p95 ms'],
    timings.map((timing) => [timing.caseName, timing.statement, ms(timing.p50), ms(timing.p95)]),
  );
}

/** The non-plugin statements of one request, shortened: what Strapi's admin auth costs. */
export function otherStatements(queries: QueryCount): string {
  return queries.statements
    .filter((statement) => !statement.plugin)
    .map((statement) => `  - ${statement.sql.replace(/\s+/g, ' ').slice(0, 140)}`)
    .join('\n');
}
