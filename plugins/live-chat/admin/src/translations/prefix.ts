import { PLUGIN_ID } from '../../../shared/constants';

/** Strapi's admin keeps one message table for all plugins; ours are prefixed with the plugin id. */
export const prefixTranslations = (messages: Record<string, string>) =>
  Object.fromEntries(Object.entries(messages).map(([key, value]) => [`${PLUGIN_ID}.${key}`, value]));
