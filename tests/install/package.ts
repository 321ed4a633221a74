import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { run } from './run';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
const PLUGIN = 'plugins/live-chat';

/**
 * The plugin's sources as the next commit holds them: tracked files plus untracked ones .gitignore
 * keeps (on CI's clean clone the two lists are the same; on a working tree a file not yet
 * `git add`ed is still packed). Never dist/ or node_modules/: the package must build from sources.
 */
export function pluginSourceFiles(): string[] {
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard', PLUGIN], { cwd: REPO_ROOT, encoding: 'utf8' })
    .split('\0')
    .filter(Boolean);
  // A file deleted in the working tree but still in the index is not part of the next commit.
  return listed.filter((file) => existsSync(path.join(REPO_ROOT, file)) && statSync(path.join(REPO_ROOT, file)).isFile());
}

/** Fails when node_modules is reachable from `dir` by Node's upward lookup (the repo's would hide missing deps). */
export function assertNoNodeModulesAbove(dir: string) {
  for (let current = path.dirname(path.resolve(dir)); ; current = path.dirname(current)) {
    const candidate = path.join(current, 'node_modules');
    if (existsSync(candidate)) throw new Error(`${candidate} is reachable from ${dir}: the install test needs a folder no node_modules is above`);
    if (path.dirname(current) === current) return;
  }
}

/**
 * G1: packs the plugin as `npm publish` would, from a copy of its sources outside the repository:
 * `npm install` (never `npm ci`, STACK-NOTES), then `npm pack`, whose `prepack` builds and runs
 * `strapi-plugin verify`. Returns the tarball's path.
 */
export async function packPlugin(workDir: string, log: string): Promise<string> {
  const pluginDir = path.join(workDir, 'plugin-source');
  assertNoNodeModulesAbove(pluginDir);
  const files = pluginSourceFiles();
  if (!files.includes(`${PLUGIN}/package.json`)) throw new Error(`git lists no ${PLUGIN}/package.json`);
  for (const file of files) {
    const target = path.join(pluginDir, path.relative(PLUGIN, file));
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(path.join(REPO_ROOT, file), target);
  }
  await run('npm', ['install', '--no-audit', '--no-fund'], { cwd: pluginDir, log });
  const destination = path.join(workDir, 'tarball');
  mkdirSync(destination, { recursive: true });
  await run('npm', ['pack', '--pack-destination', destination], { cwd: pluginDir, log });
  const tarballs = readdirSync(destination).filter((name) => name.endsWith('.tgz'));
  if (tarballs.length !== 1) throw new Error(`npm pack left ${tarballs.length} tarballs in ${destination}`);
  return path.join(destination, tarballs[0]);
}
