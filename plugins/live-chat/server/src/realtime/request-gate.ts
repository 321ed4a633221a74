/**
 * F3 graceful shutdown: counts the socket handlers (and other work) still running, so a node that
 * was told to stop can finish every store and ack it started before it lets its connections go.
 * Once closed, new inbound events are refused at once (the client retries on the node it moves to).
 */
export interface RequestGate {
  /** True once shutdown began: handlers refuse new events. */
  readonly closed: boolean;
  /** Runs `work`, counted until it settles. */
  track<T>(work: () => Promise<T>): Promise<T>;
  /** Refuses new events from now on. */
  close(): void;
  /** Resolves when nothing tracked is running, or after `timeoutMs` (answers whether it got idle). */
  idle(timeoutMs: number): Promise<boolean>;
}

export function createRequestGate(): RequestGate {
  let closed = false;
  const running = new Set<Promise<unknown>>();
  return {
    get closed() {
      return closed;
    },
    track(work) {
      const run = work();
      const counted = run.catch(() => undefined).finally(() => running.delete(counted));
      running.add(counted);
      return run;
    },
    close() {
      closed = true;
    },
    async idle(timeoutMs) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      });
      const settled = (async () => {
        while (running.size > 0) await Promise.all([...running]);
        return true as const;
      })();
      try {
        return await Promise.race([settled, timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
