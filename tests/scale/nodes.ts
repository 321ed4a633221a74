import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { testSecrets } from '../harness/secrets';

const twoUp = path.resolve(__dirname, '..', '..');
/** The app's root, from tests/scale or from the copy tsc compiles into bench/dist/tests/scale (bench/cluster-delivery). */
export const APP_ROOT = twoUp.endsWith(path.join('bench', 'dist')) ? path.resolve(twoUp, '..', '..') : twoUp;

/** Two or more `strapi start` processes sharing one PostgreSQL schema and one Redis (F3). */
export interface Cluster {
  urls: string[];
  nodes: StrapiNode[];
  schema: string;
  pg: () => Promise<Client>;
  stop: () => Promise<void>;
}

/** One `strapi start` process that a test may kill, stop gracefully and start again on its port. */
export interface StrapiNode {
  readonly url: string;
  readonly port: number;
  /** True while its process runs (it may not be healthy yet). */
  readonly running: boolean;
  /** Starts the process (again) and resolves once /_health answers. */
  start: () => Promise<void>;
  /** Sends `signal` to the process group; resolves when the process has exited. */
  signal: (signal: NodeJS.Signals) => Promise<void>;
  /** What the process printed since it last started. */
  log: () => string;
}

export function requireScaleEnvironment(): { databaseUrl: string; redisUrl: string } {
  const databaseUrl = process.env.DATABASE_URL;
  const redisUrl = process.env.REDIS_URL;
  if (process.env.DATABASE_CLIENT !== 'postgres' || !databaseUrl || !redisUrl) {
    throw new Error(
      'The scale-out suite needs DATABASE_CLIENT=postgres, DATABASE_URL and REDIS_URL (see README: PostgreSQL and Redis).',
    );
  }
  return { databaseUrl, redisUrl };
}

async function waitHealthy(url: string, child: ChildProcess, log: () => string, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`node exited (${child.exitCode ?? child.signalCode}):\n${log()}`);
    try {
      if ((await fetch(`${url}/_health`)).status === 204) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`node at ${url} not healthy in time:\n${log()}`);
}

/** A node on `port` with the cluster's shared environment; not started. */
export function strapiNode(port: number, env: NodeJS.ProcessEnv): StrapiNode {
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  let output: string[] = [];
  const running = () => child !== null && child.exitCode === null && child.signalCode === null;
  return {
    url,
    port,
    get running() {
      return running();
    },
    async start() {
      if (running()) throw new Error(`node ${url} is already running`);
      output = [];
      const started = spawn(path.join(APP_ROOT, 'node_modules', '.bin', 'strapi'), ['start'], {
        cwd: APP_ROOT,
        env: { ...env, PORT: String(port) },
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      });
      // LIVE_CHAT_NODE_LOG_DIR keeps every node's output in a file per port, to read after a failure.
      const logDir = process.env.LIVE_CHAT_NODE_LOG_DIR;
      const keep = (chunk: unknown) => {
        output.push(String(chunk));
        if (logDir) appendFileSync(path.join(logDir, `node-${port}.log`), String(chunk));
      };
      started.stdout?.on('data', keep);
      started.stderr?.on('data', keep);
      child = started;
      await waitHealthy(url, started, () => output.join(''));
    },
    signal(signal) {
      const current = child;
      if (!current || !running()) return Promise.resolve();
      return new Promise<void>((resolve) => {
        current.once('exit', () => resolve());
        // The whole process group: `strapi start` may leave a child of its own.
        try {
          process.kill(-(current.pid as number), signal);
        } catch {
          resolve(); // already gone
        }
      });
    },
    log: () => output.join(''),
  };
}

/** The environment every node of a cluster shares: one schema, one Redis, production mode. */
export function clusterEnvironment(schema: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const { databaseUrl, redisUrl } = requireScaleEnvironment();
  return {
    ...process.env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    DATABASE_CLIENT: 'postgres',
    DATABASE_URL: databaseUrl,
    DATABASE_SCHEMA: schema,
    REDIS_URL: redisUrl,
    SERVE_ADMIN_PANEL: 'false',
    LIVE_CHAT_DEMO_SEED: 'false',
    LIVE_CHAT_WIDGET_ORIGINS: '*',
    ...testSecrets(),
    ...extra,
  };
}

/**
 * Starts the nodes one after the other (the first creates the schema), on ports from `basePort`.
 * `env` overrides the shared environment (e.g. another REDIS_URL, TRUST_PROXY).
 */
export async function startCluster(count: number, basePort: number, env: NodeJS.ProcessEnv = {}): Promise<Cluster> {
  const { databaseUrl } = requireScaleEnvironment();
  const schema = `lc_scale_${process.pid}_${randomBytes(3).toString('hex')}`;
  const pg = async () => {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query(`SET search_path TO "${schema}"`);
    return client;
  };
  const admin = new Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA "${schema}"`);
  await admin.end();

  const shared = clusterEnvironment(schema, env);
  const nodes = Array.from({ length: count }, (_, i) => strapiNode(basePort + i, shared));
  const stop = async () => {
    await Promise.all(nodes.map((node) => node.signal('SIGTERM')));
    const cleanup = new Client({ connectionString: databaseUrl });
    await cleanup.connect();
    await cleanup.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await cleanup.end();
  };
  try {
    for (const node of nodes) await node.start();
  } catch (error) {
    await stop();
    throw error;
  }
  return { urls: nodes.map((node) => node.url), nodes, schema, pg, stop };
}
