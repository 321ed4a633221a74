// `node scripts/build.mjs [--no-admin]`: builds what the app serves (see lib/build.mjs), skipping
// what is already current. The benchmarks use it with --no-admin.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './lib/build.mjs';

buildApp(join(dirname(fileURLToPath(import.meta.url)), '..'), { admin: !process.argv.includes('--no-admin') });
