import { PLUGIN_ID } from '../../shared/constants';

/** Builds a translation id in the plugin's namespace. */
export const t = (key: string) => `${PLUGIN_ID}.${key}`;
