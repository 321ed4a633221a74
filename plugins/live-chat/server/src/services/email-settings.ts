import type { Core } from '@strapi/strapi';
import { DEFAULT_EMAIL_SETTINGS, emailSettingsChangesSchema, emailSettingsSchema, type EmailSettings } from '../../../shared/contracts/email';
import { createPluginSettings } from '../repositories/plugin-settings';
import { parseOrThrow } from '../validation';

const KEY = 'email';

/** G8: the company's email settings (plugin-settings key `email`). */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const store = createPluginSettings(strapi);

  return {
    /** The stored settings over the defaults; a stored value that no longer validates falls back to the defaults. */
    async get(): Promise<EmailSettings> {
      const stored = await store.read(KEY, DEFAULT_EMAIL_SETTINGS);
      const parsed = emailSettingsSchema.safeParse(stored);
      return parsed.success ? parsed.data : { ...DEFAULT_EMAIL_SETTINGS };
    },

    /** Applies changes (400 with field errors when any is invalid) and answers the stored settings. */
    async set(changes: unknown): Promise<EmailSettings> {
      const valid = parseOrThrow(emailSettingsChangesSchema, changes, 'Invalid email settings');
      const next = { ...(await this.get()), ...valid, ...normalized(valid) };
      await store.write(KEY, next);
      return next;
    },
  };
};

/** Addresses are stored lower-case and trimmed, as visitor emails are. */
const normalized = (changes: Partial<EmailSettings>): Partial<EmailSettings> => ({
  ...(changes.teamAddress !== undefined ? { teamAddress: changes.teamAddress.trim().toLowerCase() } : {}),
  ...(changes.fromAddress !== undefined ? { fromAddress: changes.fromAddress.trim() } : {}),
});
