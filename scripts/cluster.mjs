// F3 (docs/operations.md): three `strapi start` processes behind HAProxy (deploy/haproxy.cfg) on the
// PostgreSQL and Redis of your environment, to try failover by hand. Installs and builds what is missing.
//   DATABASE_CLIENT=postgres DATABASE_URL=… REDIS_URL=… node scripts/cluster.mjs
// Ports: LC_CLUSTER_PORT (1340) the balancer, -1 its status page, +1..+3 the nodes. Ctrl-C stops all.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureEnvFile } from './ensure-env.mjs';
import { buildApp } from './lib/build.mjs';
import { ensureInstalled } from './lib/install.mjs';

const appRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const base = Number(process.env.LC_CLUSTER_PORT ?? 1340);

const fail = (message) => {
  console.error(message);
  process.exit(1);
};
if (process.env.DATABASE_CLIENT !== 'postgres' || !process.env.DATABASE_URL) fail('Needs DATABASE_CLIENT=postgres and DATABASE_URL.');
if (!process.env.REDIS_URL) fail('Needs REDIS_URL (the nodes are joined by Redis).');
if (spawnSync('haproxy', ['-v']).status !== 0) fail('Needs HAProxy: apt-get install -y haproxy');

ensureInstalled(appRoot);
// The nodes share the secrets of .env (written once with fresh ones if missing), as real nodes must.
if (ensureEnvFile(appRoot)) console.log('Wrote .env with fresh random secrets.');
buildApp(appRoot);

const children = [];
const run = (name, command, args, env) => {
  const child = spawn(command, args, { cwd: appRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', (chunk) => {
      for (const line of String(chunk).split('\n')) if (line.trim()) console.log(`[${name}] ${line}`);
    });
  }
  child.on('exit', (code, signal) => console.log(`[${name}] exited (${code ?? signal}), pid ${child.pid}`));
  children.push(child);
  return child;
};

const nodes = [1, 2, 3].map((i) => ({ name: `node${i}`, port: base + i }));
const startNode = (node) => {
  const child = run(node.name, join(appRoot, 'node_modules', '.bin', 'strapi'), ['start'], {
    NODE_ENV: process.env.NODE_ENV ?? 'production',
    HOST: '127.0.0.1',
    PORT: String(node.port),
    TRUST_PROXY: 'true',
  });
  console.log(`${node.name}: pid ${child.pid}, http://127.0.0.1:${node.port}`);
  return child;
};
const healthy = async (node, child) => {
  while (child.exitCode === null) {
    try {
      if ((await fetch(`http://127.0.0.1:${node.port}/_health`)).status === 204) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
};
// The first node alone: on a new database it creates the schema, which nodes starting at the same
// moment would race to create too. The others follow once it answers.
const first = startNode(nodes[0]);
if (!(await healthy(nodes[0], first))) fail('node1 did not start; see its output above.');
for (const node of nodes.slice(1)) startNode(node);
run('haproxy', 'haproxy', ['-db', '-f', join(appRoot, 'deploy', 'haproxy.cfg')], {
  LC_LB_BIND: `127.0.0.1:${base}`,
  LC_LB_STATS: `127.0.0.1:${base - 1}`,
  ...Object.fromEntries(nodes.map((node, i) => [`LC_NODE${i + 1}`, `127.0.0.1:${node.port}`])),
});
console.log(`load balancer: http://127.0.0.1:${base} (admin: /admin), status: http://127.0.0.1:${base - 1}/`);

let stopping = false;
const stopAll = () => {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(0), 15_000).unref();
};
process.on('SIGINT', stopAll);
process.on('SIGTERM', stopAll);
