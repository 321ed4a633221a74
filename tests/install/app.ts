import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { testSecrets } from '../harness/secrets';
import { cleanEnv, killGroup, run, tail, track } from './run';

/** A brand-new Strapi app made by create-strapi, as a developer starts one. */
export interface NewApp {
  dir: string;
  strapiVersion: string;
  log: string;
}

/**
 * `npx create-strapi@<version>` with the flags that work offline (STACK-NOTES): TypeScript, SQLite,
 * no example, no cloud, no git, npm, no install (every option given, so it asks nothing; 5.9.0
 * has no `--non-interactive` flag).
 */
export async function createApp(parentDir: string, name: string, version: { template: string; strapi: string }, log: string): Promise<NewApp> {
  const flags = ['--no-example', '--typescript', '--dbclient=sqlite', '--dbfile=.tmp/data.db', '--no-install', '--skip-cloud', '--no-git-init', '--use-npm', '--no-run'];
  await run('npx', ['--yes', `create-strapi@${version.template}`, name, ...flags], { cwd: parentDir, log, timeoutMs: 5 * 60_000 });
  const dir = path.join(parentDir, name);
  // An empty DATABASE_FILENAME would put the database at the app root's parent (config/database.ts joins it).
  const env = readFileSync(path.join(dir, '.env'), 'utf8');
  if (!/^DATABASE_FILENAME=\S+/m.test(env)) throw new Error(`create-strapi@${version.template} wrote no DATABASE_FILENAME:\n${env}`);
  const app = { dir, strapiVersion: version.strapi, log };
  if (version.template !== version.strapi) pinStrapi(app, version.template);
  return app;
}

/**
 * A Strapi whose own create-strapi the registry lacks: the template of a close one, with every
 * `@strapi/*` dependency set to the version under test (what `npx @strapi/upgrade` edits).
 */
function pinStrapi(app: NewApp, templateVersion: string) {
  const file = path.join(app.dir, 'package.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8'));
  for (const name of Object.keys(manifest.dependencies)) {
    if (name.startsWith('@strapi/') && manifest.dependencies[name] === templateVersion) manifest.dependencies[name] = app.strapiVersion;
  }
  writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
}

/**
 * An app of an older Strapi as it was installed while that version was current. Today npm resolves
 * the `@strapi/admin: ^5.0.0` peer of Strapi's own @strapi/content-manager to the newest admin, so
 * a brand-new older app mixes two Strapi versions, with or without this plugin: 5.40.0's admin build
 * then fails, and on 5.48.0 each package loads its own @strapi/utils, so every 4xx becomes a 500.
 */
export function pinStrapiAdmin(app: NewApp) {
  const file = path.join(app.dir, 'package.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8'));
  manifest.overrides = { ...manifest.overrides, '@strapi/admin': app.strapiVersion };
  writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
}

/** `npm install` in the app: its own dependencies, or a package (the plugin's tarball). */
export async function npmInstall(app: NewApp, ...packages: string[]): Promise<void> {
  await run('npm', ['install', '--no-audit', '--no-fund', ...packages], { cwd: app.dir, log: app.log });
}

/**
 * The two edits the plugin's README asks of a user: enable the plugin in config/plugins.ts (the
 * sites that embed the widget come from LIVE_CHAT_WIDGET_ORIGINS), and, for the Swedish admin,
 * the admin's `sv` locale in src/admin/app.tsx (create-strapi ships only app.example.tsx).
 */
export function configureApp(app: NewApp, options: { adminLocales: string[] }) {
  const pluginsFile = path.join(app.dir, 'config', 'plugins.ts');
  // Older templates export `() => ({})`; the README's snippet takes `{ env }`.
  const plugins = readFileSync(pluginsFile, 'utf8').replace('export default () => ({', 'export default ({ env }) => ({');
  const opening = '=> ({';
  if (!plugins.includes(opening)) throw new Error(`config/plugins.ts of create-strapi@${app.strapiVersion} has an unknown shape:\n${plugins}`);
  const entry = `
  'live-chat': {
    enabled: true,
    config: {
      widgetOrigins: env.array('LIVE_CHAT_WIDGET_ORIGINS', []),
    },
  },`;
  writeFileSync(pluginsFile, plugins.replace(opening, `${opening}${entry}\n`));

  const adminApp = `import type { StrapiApp } from '@strapi/strapi/admin';

export default {
  config: {
    locales: ${JSON.stringify(options.adminLocales)},
  },
  bootstrap(_app: StrapiApp) {},
};
`;
  writeFileSync(path.join(app.dir, 'src', 'admin', 'app.tsx'), adminApp);
}

/** `npm run build`: the app's TypeScript and the admin panel, with the plugin's admin part in it. */
export async function buildApp(app: NewApp): Promise<void> {
  await run('npm', ['run', 'build'], { cwd: app.dir, log: app.log, timeoutMs: 6 * 60_000 });
}

/** A port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface RunningApp {
  url: string;
  /** Everything the process printed so far (for failure messages). */
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * `strapi start` in production, as a deployment runs it: node_modules/.bin/strapi directly (killing
 * npx would leave its node child running) in a process group of its own, killed as a whole.
 */
export async function startApp(app: NewApp, env: Record<string, string>): Promise<RunningApp> {
  const port = await freePort();
  const bin = path.join(app.dir, 'node_modules', '.bin', 'strapi');
  if (!existsSync(bin)) throw new Error(`${bin} is missing: the app's npm install did not finish`);
  let output = '';
  const child = spawn(bin, ['start'], {
    cwd: app.dir,
    // Fresh secrets rather than the .env create-strapi wrote: the test must not depend on them.
    env: cleanEnv({ ...testSecrets(), NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), STRAPI_TELEMETRY_DISABLED: 'true', ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  track(child.pid, child);
  child.stdout.on('data', (chunk) => (output += String(chunk)));
  child.stderr.on('data', (chunk) => (output += String(chunk)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    killGroup(child.pid, 'SIGTERM');
    const timer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };

  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`strapi start exited (${child.exitCode}):\n${tail(output)}`);
    try {
      const health = await fetch(`${url}/_health`);
      if (health.status === 204) return { url, output: () => output, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`strapi start was not healthy within 90 s:\n${tail(output)}`);
}
