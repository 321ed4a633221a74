/**
 * Cross-node delivery benchmark (issue 19, F3): the load of bench/delivery's scenario A (visitor →
 * agent at 200 msg/s over 50 assigned chats) and B (stored msg/s, every visitor as fast as its rate
 * limit allows), first with 1 Strapi node behind HAProxy, then with 3 nodes behind HAProxy with the
 * agent on one node and every visitor on another (and, for reference, all on the agent's node), and
 * the bare Socket.IO relay at the same rate.
 * It reuses the cluster harness of tests/cluster (PostgreSQL, a private Redis, deploy/haproxy.cfg)
 * and bench/delivery's client process, relay and statistics. Every socket goes through HAProxy;
 * which node a source address lands on is read from HAProxy's per-server session counters.
 * See docs/benchmarks.md ("Cross-node delivery") for how to run it and what it found.
 */
import os from 'node:os';
import { startLoadBalancedCluster, type LoadBalancedCluster } from '../../tests/cluster/cluster';
import { guarded, runAndExit } from '../exit';
import { ClientProcess } from '../delivery/child';
import { loopbackAddress } from '../delivery/ips';
import type { LoadResult } from '../delivery/protocol';
import { startRelay, type Relay } from '../delivery/relay';
import { SERVER_LIMITS } from '../delivery/settings';
import { nodeOfAddress, serverSessions } from './haproxy';
import { LABELS, printTable, type Row } from './report';
import { SIZES } from './settings';

const log = (message: string) => process.stdout.write(`${message}\n`);
const loadAverage = () => os.loadavg().map((value) => value.toFixed(2)).join(' ');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const BASE_PORT = 4760; // 4760 balancer, 4761 its status page, 4762 Redis, 4763–4765 the nodes
const STATS_URL = `http://127.0.0.1:${BASE_PORT + 1}`;
/** Seconds after set-up before a load starts, so the set-up's events leave the 5 s rate-limit windows. */
const RATE_WINDOW_MS = 5500;

/** Busy share of all cores over a window (the nodes, PostgreSQL, HAProxy, Redis and the clients share them). */
function machineCpu() {
  const snapshot = () =>
    os.cpus().reduce(
      (sum, cpu) => {
        const { user, nice, sys, irq, idle } = cpu.times;
        sum.busy += user + nice + sys + irq;
        sum.total += user + nice + sys + irq + idle;
        return sum;
      },
      { busy: 0, total: 0 },
    );
  let since = snapshot();
  return {
    reset: () => {
      since = snapshot();
    },
    percent: () => {
      const now = snapshot();
      return ((now.busy - since.busy) / Math.max(1, now.total - since.total)) * 100;
    },
  };
}

interface Window {
  cpuPercent: number;
  loadAverage: string;
}

class Bench {
  readonly rows: Row[] = [];
  private readonly windows = new Map<string, Window>();
  private readonly cpu = machineCpu();
  readonly client = new ClientProcess((label, phase) => {
    if (phase === 'start') this.cpu.reset();
    else this.windows.set(label, { cpuPercent: this.cpu.percent(), loadAverage: loadAverage() });
  });

  constructor(private readonly cluster: LoadBalancedCluster) {}

  /** Source addresses of `block` that HAProxy sends to one of `nodes` (0-based), probed one by one. */
  async addressesOn(nodes: number[], block: number, wanted: number): Promise<Array<{ address: string; node: number }>> {
    const found: Array<{ address: string; node: number }> = [];
    for (let index = 0; found.length < wanted; index += 1) {
      if (index > 200) throw new Error(`fewer than ${wanted} addresses of block ${block} land on nodes ${nodes.join(',')}`);
      const address = loopbackAddress(block, index);
      const node = await nodeOfAddress(this.cluster.lbUrl, STATS_URL, address);
      if (nodes.includes(node)) found.push({ address, node });
    }
    return found;
  }

  /** Scenario A: `pairs` visitors (10 per source address) in chats assigned to the one agent, paced at `rate`. */
  async latency(label: string, group: string, agentAddress: string, visitorAddresses: string[]): Promise<void> {
    const { pairs, rate, visitorsPerIp } = SIZES.a;
    await this.client.call('connectAgents', { target: 'strapi', count: 1, address: agentAddress });
    const created = await this.client.call('createVisitors', {
      group, count: pairs, perIp: visitorsPerIp, ipBlock: 1, addresses: visitorAddresses, concurrency: 16, deadlineMs: 120_000, connect: 'strapi',
    });
    if (created.connected !== pairs) throw new Error(`${label}: only ${created.connected} of ${pairs} visitors connected ${JSON.stringify(created.errors)}`);
    const sessions = await serverSessions(STATS_URL);
    log(`${label}: HAProxy's open sessions per node after connecting: ${sessions.join(' / ')}`);
    await this.chats(label, group, 'strapi');
    await this.load(label, 'strapi', { group, mode: 'paced', rate, warmupMs: SIZES.a.warmupSeconds * 1000, durationMs: SIZES.a.seconds * 1000 }, sessions);
    await this.client.call('disconnect', { group });
    await this.client.call('disconnectAgents', {});
  }

