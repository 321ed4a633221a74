import { z } from 'zod';

/** The plugin's options (config/plugins.ts → 'live-chat'.config), validated at boot. */
export const pluginConfigSchema = z.object({
  redisUrl: z.string(),
  installationFreshnessHours: z.number().int().positive(),
  superAdminSeesAll: z.boolean(),
  /** B9: how often stored wait deadlines are checked, in milliseconds. */
  waitTimeSweepMs: z.number().int().min(100).max(60_000),
  /** B2: how long an online agent stays online after their last inbox tab disconnected. */
  presenceGraceMs: z.number().int().min(0).max(3_600_000),
  /** Origins whose pages may open the visitor socket; "*" allows any. */
  widgetOrigins: z.array(z.string()),
});
export type PluginConfig = z.infer<typeof pluginConfigSchema>;

export default {
  default: {
    redisUrl: '',
    installationFreshnessHours: 72,
    superAdminSeesAll: true,
    waitTimeSweepMs: 1000,
    presenceGraceMs: 30_000,
    widgetOrigins: ['*'],
  } satisfies PluginConfig,
  validator(config: unknown) {
    const result = pluginConfigSchema.safeParse(config);
    if (!result.success) {
      throw new Error(`Invalid live-chat plugin config: ${result.error.message}`);
    }
  },
};
