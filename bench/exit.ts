/**
 * Runs a benchmark's main and exits when it ends: with process.exitCode (a run that failed midway
 * sets 1 and still prints what it measured), or 1 after printing an error main did not catch.
 * Exiting explicitly ends sockets, timers and child handles a failed run may have left behind.
 */
export function runAndExit(main: () => Promise<void>) {
  main().then(
    () => process.exit(process.exitCode ?? 0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}

/**
 * Runs `work` and then `cleanup` exactly once, also when the watchdog fires or on SIGINT / SIGTERM
 * (then it exits 1 after cleaning up). A failure in `work` is printed and sets exit code 1, so the
 * caller still prints the figures measured before it.
 */
export async function guarded(options: { watchdogMinutes: number; log: (line: string) => void; cleanup: () => Promise<void> }, work: () => Promise<void>) {
  const { log } = options;
  let cleaning: Promise<void> | null = null;
  const cleanup = () => {
    cleaning ??= options.cleanup();
    return cleaning;
  };
  const abort = (why: string) => {
    log(`\n${why}: cleaning up`);
    void cleanup().finally(() => process.exit(1));
  };
  const watchdog = setTimeout(() => abort(`watchdog: still running after ${options.watchdogMinutes} min`), options.watchdogMinutes * 60_000);
  process.once('SIGINT', () => abort('SIGINT'));
  process.once('SIGTERM', () => abort('SIGTERM'));
  try {
    await work();
  } catch (error) {
    log(`\nThe run failed; figures measured before the failure follow.\n${String((error as Error)?.stack ?? error)}`);
    process.exitCode = 1;
  } finally {
    clearTimeout(watchdog);
    await cleanup();
  }
}
