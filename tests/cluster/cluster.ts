import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { APP_ROOT, requireScaleEnvironment, startCluster, type Cluster } from '../scale/nodes';

/**
 * F3: three Strapi processes behind HAProxy (deploy/haproxy.cfg), on PostgreSQL and a Redis of the
 * cluster's own (a private redis-server, so a test may stop it, and nobody else's broadcasts or
 * rate-limit counters mix with ours). Ports: `basePort` = the balancer, +1 its status page,
 * +2 Redis, +3.. the nodes.
 */
export interface LoadBalancedCluster extends Cluster {
  /** Where clients connect: the load balancer. */
  lbUrl: string;
  redis: PrivateRedis;
  /** Resolves once HAProxy counts exactly the `up` nodes (by index) as UP and the others as DOWN. */
  waitForBackends: (up: number[], timeoutMs?: number) => Promise<void>;
}

const NODE_COUNT = 3;

function requireBinary(name: string, versionFlag: string, hint: string) {
  const probe = spawnSync(name, [versionFlag], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) throw new Error(`The cluster suite needs ${name} (${hint}); it is not installed.`);
}

/** Fails loudly, before anything starts, when PostgreSQL, Redis or HAProxy is missing. */
export function requireClusterEnvironment() {
  requireScaleEnvironment();
  requireBinary('haproxy', '-v', 'apt-get install -y haproxy; .ci/run installs it');
  requireBinary('redis-server', '--version', 'apt-get install -y redis-server');
}

export interface PrivateRedis {
  url: string;
  start: () => Promise<void>;
  stop: () => Promise<void>;
}

/** A redis-server of the test's own on `port`, without persistence. */
export function privateRedis(port: number): PrivateRedis {
  let child: ChildProcess | null = null;
  const url = `redis://127.0.0.1:${port}`;
  const ping = () => spawnSync('redis-cli', ['-p', String(port), 'ping'], { encoding: 'utf8' }).stdout?.trim() === 'PONG';
  return {
    url,
    async start() {
      if (ping()) throw new Error(`port ${port} already has a Redis: another run of this suite?`);
      child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
      const deadline = Date.now() + 10_000;
      while (!ping()) {
        if (Date.now() > deadline) throw new Error(`redis-server on ${port} did not start`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    stop() {
      const current = child;
      child = null;
      if (!current || current.exitCode !== null) return Promise.resolve();
      return new Promise((resolve) => {
        current.once('exit', () => resolve());
        current.kill('SIGKILL');
      });
    },
  };
}

function startHaproxy(env: NodeJS.ProcessEnv): { child: ChildProcess; log: string[] } {
  const log: string[] = [];
  const child = spawn('haproxy', ['-db', '-f', path.join(APP_ROOT, 'deploy', 'haproxy.cfg')], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (chunk) => log.push(String(chunk)));
  child.stderr?.on('data', (chunk) => log.push(String(chunk)));
  return { child, log };
}

/** The UP/DOWN state of node1..3 from HAProxy's CSV status page. */
async function backendStates(statsUrl: string): Promise<Record<string, string>> {
  const csv = await (await fetch(`${statsUrl}/;csv`)).text();
  const states: Record<string, string> = {};
  for (const line of csv.split('\n')) {
    const [proxy, server, ...rest] = line.split(',');
    if (proxy === 'strapi' && server.startsWith('node')) states[server] = rest[15] ?? '';
  }
  return states;
}

export async function startLoadBalancedCluster(basePort: number, env: NodeJS.ProcessEnv = {}): Promise<LoadBalancedCluster> {
  requireClusterEnvironment();
  const redis = privateRedis(basePort + 2);
  await redis.start();
  let cluster: Cluster;
  try {
    // TRUST_PROXY: the balancer forwards each client's address, which the per-IP limits charge (F4).
    cluster = await startCluster(NODE_COUNT, basePort + 3, { REDIS_URL: redis.url, TRUST_PROXY: 'true', ...env });
  } catch (error) {
    await redis.stop();
    throw error;
  }
  const statsUrl = `http://127.0.0.1:${basePort + 1}`;
  const haproxy = startHaproxy({
    LC_LB_BIND: `127.0.0.1:${basePort}`,
    LC_LB_STATS: `127.0.0.1:${basePort + 1}`,
    ...Object.fromEntries(cluster.nodes.map((node, i) => [`LC_NODE${i + 1}`, `127.0.0.1:${node.port}`])),
  });

  const waitForBackends = async (up: number[], timeoutMs = 30_000) => {
    const deadline = Date.now() + timeoutMs;
    let last: Record<string, string> = {};
    while (Date.now() < deadline) {
      if (haproxy.child.exitCode !== null) throw new Error(`haproxy exited:\n${haproxy.log.join('')}`);
      try {
        last = await backendStates(statsUrl);
        const matches = cluster.nodes.every((_, i) => (last[`node${i + 1}`] ?? '').startsWith(up.includes(i) ? 'UP' : 'DOWN'));
        if (matches) return;
      } catch {
        // the status page is not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`HAProxy backends not as expected (${JSON.stringify(up)} up): ${JSON.stringify(last)}`);
  };

  const stopAll = async () => {
    haproxy.child.kill('SIGTERM');
    await cluster.stop();
    await redis.stop();
  };
  try {
    await waitForBackends([0, 1, 2]);
  } catch (error) {
    await stopAll();
    throw error;
  }
  return { ...cluster, lbUrl: `http://127.0.0.1:${basePort}`, redis, waitForBackends, stop: stopAll };
}
