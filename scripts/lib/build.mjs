// Builds what `strapi start` serves: the plugin package (its own `npm run build`: server, admin,
// type declarations and the widget), the app's TypeScript and the admin panel. Each step is skipped
// when nothing it is made from changed since it last ran (stamps in .tmp/build-stamps/).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fingerprint, readStamp, writeStamp } from './fingerprint.mjs';

const require = createRequire(import.meta.url);
const { compileApp } = require('./compile.cjs');

const PLUGIN_DIR = join('plugins', 'live-chat');
/** Everything the plugin package is built from (fingerprint skips dist/ and node_modules/). */
const PLUGIN_SOURCES = ['package-lock.json', PLUGIN_DIR];
/** What the package build writes; a missing one means the build must run again. */
const PLUGIN_OUTPUTS = ['dist/server/index.js', 'dist/admin/index.mjs', 'dist/widget/manifest.json'].map((file) => join(PLUGIN_DIR, file));
/** Everything the admin panel bundle is made from. */
const ADMIN_SOURCES = ['package-lock.json', 'config/admin.ts', 'config/plugins.ts', 'src/admin', PLUGIN_DIR];

const stampFile = (appRoot, name) => join(appRoot, '.tmp', 'build-stamps', name);

/** Runs `build` unless the stamp says its sources are unchanged and its outputs exist. */
function whenChanged(appRoot, name, sources, outputs, build) {
  const current = fingerprint(appRoot, sources);
  const file = stampFile(appRoot, name);
  if (readStamp(file) === current && outputs.every((output) => existsSync(join(appRoot, output)))) return;
  rmSync(file, { force: true });
  build();
  writeStamp(file, current);
}

/** The plugin package, exactly as it is built for npm (`npm run build` in its folder). */
export function buildPlugin(appRoot) {
  whenChanged(appRoot, 'plugin', PLUGIN_SOURCES, PLUGIN_OUTPUTS, () => {
    console.log('Building the plugin package strapi-plugin-live-chat…');
    execFileSync('npm', ['run', 'build'], { cwd: join(appRoot, PLUGIN_DIR), stdio: 'inherit' });
  });
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
    buildPlugin(appRoot);
    compileApp(appRoot);
    if (admin) buildAdmin(appRoot);
  });
}

function buildAdmin(appRoot) {
  whenChanged(appRoot, 'admin', ADMIN_SOURCES, [join('dist', 'build', 'index.html')], () => {
    console.log('Building the admin panel (about a minute)…');
    execFileSync(join(appRoot, 'node_modules', '.bin', 'strapi'), ['build'], { cwd: appRoot, stdio: 'inherit' });
    // `strapi build` rewrites dist/, so the app is compiled again after it.
    compileApp(appRoot);
  });
}
