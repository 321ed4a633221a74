// `npm start`: install what is missing, build, seed the demo on first start, serve on :1337 (SQLite).
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureEnvFile } from './ensure-env.mjs';
import { buildApp } from './lib/build.mjs';
import { ensureInstalled } from './lib/install.mjs';

const appRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

ensureInstalled(appRoot);
if (ensureEnvFile(appRoot)) console.log('Wrote .env with fresh random secrets.');
buildApp(appRoot);

// Started directly (not through npx) so stopping this process stops the server too.
const server = spawn(join(appRoot, 'node_modules', '.bin', 'strapi'), ['start'], { cwd: appRoot, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.kill(signal));
}
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
