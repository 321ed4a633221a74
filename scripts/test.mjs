// `npm test`: install what is missing, then run the whole jest suite (SQLite unless DATABASE_CLIENT
// says otherwise) and print the plain line "<database>: N passed, N failed" that CI reads.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureChromium, ensureInstalled } from './lib/install.mjs';

const appRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
ensureInstalled(appRoot);
if (process.env.LIVE_CHAT_SKIP_COMPILE !== 'true') ensureChromium();

const database = process.env.DATABASE_CLIENT ?? 'sqlite';
// The scale-out suite (PostgreSQL + Redis, several processes), the cluster suite (three behind HAProxy) and the install suite (the packed
// plugin in brand-new Strapi apps) report under their own names.
const suite =
  process.env.LIVE_CHAT_INSTALL_TESTS === 'true'
    ? 'install'
    : process.env.LIVE_CHAT_CLUSTER_TESTS === 'true'
      ? `${database}-cluster`
      : process.env.LIVE_CHAT_SCALE_TESTS === 'true'
        ? `${database}-scale`
        : database;

// Type errors fail the tests (DESIGN.md): the app, the tests, and the plugin's server and admin parts.
const skipTypecheck = process.env.LIVE_CHAT_SKIP_TYPECHECK === 'true';
const typecheck = skipTypecheck ? { status: 0 } : spawnSync('npm', ['run', '--silent', 'typecheck'], { cwd: appRoot, stdio: 'inherit' });
if (typecheck.status !== 0) {
  console.log(`${suite}: 0 passed, 1 failed`);
  console.error('Type check failed.');
  process.exit(1);
}

const resultFile = join(appRoot, '.tmp', `jest-${suite}.json`);
mkdirSync(dirname(resultFile), { recursive: true });
rmSync(resultFile, { force: true });

const jest = spawnSync(
  process.execPath,
  [join(appRoot, 'node_modules', 'jest', 'bin', 'jest.js'), '--json', `--outputFile=${resultFile}`, ...process.argv.slice(2)],
  { cwd: appRoot, stdio: 'inherit' },
);

let summary = { numPassedTests: 0, numFailedTests: 0, numRuntimeErrorTestSuites: 0, numTotalTests: 0 };
try {
  summary = JSON.parse(readFileSync(resultFile, 'utf8'));
} catch {
  console.error('jest wrote no result file: it did not run the tests.');
}
// A test file that cannot even load counts as a failure, not as nothing.
const failed = summary.numFailedTests + summary.numRuntimeErrorTestSuites;
console.log(`${suite}: ${summary.numPassedTests} passed, ${failed} failed`);
if (summary.numTotalTests === 0) {
  console.error('No test ran.');
  process.exit(1);
}
process.exit(jest.status ?? 1);