  /** Scenario B: `visitors` visitors spread by HAProxy, each sending again on its ack (≤ 5 msg/s). */
  async stored(label: string, group: string, block: number): Promise<void> {
    const { visitors, visitorsPerIp, minIntervalMs } = SIZES.b;
    await this.client.call('connectAgents', { target: 'strapi', count: 1 });
    const created = await this.client.call('createVisitors', {
      group, count: visitors, perIp: visitorsPerIp, ipBlock: block, concurrency: 16, deadlineMs: 180_000, connect: 'strapi',
    });
    log(`${label}: ${created.connected} visitors on ${created.addresses} addresses in ${created.seconds.toFixed(1)} s ${JSON.stringify(created.errors)}`);
    const sessions = await serverSessions(STATS_URL);
    log(`${label}: HAProxy's open sessions per node: ${sessions.join(' / ')}`);
    await this.chats(label, group, 'strapi');
    const pg = await this.cluster.pg();
    try {
      const count = async () => Number((await pg.query<{ n: string }>('SELECT count(*) AS n FROM live_chat_messages')).rows[0]!.n);
      const before = await count();
      await this.load(label, 'strapi', { group, mode: 'closed', minIntervalMs, warmupMs: SIZES.b.warmupSeconds * 1000, durationMs: SIZES.b.seconds * 1000 }, sessions);
      this.rows[this.rows.length - 1]!.storedRows = (await count()) - before;
    } finally {
      await pg.end();
    }
    await this.client.call('disconnect', { group });
    await this.client.call('disconnectAgents', {});
  }

  /** The same visitors as a latency group, now on the bare relay, at the same rate. */
  async relay(group: string): Promise<void> {
    await this.client.call('connectAgents', { target: 'relay', count: 1 });
    const connected = await this.client.call('connectVisitors', { group, target: 'relay', concurrency: 16, deadlineMs: 60_000 });
    log(`relay: ${connected.connected} visitor sockets ${JSON.stringify(connected.errors)}`);
    await this.chats('relay', group, 'relay');
    const { rate, warmupSeconds, seconds } = SIZES.a;
    await this.load('bare Socket.IO relay', 'relay', { group, mode: 'paced', rate, warmupMs: warmupSeconds * 1000, durationMs: seconds * 1000 }, []);
    await this.client.call('disconnect', { group });
    await this.client.call('disconnectAgents', {});
  }

  private async chats(label: string, group: string, target: 'strapi' | 'relay') {
    const chats = await this.client.call('startConversations', { group, target, agents: 1, concurrency: 8 });
    log(`${label}: ${chats.started} conversations started, ${chats.assigned} assigned in ${chats.seconds.toFixed(1)} s ${JSON.stringify(chats.errors)}`);
    if (chats.assigned === 0) throw new Error(`${label}: no conversation assigned`);
    await sleep(RATE_WINDOW_MS);
  }

  private async load(label: string, target: 'strapi' | 'relay', args: { group: string; mode: 'paced' | 'closed'; rate?: number; minIntervalMs?: number; warmupMs: number; durationMs: number }, sessions: number[]) {
    log(`${label}: ${args.mode === 'paced' ? `${args.rate} msg/s` : 'closed loop'} for ${args.durationMs / 1000} s (+${args.warmupMs / 1000} s warm-up), load ${loadAverage()}`);
    const load: LoadResult = await this.client.call('runLoad', { ...args, drainMs: SIZES.drainSeconds * 1000, label });
    const window = this.windows.get(label) ?? { cpuPercent: Number.NaN, loadAverage: loadAverage() };
    this.rows.push({ label, target, mode: args.mode, load, sessions, ...window });
  }
}

