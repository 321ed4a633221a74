/**
 * Issue 16: the analytics report as CSV (RFC 4180): a total row, then one row per day, per agent
 * and per playbook, with the same figures as the JSON answer. Money gets a column per currency.
 */
import type { AnalyticsFigures, AnalyticsResponse, MoneyTotal } from './contracts/analytics';

type Cell = string | number | null;

/**
 * Quotes a cell when it needs it, and defuses text a spreadsheet would run as a formula (an agent
 * or playbook name starting with =, +, -, @) by prefixing an apostrophe.
 */
export function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const round = (value: number | null, digits = 3) => (value === null ? null : Number(value.toFixed(digits)));

/** The report as CSV text, lines ending in CRLF. */
export function analyticsCsv(report: AnalyticsResponse['data']): string {
  const all: AnalyticsFigures[] = [report.totals, ...report.days, ...report.agents, ...report.playbooks];
  const currencies = (pick: (f: AnalyticsFigures) => MoneyTotal[]) => [...new Set(all.flatMap((f) => pick(f).map((m) => m.currency)))].sort();
  const leadCurrencies = currencies((f) => f.leads.value);
  const dealCurrencies = currencies((f) => f.deals.value);
  const amount = (money: MoneyTotal[], currency: string) => money.find((m) => m.currency === currency)?.amount ?? 0;

  const header = [
    'section', 'day', 'agent_id', 'agent', 'playbook_id', 'playbook',
    'started', 'taken', 'missed', 'closed',
    'first_response_median_s', 'first_response_p90_s', 'wait_median_s', 'wait_p90_s',
    'leads', ...leadCurrencies.map((c) => `lead_value_${c}`), 'deals', ...dealCurrencies.map((c) => `deal_value_${c}`),
    'csat_count', 'csat_average', 'csat_1', 'csat_2', 'csat_3', 'csat_4', 'csat_5',
  ];
  const figures = (f: AnalyticsFigures): Cell[] => [
    f.started, f.taken, f.missed, f.closed,
    round(f.firstResponse.median), round(f.firstResponse.p90), round(f.waitToAssignment.median), round(f.waitToAssignment.p90),
    f.leads.count, ...leadCurrencies.map((c) => amount(f.leads.value, c)),
    f.deals.count, ...dealCurrencies.map((c) => amount(f.deals.value, c)),
    f.csat.count, round(f.csat.average, 2), ...(['1', '2', '3', '4', '5'] as const).map((s) => f.csat.distribution[s]),
  ];
  const lines: Cell[][] = [
    header,
    ['total', null, null, null, null, null, ...figures(report.totals)],
    ...report.days.map((d) => ['day', d.day, null, null, null, null, ...figures(d)]),
    ...report.agents.map((a) => ['agent', null, a.agent?.id ?? null, a.agent?.name ?? null, null, null, ...figures(a)]),
    ...report.playbooks.map((p) => ['playbook', null, null, null, p.playbook?.documentId ?? null, p.playbook?.name ?? null, ...figures(p)]),
  ];
  return lines.map((line) => line.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
