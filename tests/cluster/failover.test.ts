import { agentClient, visitorClient, type ChatClient } from './chat-clients';
import { startLoadBalancedCluster, type LoadBalancedCluster } from './cluster';
import { expectNothingLost, pause, recoveryTimes, settleOutboxes, startLoad } from './load';

/**
 * F3 (issue 19): three Strapi processes behind HAProxy on PostgreSQL + Redis; 20 visitors and 2
 * agents spread over the nodes by the balancer at about 100 messages a second, while nodes are
 * stopped gracefully, killed, and Redis goes away. Nothing acked is lost or doubled, every client's
 * view equals the stored timeline, and clients are back within the times, measured from
 * the disruption (not from the test's start, so a slow shared machine does not make it flaky).
 */
jest.setTimeout(280_000);

const BASE_PORT = 4710; // 4710 balancer, 4711 its status page, 4712 Redis, 4713–4715 the nodes
const VISITORS = 20;
const PRESENCE_GRACE_MS = 2000;
/** The presence lease a node renews for its sockets (services/presence.ts: at least 10 s). */
const PRESENCE_LEASE_MS = 10_000;
let cluster: LoadBalancedCluster;
let agentToken: string;
let visitors: Array<ChatClient & { documentId: string }> = [];
let clients: ChatClient[] = [];
let stopLoad: () => void = () => undefined;

