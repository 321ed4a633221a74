import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../../../shared/constants';
import { actionDocumentation } from './actions';
import { contentTypeSchemas } from './content-types';
import { personalDataDocumentation } from './personal-data';

/**
 * G1: the plugin's part of the OpenAPI document Strapi's documentation plugin generates. Strapi lists
 * the core routes of every exposed type from `routes['content-api']`; the plugin adds what Strapi
 * cannot know (the actions, and schemas true to what the API answers) as an override, the mechanism
 * Strapi's own upload and users-permissions plugins use.
 */
export function contentApiDocumentation() {
  const actions = actionDocumentation();
  const personalData = personalDataDocumentation();
  return {
    paths: { ...actions.paths, ...personalData.paths },
    components: { schemas: { ...contentTypeSchemas(), ...actions.components.schemas, ...personalData.schemas } },
  };
}

interface DocumentationOverrideService {
  registerOverride(override: object, options: { pluginOrigin: string }): void;
}

/**
 * Registers the override when the app has the documentation plugin (it is optional); it applies when
 * the app lists `live-chat` in that plugin's `x-strapi-config.plugins` (docs/api.md).
 */
export function registerDocumentation(strapi: Core.Strapi): void {
  const documentation = strapi.plugin('documentation');
  if (!documentation) return;
  const overrides = documentation.service('override') as DocumentationOverrideService;
  overrides.registerOverride(contentApiDocumentation(), { pluginOrigin: PLUGIN_ID });
}
