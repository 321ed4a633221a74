import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../../../shared/constants';

/**
 * Company-wide settings of the plugin (CSAT, retention, assignment, email…), one JSON value per key
 * in Strapi's own store (the `strapi_core_store_settings` table), so every process reads the same
 * value and no content type is needed for a handful of options. Each feature owns its key and
 * validates what it writes; a missing or unreadable value falls back to the feature's defaults.
 */
export const createPluginSettings = (strapi: Core.Strapi) => {
  const store = strapi.store({ type: 'plugin', name: PLUGIN_ID });

  return {
    /** The stored value of `key` merged over `defaults` (keys the defaults do not name are dropped). */
    async read<T extends object>(key: string, defaults: T): Promise<T> {
      const stored = await store.get({ key });
      if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return { ...defaults };
      const merged: Record<string, unknown> = { ...(defaults as Record<string, unknown>) };
      for (const name of Object.keys(defaults)) {
        if (name in stored) merged[name] = (stored as Record<string, unknown>)[name];
      }
      return merged as T;
    },
    /** Replaces the value of `key` (already validated by its feature). */
    async write<T extends object>(key: string, value: T): Promise<void> {
      await store.set({ key, value });
    },
  };
};

export type PluginSettings = ReturnType<typeof createPluginSettings>;