async function run(cluster: LoadBalancedCluster, relay: Relay, bench: Bench) {
  const { client } = bench;
  const { visitorsPerIp, pairs, rate } = SIZES.a;
  if (((rate / pairs) * 5 + 1) > SERVER_LIMITS.visitorEventsPer5s * 0.9) throw new Error('A: too few pairs for the visitor rate limit');
  if ((rate / pairs) * visitorsPerIp * 5 > SERVER_LIMITS.ipEventsPer5s * 0.9) throw new Error('A: too many visitors per address for the IP rate limit');

  const credentials = { email: 'bench@cluster.local', password: 'Cluster-Bench-Pass-1' };
  const registered = await fetch(`${cluster.lbUrl}/admin/register-admin`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ firstname: 'Bench', lastname: 'Agent', ...credentials }),
  });
  if (registered.status !== 200) throw new Error(`register-admin: ${registered.status} ${await registered.text()}`);
  await client.call('init', { strapiUrl: cluster.lbUrl, relayUrl: relay.url });
  await client.call('signInAgents', { agents: [{ id: 1, ...credentials }] });

  // ---- 1 node behind HAProxy: the other two stopped, HAProxy sees them DOWN.
  await Promise.all([cluster.nodes[1]!.signal('SIGTERM'), cluster.nodes[2]!.signal('SIGTERM')]);
  await cluster.waitForBackends([0]);
  log(`\n1 node: node2 and node3 stopped, HAProxy sends everything to node1; load ${loadAverage()}`);
  const oneNodeVisitors = Array.from({ length: pairs / visitorsPerIp }, (_, i) => loopbackAddress(21, i));
  await bench.latency(LABELS.oneNodeLatency, 'one-a', '127.0.0.1', oneNodeVisitors);
  await bench.stored(LABELS.oneNodeStored, 'one-b', 22);

  // ---- 3 nodes behind HAProxy.
  const restarted = performance.now();
  await Promise.all([cluster.nodes[1]!.start(), cluster.nodes[2]!.start()]);
  await cluster.waitForBackends([0, 1, 2]);
  log(`\n3 nodes: node2 and node3 started again in ${((performance.now() - restarted) / 1000).toFixed(0)} s; load ${loadAverage()}`);
  const [agentAddress] = await bench.addressesOn([0], 23, 1);
  const crossVisitors = await bench.addressesOn([1, 2], 24, pairs / visitorsPerIp);
  log(`3 nodes: agent from ${agentAddress!.address} → node1; visitors from ${crossVisitors.map(({ address, node }) => `${address} → node${node + 1}`).join(', ')}`);
  await bench.latency(LABELS.crossNodeLatency, 'three-a', agentAddress!.address, crossVisitors.map(({ address }) => address));
  // The same with the visitors on the agent's node: what three busy processes cost without the Redis hop.
  const sameVisitors = await bench.addressesOn([0], 26, pairs / visitorsPerIp);
  log(`3 nodes: same-node visitors from ${sameVisitors.map(({ address }) => address).join(', ')} → node1`);
  await bench.latency('3 nodes: latency, same node', 'three-same', agentAddress!.address, sameVisitors.map(({ address }) => address));
  await bench.stored(LABELS.threeNodesStored, 'three-b', 25);

  // ---- The bare relay, with the cross-node visitors' sessions (their sockets now on the relay).
  log('');
  await bench.relay('three-a');
}

async function main() {
  const started = performance.now();
  process.env.DATABASE_CLIENT ??= 'postgres';
  process.env.DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/test';
  // requireScaleEnvironment wants one; the cluster runs on a private redis-server of its own anyway.
  process.env.REDIS_URL ??= 'redis://127.0.0.1:6379';
  log(`bench/cluster-delivery, ${new Date().toISOString()}, Node ${process.version}, ${os.cpus().length} cores, load average ${loadAverage()}`);
  const relay = await startRelay();
  let cluster: LoadBalancedCluster | null = null;
  let bench = null as Bench | null; // (a cast: assigned inside the guarded closure, which TS does not follow)
  const cleanup = async () => {
    await bench?.client.stop().catch(() => undefined);
    await relay.close().catch(() => undefined);
    await cluster?.stop().catch((error: unknown) => log(`cluster stop: ${String(error)}`));
  };
  await guarded({ watchdogMinutes: SIZES.watchdogMinutes, log, cleanup }, async () => {
    const booting = performance.now();
    cluster = await startLoadBalancedCluster(BASE_PORT);
    log(`3 nodes (PostgreSQL schema ${cluster.schema}) + Redis + HAProxy up in ${((performance.now() - booting) / 1000).toFixed(0)} s; load ${loadAverage()}`);
    bench = new Bench(cluster);
    await run(cluster, relay, bench);
  });
  if (bench) printTable(bench.rows, log);
  log(`\nload average at the end: ${loadAverage()}; done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

runAndExit(main);
