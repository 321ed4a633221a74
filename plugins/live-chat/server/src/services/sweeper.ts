import type { Core } from '@strapi/strapi';

/**
 * The clock of the stored deadlines: wait times (B9), the presence grace (B2), the email outbox
 * (G8: due follow-up checks and sends) and retention (G9) are rows in the database, and every
 * process sweeps them on one timer; each sweep decides by compare-and-set, so a deadline takes
 * effect once whichever process sees it first.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const sweeps = ['wait-time', 'presence', 'email-outbox', 'retention'] as const;
  let timer: NodeJS.Timeout | null = null;
  const running = new Set<Promise<unknown>>();

  function tick() {
    for (const name of sweeps) {
      const run: Promise<unknown> = strapi
        .plugin('live-chat')
        .service(name)
        .sweep()
        .catch((error: unknown) => strapi.log.error(`[live-chat] ${name} sweep failed: ${String(error)}`))
        .finally(() => running.delete(run));
      running.add(run);
    }
  }

  return {
    /** Starts sweeping every `intervalMs` (bootstrap). */
    start(intervalMs: number) {
      if (timer) return;
      timer = setInterval(tick, intervalMs);
      timer.unref();
    },

    /** Stops the timer and waits for sweeps in progress (destroy). */
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await Promise.all([...running]);
    },
  };
};