const post = async (path: string, body: object, token?: string) => {
  const response = await fetch(`${cluster.lbUrl}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as { data: { token: string } } };
};

beforeAll(async () => {
  cluster = await startLoadBalancedCluster(BASE_PORT, { LIVE_CHAT_PRESENCE_GRACE_MS: String(PRESENCE_GRACE_MS) });
  const registered = await post('/admin/register-admin', { firstname: 'Ada', lastname: 'Agent', email: 'ada@cluster.test', password: 'Cluster-Test-Pass-1' });
  if (registered.status !== 200) throw new Error(`register-admin: ${registered.status}`);
  agentToken = registered.body.data.token;
  for (let i = 0; i < VISITORS; i += 1) visitors.push(await visitorClient(cluster.lbUrl, i));
  for (const visitor of visitors) {
    const assigned = await post(`/live-chat/conversations/${visitor.documentId}/assign`, {}, agentToken);
    if (assigned.status !== 200) throw new Error(`assign: ${assigned.status}`);
  }
  const documentIds = () => visitors.map((visitor) => visitor.documentId);
  const agents = [await agentClient(cluster.lbUrl, 0, agentToken, documentIds), await agentClient(cluster.lbUrl, 1, agentToken, documentIds)];
  clients = [...visitors, ...agents];
});

/** ~100 msg/s: 20 visitors × 4/s + 2 agents × 6/s (within the per-visitor and per-agent limits, F4). */
async function underLoad() {
  stopLoad(); // a failed test before may have left its load running
  stopLoad = startLoad(clients, (client) => (client.name.startsWith('v') ? 250 : 170));
  await pause(2000);
}

/** Ends the load, lets every client get its acks and catch up, then runs the checks. */
async function afterLoad() {
  stopLoad();
  await settleOutboxes(clients);
  await pause(1500);
  await verify();
}

afterAll(async () => {
  stopLoad();
  for (const client of clients) client.close();
  await cluster?.stop();
});

async function verify() {
  const pg = await cluster.pg();
  try {
    await expectNothingLost(clients, pg);
  } finally {
    await pg.end();
  }
}

/** Waits until every node is up in HAProxy again (after a restart). */
async function allNodesBack() {
  await cluster.waitForBackends([0, 1, 2], 120_000);
}

describe('F3 three nodes behind HAProxy', () => {
  it('spreads the clients over the nodes through the balancer', async () => {
    const states = await Promise.all(cluster.nodes.map(async (node) => (await fetch(`${node.url}/_health`)).status));
    expect(states).toEqual([204, 204, 204]);
    expect(clients.every((client) => client.socket.connected)).toBe(true);
  });

  it('SIGTERM: the node drains, its clients move within 2 s, nothing acked is lost', async () => {
    await underLoad();
    const node = cluster.nodes[1];
    const at = Date.now();
    await node.signal('SIGTERM');
    await pause(3000);
    const moved = recoveryTimes(clients, at, 10_000);
    expect(moved.length).toBeGreaterThan(0); // source hashing put someone on every node
    expect(moved.filter((client) => client.backAfterMs > 2000)).toEqual([]);
    expect(node.log()).not.toMatch(/still running after the drain timeout/);
    await node.start();
    await allNodesBack();
    await afterLoad();
  });

  it('kill -9 of a node every few seconds, 5 times: clients back within 5 s, nothing lost or doubled', async () => {
    await underLoad();
    const restarts: Array<Promise<void>> = [];
    const recoveries: Array<{ client: string; backAfterMs: number }[]> = [];
    for (let round = 0; round < 5; round += 1) {
      const index = round % 3;
      const node = cluster.nodes[index];
      // Only a node that is up, and never the last one up: the others must be there to fail over to.
      await restarts[round - 3];
      const deadline = Date.now() + 120_000;
      let up: number[] = [];
      while (Date.now() < deadline) {
        up = cluster.nodes.map((other, i) => (other.running ? i : -1)).filter((i) => i >= 0);
        if (up.includes(index) && up.length >= 2) break;
        await pause(250);
      }
      await cluster.waitForBackends(up, 60_000);
      const at = Date.now();
      await node.signal('SIGKILL');
      restarts[round] = node.start();
      await pause(4000);
      recoveries.push(recoveryTimes(clients, at, 3000));
    }
    await Promise.all(restarts);
    await allNodesBack();
    await afterLoad();
    expect(recoveries.flat().length).toBeGreaterThan(0);
    expect(recoveries.flat().filter((client) => client.backAfterMs > 5000)).toEqual([]);
  });

  it('Redis stopped for 10 s under load: messages still stored and acked; clients catch up without reconnecting', async () => {
    await underLoad();
    const disconnectsBefore = clients.map((client) => client.disconnects.length);
    const ackedBefore = clients.reduce((sum, client) => sum + client.acked.size, 0);
    await cluster.redis.stop();
    await pause(10_000);
    const ackedDuring = clients.reduce((sum, client) => sum + client.acked.size, 0) - ackedBefore;
    await cluster.redis.start();
    await pause(3000);
    // Stored and acked while Redis was away (about 100 msg/s; a fraction is enough to prove it).
    expect(ackedDuring).toBeGreaterThan(100);
    expect(clients.map((client) => client.disconnects.length)).toEqual(disconnectsBefore);
    await afterLoad();
  });

  it('a wait-time and a presence deadline fire once while their node is dead', async () => {
    for (const client of clients) client.close();
    const node = cluster.nodes[2];
    const pg = await cluster.pg();
    const missedEvents = async (documentId: string) =>
      (
        await pg.query(
          `SELECT count(*)::int AS n FROM live_chat_messages m JOIN live_chat_conversations c ON c.id = m.conversation_id
           WHERE c.document_id = $1 AND m.kind = 'event' AND m.event::text LIKE '%"missed"%'`,
          [documentId],
        )
      ).rows[0].n as number;
    try {
      // B9: a conversation started on that node (its wait deadline stored there), due in 2 s.
      const visitor = await visitorClient(node.url, 40);
      visitor.close();
      await pg.query(`UPDATE live_chat_conversations SET wait_deadline_at = now() + interval '2 seconds' WHERE document_id = $1`, [visitor.documentId]);
      // B2: an online agent whose only inbox socket is on that node, which dies with it: nobody
      // records a disconnect, so it is the stored lease (the node stops renewing it) that ends it.
      const online = await fetch(`${cluster.lbUrl}/live-chat/availability`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${agentToken}` },
        body: JSON.stringify({ availability: 'online' }),
      });
      expect(online.status).toBe(200);
      const inbox = await agentClient(node.url, 9, agentToken, () => []);
      await pause(300);
      const killedAt = Date.now();
      await node.signal('SIGKILL');
      inbox.close(); // its browser went too: no reconnect elsewhere
      const availability = async () => (await pg.query(`SELECT availability FROM live_chat_agent_statuses`)).rows[0]?.availability;
      while ((await missedEvents(visitor.documentId)) === 0 || (await availability()) !== 'offline') {
        if (Date.now() - killedAt > PRESENCE_LEASE_MS + 5000) break;
        await pause(250);
      }
      expect(await missedEvents(visitor.documentId)).toBe(1);
      expect(await availability()).toBe('offline');
      // The node comes back and sweeps too: still once.
      await node.start();
      await pause(2500);
      expect(await missedEvents(visitor.documentId)).toBe(1);
    } finally {
      await pg.end();
    }
  });
});
