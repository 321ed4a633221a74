import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../../shared/constants';
import { actingAgentsOf, attachmentsOf, widgetOriginsOf, type PluginConfig, type PluginOptions } from './config';

/** The plugin's validated options (config/plugins.ts, else the environment's defaults). */
export const pluginConfig = (strapi: Core.Strapi): PluginConfig => {
  const options = strapi.config.get(`plugin::${PLUGIN_ID}`) as PluginOptions;
  return {
    ...options,
    widgetOrigins: widgetOriginsOf(options),
    actingAgents: actingAgentsOf(options),
    attachments: attachmentsOf(options),
  };
};
