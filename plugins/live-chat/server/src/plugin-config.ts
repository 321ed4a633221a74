import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../../shared/constants';
import type { PluginConfig } from './config';

/** The plugin's validated options (config/plugins.ts). */
export const pluginConfig = (strapi: Core.Strapi): PluginConfig => strapi.config.get(`plugin::${PLUGIN_ID}`) as PluginConfig;
