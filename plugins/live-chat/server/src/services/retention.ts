import type { Core } from '@strapi/strapi';
import { DEFAULT_RETENTION, retentionCutoff, type RetentionSettings } from '../../../shared/domain/personal-data';
import { createPersonalDataRepository } from '../repositories/personal-data';
import { createPluginSettings } from '../repositories/plugin-settings';
import type { PersonalDataService } from './personal-data';

/** The plugin-settings key of G9. */
export const RETENTION_KEY = 'retention';
/** Conversations one sweep erases at most; each in its own short transaction, so the inbox never waits long. */
export const RETENTION_BATCH = 25;
/** How often a process looks for due conversations when the last sweep found none left (ms). */
const IDLE_INTERVAL_MS = 60_000;

/**
 * G9: "erase closed conversations older than N days", applied by the stored-deadline sweeper
 * (services/sweeper.ts) on every process: each conversation is claimed by compare-and-set on
 * `erased_at`, so it is erased once whichever process reaches it first (F3).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = createPluginSettings(strapi);
  const repository = createPersonalDataRepository(strapi);
  const personalData = () => strapi.plugin('live-chat').service('personal-data') as PersonalDataService;
  let nextRunAt = 0;
  let running: Promise<number> | null = null;

  async function sweepOnce(now: Date, batch: number): Promise<number> {
    // F5: files of an erasure that stopped half-way go now, whether retention is on or not.
    await personalData().eraseLeftoverFiles();
    const cutoff = retentionCutoff(await settings.read(RETENTION_KEY, DEFAULT_RETENTION), now);
    if (!cutoff) return 0;
    const due = await repository.findDueForRetention(cutoff, batch);
    if (due.length === 0) return 0;
    const counts = await personalData().eraseConversations(due, now);
    if (counts.conversations > 0) await personalData().recordRetention(counts);
    return counts.conversations;
  }

  return {
    /** The stored setting (off by default). */
    get: (): Promise<RetentionSettings> => settings.read(RETENTION_KEY, DEFAULT_RETENTION),

    /** Stores a validated setting (the controller validated it against the shared schema). */
    async set(value: RetentionSettings): Promise<RetentionSettings> {
      await settings.write(RETENTION_KEY, value);
      nextRunAt = 0;
      return value;
    },

    /** The dry run: how many conversations `value` (or the stored setting) would erase at `now`. */
    async preview(value: RetentionSettings | null, now: Date = new Date()): Promise<{ due: number; cutoff: string | null }> {
      const cutoff = retentionCutoff(value ?? (await this.get()), now);
      return { due: cutoff ? await repository.countDueForRetention(cutoff) : 0, cutoff: cutoff?.toISOString() ?? null };
    },

    /**
     * One batch of the retention rule at `now`; answers how many conversations this call erased.
     * Between batches the timer waits; when nothing was left it rests a minute (`force` skips that).
     */
    async sweep(now: Date = new Date(), options: { force?: boolean; batch?: number } = {}): Promise<number> {
      const { force = false, batch = RETENTION_BATCH } = options;
      // One batch at a time per process: a tick that finds one running waits for it instead.
      while (running) await running.catch(() => undefined);
      if (!force && Date.now() < nextRunAt) return 0;
      running = sweepOnce(now, batch);
      try {
        const erased = await running;
        nextRunAt = erased >= batch ? 0 : Date.now() + IDLE_INTERVAL_MS;
        return erased;
      } finally {
        running = null;
      }
    },
  };
};

export type RetentionService = ReturnType<typeof import('./retention').default>;
