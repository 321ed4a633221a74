// Builds what `strapi start` serves: the plugin's server part, the app's TypeScript and the admin panel.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
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

/** Everything the visitor widget bundle is made from. */
const WIDGET_SOURCES = ['package-lock.json', 'widget', 'plugins/live-chat/shared'];

/** Bundles the widget (widget/build.mjs) into the plugin's dist/widget, which the plugin serves. */
export function buildWidget(appRoot) {
  const script = join(appRoot, 'widget', 'build.mjs');
  if (!existsSync(script)) return;
  const stampFile = join(appRoot, 'plugins', 'live-chat', 'dist', 'widget', '.live-chat-widget-stamp');
  const current = fingerprint(appRoot, WIDGET_SOURCES);
  if (readStamp(stampFile) === current) return;
  execFileSync(process.execPath, [script], { cwd: appRoot, stdio: 'inherit' });
  writeStamp(stampFile, current);
}

/**
 * Runs `build` while holding a lock directory, so two processes (two test runs, a test run and
 * `npm start`) never write dist/ at the same time.
 */
function withBuildLock(appRoot, build) {
  const lock = join(appRoot, '.tmp', 'build.lock');
  mkdirSync(dirname(lock), { recursive: true });
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock older than the longest build belongs to a process that died.
      if (Date.now() - statSync(lock, { throwIfNoEntry: false })?.mtimeMs > 10 * 60_000) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`Timed out waiting for the build lock ${lock}`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
    }
  }
  try {
    build();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** `admin: false` skips the admin panel (API, socket and widget tests do not need it). */
export function buildApp(appRoot, { admin = true } = {}) {
  withBuildLock(appRoot, () => {
    compileServer(appRoot);
    buildWidget(appRoot);
    if (admin) buildAdmin(appRoot);
  });
}

function buildAdmin(appRoot) {
  const stampFile = join(appRoot, 'dist', 'build', '.live-chat-admin-stamp');
  const current = fingerprint(appRoot, ADMIN_SOURCES);
  if (readStamp(stampFile) === current) return;
  console.log('Building the admin panel (about a minute)…');
  execFileSync(join(appRoot, 'node_modules', '.bin', 'strapi'), ['build'], { cwd: appRoot, stdio: 'inherit' });
  // `strapi build` rewrites dist/, so the server part is compiled again after it.
  compileServer(appRoot);
  writeStamp(stampFile, current);
}
