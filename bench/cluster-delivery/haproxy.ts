import http from 'node:http';

/** HAProxy's CSV status page: per server of the `strapi` backend (node1..3), open and total sessions. */
async function backendServers(statsUrl: string): Promise<Array<{ current: number; total: number }>> {
  const csv = await (await fetch(`${statsUrl}/;csv`)).text();
  const servers: Array<{ current: number; total: number }> = [];
  for (const line of csv.split('\n')) {
    const fields = line.split(',');
    // pxname, svname, qcur, qmax, scur, smax, slim, stot, …
    const match = fields[0] === 'strapi' ? /^node(\d)$/.exec(fields[1] ?? '') : null;
    if (match) servers[Number(match[1]) - 1] = { current: Number(fields[4]), total: Number(fields[7]) };
  }
  return servers;
}

/** Sessions HAProxy holds open to each node now (sockets are long-lived sessions). */
export const serverSessions = async (statsUrl: string): Promise<number[]> => (await backendServers(statsUrl)).map((server) => server.current);

/**
 * The node (0-based) HAProxy sends a client from `address` to: one request through the balancer
 * from that source address, and the server whose session count grew. `balance source` with
 * `hash-type consistent` sends every later connection from that address to the same node while
 * the set of UP nodes stays the same.
 */
export async function nodeOfAddress(lbUrl: string, statsUrl: string, address: string): Promise<number> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const before = await backendServers(statsUrl);
    await new Promise<void>((resolve, reject) => {
      const request = http.get(`${lbUrl}/_health`, { localAddress: address, agent: false }, (response) => {
        response.resume();
        response.on('end', () => resolve());
      });
      request.on('error', reject);
    });
    const after = await backendServers(statsUrl);
    const grown = after.map((server, i) => server.total - (before[i]?.total ?? 0));
    const nodes = grown.flatMap((delta, i) => (delta > 0 ? [i] : []));
    if (nodes.length === 1) return nodes[0]!;
  }
  throw new Error(`could not tell which node HAProxy sends ${address} to (other traffic on the balancer?)`);
}
