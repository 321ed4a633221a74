import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CHROMIUM_PATH } from '../harness/browser';
import { assertNoNodeModulesAbove, REPO_ROOT } from './package';
import { run } from './run';

/** The Strapi the repository is built and tested on (STACK-NOTES). */
export const CURRENT_STRAPI = '5.54.0';

/**
 * The older Strapi 5 minor whose brand-new app must take the plugin too: the low end of the
 * package's peer ranges (5.31.0 and older ship a 2.0.0-rc @strapi/design-system, which the
 * plugin's `^2.0.0` peer refuses). The registry here has no create-strapi between 5.9.0 and 5.40.0,
 * so the app is made from create-strapi 5.9.0's template (untyped config files, which any later 5.x
 * accepts; 5.40.0's typed ones do not compile against older types) with its @strapi/* dependencies
 * set to OLDER_STRAPI: an app created on 5.9 and upgraded.
 */
export const OLDER_STRAPI = process.env.LIVE_CHAT_INSTALL_OLDER_STRAPI ?? '5.32.0';
export const OLDER_TEMPLATE = process.env.LIVE_CHAT_INSTALL_OLDER_TEMPLATE ?? '5.9.0';

/**
 * Asked to run (LIVE_CHAT_INSTALL_TESTS=true), the suite fails loudly when it cannot: no git
 * checkout, no Chromium, no npm registry. It never skips.
 */
export async function requireInstallEnvironment(): Promise<string> {
  if (!existsSync(path.join(REPO_ROOT, '.git'))) throw new Error(`The install suite packs the plugin's git-tracked files: ${REPO_ROOT} is not a git checkout`);
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium is not installed at ${CHROMIUM_PATH}: run "apt-get install -y chromium" (or set CHROMIUM_PATH)`);
  // Outside the repository, so neither the plugin nor the new apps can reach its node_modules.
  const workDir = mkdtempSync(path.join(process.env.LIVE_CHAT_INSTALL_WORKDIR ?? tmpdir(), 'live-chat-install-'));
  assertNoNodeModulesAbove(path.join(workDir, 'x'));
  const log = path.join(workDir, 'environment.log');
  try {
    await run('npm', ['view', `create-strapi@${CURRENT_STRAPI}`, 'version'], { cwd: workDir, log, timeoutMs: 60_000 });
  } catch (error) {
    throw new Error(`The npm registry does not answer (npm view create-strapi@${CURRENT_STRAPI}); the install suite needs it:\n${(error as Error).message}`);
  }
  return workDir;
}
