import { CONTENT_TYPE_NAMES, uid } from '../../../plugins/live-chat/shared/constants';
import type { TestApp } from '../strapi';

/** What one fuzzed request answered, reduced to what the property judges. */
export interface Answer {
  status: number;
  body: unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * F4's property for one answer: never a 5xx, and every 4xx in Strapi's error shape
 * `{ data: null, error: { status, name, message, details } }` with the same status. Throws a readable
 * error (fast-check reports it with the input) when it does not hold.
 */
export function expectStrapiAnswer(answer: Answer, what: string): void {
  if (answer.status >= 500) throw new Error(`${what} answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 500)}`);
  if (answer.status < 400) return;
  const body = answer.body;
  const error = isObject(body) ? body.error : undefined;
  const shaped =
    isObject(body) &&
    body.data === null &&
    isObject(error) &&
    error.status === answer.status &&
    typeof error.name === 'string' &&
    typeof error.message === 'string' &&
    isObject(error.details);
  if (!shaped) throw new Error(`${what} answered ${answer.status} outside Strapi's error shape: ${JSON.stringify(body).slice(0, 500)}`);
}

/** Rows per plugin table: "nothing half-written" is the same counts after a refused write. */
export async function rowCounts(app: TestApp): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const name of CONTENT_TYPE_NAMES) counts[name] = Number(await app.strapi.db.query(uid(name)).count());
  return counts;
}

export function expectSameCounts(before: Record<string, number>, after: Record<string, number>, what: string): void {
  const changed = Object.keys(before).filter((name) => before[name] !== after[name]);
  if (changed.length > 0) {
    throw new Error(`${what} was refused but changed ${changed.map((name) => `${name} ${before[name]}→${after[name]}`).join(', ')}`);
  }
}

const answers = new Map<string, Map<number, number>>();

/** Counts answers per route and status, so a long run can say how much input got through (LIVE_CHAT_FUZZ_STATS=true prints it). */
export function tally(route: string, status: number): void {
  const byStatus = answers.get(route) ?? new Map<number, number>();
  byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
  answers.set(route, byStatus);
}

export function printTally(): void {
  if (process.env.LIVE_CHAT_FUZZ_STATS !== 'true') return;
  const lines = [...answers.entries()].map(
    ([route, byStatus]) => `${route}: ${[...byStatus.entries()].sort(([a], [b]) => a - b).map(([status, count]) => `${status}×${count}`).join(' ')}`,
  );
  process.stdout.write(`fuzz answers\n${lines.join('\n')}\n`);
}
