import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { ChildMessage, CommandName, Commands } from './protocol';

/**
 * The client process (client.ts) as seen from the server process: typed commands over IPC, each
 * with a time limit, and `window` events (a measured window opening or closing) passed to `onWindow`.
 */
export class ClientProcess {
  private readonly child: ChildProcess;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private exited = false;

  constructor(onWindow: (label: string, phase: 'start' | 'end') => void) {
    this.child = fork(path.join(__dirname, 'client.js'), [], {
      // The client holds up to ~10k sockets; give it room, and keep its output with ours.
      execArgv: ['--max-old-space-size=4096'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      serialization: 'advanced',
    });
    this.child.on('message', (message: ChildMessage) => {
      if (message.kind === 'window') onWindow(message.label, message.phase);
      else if (message.kind === 'log') process.stdout.write(`[client] ${message.message}\n`);
      else {
        const waiter = this.waiting.get(message.id);
        this.waiting.delete(message.id);
        if (message.kind === 'result') waiter?.resolve(message.result);
        else waiter?.reject(new Error(`client: ${message.message}`));
      }
    });
    this.child.on('exit', (code, signal) => {
      this.exited = true;
      for (const waiter of this.waiting.values()) waiter.reject(new Error(`client process exited (${code ?? signal})`));
      this.waiting.clear();
    });
  }

  get pid() {
    return this.child.pid;
  }

  call<K extends CommandName>(command: K, args: Commands[K]['args'], timeoutMs = 300_000): Promise<Commands[K]['result']> {
    if (this.exited) return Promise.reject(new Error('client process has exited'));
    const id = this.nextId;
    this.nextId += 1;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new Error(`client: ${command} took longer than ${timeoutMs / 1000} s`));
      }, timeoutMs);
      this.waiting.set(id, {
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value as Commands[K]['result']);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      this.child.send({ id, command, args });
    });
  }

  /** Asks the client to close everything and exit; kills it if it has not after 10 s. */
  async stop() {
    if (this.exited) return;
    const gone = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    await this.call('exit', {}, 10_000).catch(() => undefined);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await gone;
    clearTimeout(timer);
  }
}
