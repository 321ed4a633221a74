import type { Principal, PrincipalName } from './principals';

/**
 * What a request came to, by status: 2xx `ok`; 401 `unauthenticated`; 403 `forbidden`; 404
 * `hidden` (what B6 answers for a conversation one may not see); any other 4xx `refused` (the
 * request got past the door and was turned down: a closed chat, bad input); 5xx `error`, never
 * expected; `leaks`: a 2xx whose body lists documents of a plugin-only type.
 */
export type Outcome = 'ok' | 'unauthenticated' | 'forbidden' | 'hidden' | 'refused' | 'error' | 'leaks';

export const outcomeOf = (status: number): Outcome =>
  status < 300 ? 'ok' : status === 401 ? 'unauthenticated' : status === 403 ? 'forbidden' : status === 404 ? 'hidden' : status < 500 ? 'refused' : 'error';

/** One cell of the matrix: a route (or socket event), what it was asked about, who asked. */
export interface Cell {
  family: string;
  route: string;
  target: string;
  principal: PrincipalName;
  expected: Outcome;
  /** Changes what other cells ask about (deletes "the" record of a type): runs after all others. */
  late?: boolean;
  /** Asks, and answers what came back. */
  run: () => Promise<Outcome>;
}

export interface HttpCall {
  method: string;
  path: string;
  query?: Record<string, string>;
  body?: unknown;
}

/** Sends a request with the principal's credential, as its client would. */
export async function send(baseUrl: string, principal: Principal, call: HttpCall): Promise<number> {
  const url = new URL(call.path, baseUrl);
  for (const [key, value] of Object.entries(call.query ?? {})) url.searchParams.set(key, value);
  // A FormData body is sent as multipart/form-data (fetch writes its Content-Type and boundary).
  const multipart = call.body instanceof FormData;
  const headers: Record<string, string> = multipart ? {} : { 'content-type': 'application/json' };
  if (principal.bearer) headers.authorization = `Bearer ${principal.bearer}`;
  const response = await fetch(url, {
    method: call.method,
    headers,
    body: call.body === undefined || call.method === 'GET' ? undefined : multipart ? (call.body as FormData) : JSON.stringify(call.body),
  });
  await response.arrayBuffer();
  return response.status;
}

/** Fills `:name` segments of a route path. */
export function fillPath(path: string, params: Record<string, string>): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    if (!(name in params)) throw new Error(`no value for :${name} in ${path}`);
    return encodeURIComponent(params[name]);
  });
}

/** Runs the cells, a few at a time (the late ones last); returns those that did not answer as expected. */
export async function runCells(cells: Cell[], concurrency = 10): Promise<Array<Cell & { got: Outcome }>> {
  const wrong: Array<Cell & { got: Outcome }> = [];
  const runAll = async (batch: Cell[], workers: number) => {
    let next = 0;
    const worker = async () => {
      while (next < batch.length) {
        const cell = batch[next++];
        const got = await cell.run().catch((): Outcome => 'error');
        if (got !== cell.expected) wrong.push({ ...cell, got });
      }
    };
    await Promise.all(Array.from({ length: workers }, worker));
  };
  await runAll(cells.filter((cell) => !cell.late), concurrency);
  await runAll(cells.filter((cell) => cell.late), 1);
  return wrong;
}

/** The wrong cells as a table a reader can act on. */
export const report = (wrong: Array<Cell & { got: Outcome }>) =>
  wrong.map((cell) => `${cell.route} | ${cell.target} | ${cell.principal}: expected ${cell.expected}, got ${cell.got}`).sort();
