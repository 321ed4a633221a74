// `npm run fuzz -- --runs 100000 [--seed N] [--path P] [--only content|admin] [--postgres]`: the long
// property-based fuzz of F4 (docs/fuzzing.md). Runs tests/api/fuzz-content-api.test.ts and
// tests/api/fuzz-admin.test.ts with LIVE_CHAT_FUZZ_RUNS inputs each (CI runs them with a small
// default), prints how each route answered, and exits non-zero on the first input that breaks the
// property (fast-check prints its seed and path; pass them back with --seed and --path to replay).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const appRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name) => {
  const index = args.indexOf(`--${name}`);
  return index === -1 ? undefined : args[index + 1];
};

const runs = Number(option('runs') ?? 10000);
if (!Number.isInteger(runs) || runs < 1) {
  console.error('--runs must be a positive whole number');
  process.exit(2);
}
const files = {
  content: 'tests/api/fuzz-content-api.test.ts',
  admin: 'tests/api/fuzz-admin.test.ts',
};
const only = option('only');
if (only !== undefined && !(only in files)) {
  console.error('--only must be content or admin');
  process.exit(2);
}
const selected = only ? [files[only]] : Object.values(files);

const env = {
  ...process.env,
  LIVE_CHAT_FUZZ_RUNS: String(runs),
  LIVE_CHAT_FUZZ_STATS: 'true',
  LIVE_CHAT_SKIP_ADMIN_BUILD: 'true',
  ...(option('seed') === undefined ? {} : { LIVE_CHAT_FUZZ_SEED: option('seed') }),
  ...(option('path') === undefined ? {} : { LIVE_CHAT_FUZZ_PATH: option('path') }),
  ...(args.includes('--postgres')
    ? { DATABASE_CLIENT: 'postgres', DATABASE_URL: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test' }
    : {}),
};

const started = Date.now();
console.log(`fuzz: ${runs} inputs per file on ${env.DATABASE_CLIENT ?? 'sqlite'}: ${selected.join(', ')}`);
const jest = spawnSync(process.execPath, [join(appRoot, 'node_modules', 'jest', 'bin', 'jest.js'), '--runInBand', ...selected], {
  cwd: appRoot,
  env,
  stdio: 'inherit',
});
const minutes = ((Date.now() - started) / 60000).toFixed(1);
console.log(`fuzz: ${jest.status === 0 ? 'no input broke the property' : 'FAILED'} (${minutes} min)`);
process.exit(jest.status ?? 1);
