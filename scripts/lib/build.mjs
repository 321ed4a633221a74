// Builds what `strapi start` serves: the plugin's server part, the app's TypeScript and the admin panel.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fingerprint, readStamp, writeStamp } from './fingerprint.mjs';

const require = createRequire(import.meta.url);
const { compileServer } = require('./compile.cjs');

/** Everything the admin panel bundle is made from. */
const ADMIN_SOURCES = [
  'package-lock.json',
  'config/admin.ts',
  'src/admin',
  'plugins/live-chat/admin',
  'plugins/live-chat/shared',
  'plugins/live-chat/strapi-admin.ts',
  'plugins/live-chat/package.json',
  'config/plugins.ts',
];

export function buildApp(appRoot) {
  compileServer(appRoot);
  const stampFile = join(appRoot, 'dist', 'build', '.live-chat-admin-stamp');
  const current = fingerprint(appRoot, ADMIN_SOURCES);
  if (readStamp(stampFile) === current) return;
  console.log('Building the admin panel (about a minute)…');
  execFileSync(join(appRoot, 'node_modules', '.bin', 'strapi'), ['build'], { cwd: appRoot, stdio: 'inherit' });
  // `strapi build` rewrites dist/, so the server part is compiled again after it.
  compileServer(appRoot);
  writeStamp(stampFile, current);
}
