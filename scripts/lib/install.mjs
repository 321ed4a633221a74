// Installs the npm dependencies when they are missing or the manifests changed since the last install.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fingerprint, readStamp, writeStamp } from './fingerprint.mjs';

const MANIFESTS = ['package.json', 'package-lock.json', 'plugins/live-chat/package.json'];

export function ensureInstalled(appRoot) {
  const stampFile = join(appRoot, 'node_modules', '.live-chat-install-stamp');
  if (readStamp(stampFile) === fingerprint(appRoot, MANIFESTS)) return;
  console.log('Installing dependencies (npm install; the first time takes a few minutes)…');
  // `npm ci` cannot be used here: the registry lacks other platforms' optional binaries (STACK-NOTES).
  execFileSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: appRoot, stdio: 'inherit' });
  writeStamp(stampFile, fingerprint(appRoot, MANIFESTS));
}

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The browser tests drive Debian's Chromium. When it is missing and we may install system packages
 * (root), install it; otherwise say how, and let the browser tests fail loudly.
 */
export function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.warn(`Chromium is missing at ${CHROMIUM}: the browser tests will fail. Install it with "sudo apt-get install -y chromium".`);
    return;
  }
  console.log('Installing Chromium for the browser tests (apt-get install -y chromium)…');
  try {
    execFileSync('apt-get', ['install', '-y', 'chromium'], { stdio: 'inherit' });
  } catch {
    execFileSync('apt-get', ['update'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', 'chromium'], { stdio: 'inherit' });
  }
}
