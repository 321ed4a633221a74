import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Client } from 'pg';
import { testSecrets } from '../harness/secrets';

export const APP_ROOT = path.resolve(__dirname, '..', '..');

/** Two or more `strapi start` processes sharing one PostgreSQL schema and one Redis (F3). */
export interface Cluster {
  urls: string[];
  schema: string;
  pg: () => Promise<Client>;
  stop: () => Promise<void>;
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

async function waitHealthy(url: string, child: ChildProcess, log: string[], timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`node exited (${child.exitCode}):\n${log.join('')}`);
    try {
      if ((await fetch(`${url}/_health`)).status === 204) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`node at ${url} not healthy in time:\n${log.join('')}`);
}

/** Starts the nodes one after the other (the first creates the schema), on ports from `basePort`; `env` adds to every node's environment. */
export async function startCluster(count: number, basePort: number, env: Record<string, string> = {}): Promise<Cluster> {
  const { databaseUrl, redisUrl } = requireScaleEnvironment();
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

  const shared = {
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
    ...env,
  };
  const children: ChildProcess[] = [];
  const urls: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const port = basePort + i;
    const log: string[] = [];
    const child = spawn(path.join(APP_ROOT, 'node_modules', '.bin', 'strapi'), ['start'], {
      cwd: APP_ROOT,
      env: { ...shared, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    child.stdout?.on('data', (chunk) => log.push(String(chunk)));
    child.stderr?.on('data', (chunk) => log.push(String(chunk)));
    children.push(child);
    const url = `http://127.0.0.1:${port}`;
    await waitHealthy(url, child, log);
    urls.push(url);
  }

  return {
    urls,
    schema,
    pg,
    async stop() {
      await Promise.all(
        children.map(
          (child) =>
            new Promise<void>((resolve) => {
              if (child.exitCode !== null) return resolve();
              child.once('exit', () => resolve());
              // The whole process group: `strapi start` may leave a child of its own.
              process.kill(-(child.pid as number), 'SIGTERM');
            }),
        ),
      );
      const cleanup = new Client({ connectionString: databaseUrl });
      await cleanup.connect();
      await cleanup.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await cleanup.end();
    },
  };
}
