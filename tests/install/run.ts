import { spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';

/**
 * The environment a developer's shell would give npm and Strapi: nothing of this repository's
 * `npm test` (npm_* variables, NODE_ENV=test, DATABASE_*, LIVE_CHAT_*, secrets) may leak into the
 * new app, or the test would prove the repository's setup instead of the package's.
 */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const passed = /^(PATH|HOME|USER|LANG|LC_ALL|TMPDIR|SHELL|TERM|CI|NODE_EXTRA_CA_CERTS|SSL_CERT_FILE|SSL_CERT_DIR|(HTTPS?|NO|ALL)_PROXY)$/i;
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (passed.test(key)) env[key] = value;
  return { ...env, ...extra };
}

/** Process groups started here and still running: afterAll ends them, also after a failure. */
const started = new Set<number>();

/** Registers a detached child so stopAll() can end its group; forgets it when it exits. */
export function track(pid: number | undefined, exited: { once(event: 'exit', listener: () => void): unknown }) {
  if (pid === undefined) return;
  started.add(pid);
  exited.once('exit', () => started.delete(pid));
}

/** Kills every process group this suite started that is still running (npm, node-gyp, strapi…). */
export function stopAll() {
  for (const pid of started) killGroup(pid, 'SIGKILL');
  started.clear();
}

export interface RunOptions {
  cwd: string;
  /** Every line of output is appended here, so a failure can show its tail. */
  log: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

/**
 * Runs a command to completion (async, so independent phases can overlap); rejects with the tail
 * of its output when it fails or runs past its timeout.
 */
export function run(command: string, args: string[], options: RunOptions): Promise<string> {
  const { cwd, log, env = cleanEnv(), timeoutMs = 10 * 60_000 } = options;
  appendFileSync(log, `\n$ (${cwd}) ${command} ${args.join(' ')}\n`);
  return new Promise((resolve, reject) => {
    // Its own process group, so a timeout also ends what it started (npm → node-gyp → make …).
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    track(child.pid, child);
    let output = '';
    const collect = (chunk: Buffer) => {
      output += String(chunk);
      appendFileSync(log, chunk);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const timer = setTimeout(() => {
      output += `\n[killed after ${timeoutMs} ms]`;
      killGroup(child.pid, 'SIGKILL');
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) return resolve(output);
      reject(new Error(`${command} ${args.join(' ')} failed (exit ${code}) in ${cwd}:\n${tail(output)}`));
    });
  });
}

/** The last lines of a command's output: enough to see why it failed, short enough to read. */
export const tail = (text: string, lines = 60) => text.split('\n').slice(-lines).join('\n');

/** Signals a whole process group; a group that is already gone is not an error. */
export function killGroup(pid: number | undefined, signal: NodeJS.Signals) {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // already exited
  }
}
