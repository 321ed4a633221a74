// Installs the npm dependencies when they are missing or the manifests changed since the last install.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fingerprint, readStamp, writeStamp } from './fingerprint.mjs';

const MANIFESTS = ['package.json', 'package-lock.json', 'plugins/live-chat/package.json', 'widget/package.json'];

export function ensureInstalled(appRoot) {
  const stampFile = join(appRoot, 'node_modules', '.live-chat-install-stamp');
  if (readStamp(stampFile) === fingerprint(appRoot, MANIFESTS)) return;
  console.log('Installing dependencies (npm install; the first time takes a few minutes)…');
  // `npm ci` cannot be used here: the registry lacks other platforms' optional binaries (STACK-NOTES).
  execFileSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: appRoot, stdio: 'inherit' });
  writeStamp(stampFile, fingerprint(appRoot, MANIFESTS));
}
