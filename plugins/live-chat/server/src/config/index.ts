import type { env } from '@strapi/utils';
import { z } from 'zod';
import { ACTING_AGENT_POLICIES, type ActingAgents } from '../acting-agents';
import {
  ATTACHMENT_TYPE_NAMES,
  DEFAULT_ATTACHMENT_MAX_BYTES,
  DEFAULT_ATTACHMENT_TYPES,
  type AttachmentType,
} from '../../../shared/domain/attachments';

/** G4: which files may be sent in a chat. Only types the plugin can recognise from their bytes. */
const attachmentOptionsSchema = z.strictObject({
  /** Detected (not declared) MIME types accepted; [] turns attachments off. */
  allowedTypes: z.array(z.enum(ATTACHMENT_TYPE_NAMES)).optional(),
  /** Largest file accepted, in bytes (at most 1 GB). */
  maxFileSize: z.number().int().min(1).max(1024 * 1024 * 1024).optional(),
});
export type AttachmentSettings = { allowedTypes: AttachmentType[]; maxFileSize: number };

/** The plugin's options (config/plugins.ts → 'live-chat'.config), validated at boot. */
export const pluginConfigSchema = z.object({
  /** F3: join several Strapi processes (Socket.IO Redis adapter, shared rate limits); '' = one process. */
  redisUrl: z.string(),
  /** A5: how recent a widget report must be for a playbook to count as embedded. */
  installationFreshnessHours: z.number().int().positive(),
  /** B6: whether super admins see conversations assigned to others. */
  superAdminSeesAll: z.boolean(),
  /** B9: how often stored wait deadlines are checked, in milliseconds. */
  waitTimeSweepMs: z.number().int().min(100).max(60_000),
  /** B2: how long an online agent stays online after their last inbox tab disconnected. */
  presenceGraceMs: z.number().int().min(0).max(3_600_000),
  /** G8: the wait before the second attempt at an email the provider refused (doubled each time after). */
  emailRetryBaseMs: z.number().int().min(100).max(86_400_000),
  /** Origins whose pages may use the widget and open the visitor socket; "*" allows any. */
  widgetOrigins: z.array(z.string()).optional(),
  /** F1: whom an integration may act as through `actingAgentId` (see actingAgentsOf). */
  actingAgents: z.union([z.enum(ACTING_AGENT_POLICIES), z.array(z.email())]).optional(),
  /** G4: the allow-list and size limit of chat attachments (see attachmentsOf). */
  attachments: attachmentOptionsSchema.optional(),
});
export type PluginOptions = z.infer<typeof pluginConfigSchema>;
export type PluginConfig = Required<Omit<PluginOptions, 'actingAgents' | 'attachments'>> & {
  actingAgents: ActingAgents;
  attachments: AttachmentSettings;
};

/** Strapi's `env` helper, as it hands it to a plugin's default config. */
type Env = typeof env;

/**
 * The defaults, read from the environment so an app needs no config at all (each variable is the
 * README's). `widgetOrigins` and `actingAgents` have no default here: Strapi merges a plugin's
 * defaults into the app's options with lodash `defaultsDeep`, which fills arrays index by index, so
 * a default ['*'] would turn an app's `[]` into ['*']. `widgetOriginsOf` and `actingAgentsOf` supply
 * them instead.
 */
const defaults = (env: Env): Omit<PluginConfig, 'widgetOrigins' | 'actingAgents' | 'attachments'> => ({
  redisUrl: env('REDIS_URL', ''),
  installationFreshnessHours: env.int('LIVE_CHAT_INSTALLATION_FRESHNESS_HOURS', 72),
  superAdminSeesAll: env.bool('LIVE_CHAT_SUPER_ADMIN_SEES_ALL', true),
  waitTimeSweepMs: env.int('LIVE_CHAT_WAIT_TIME_SWEEP_MS', 1000),
  presenceGraceMs: env.int('LIVE_CHAT_PRESENCE_GRACE_MS', 30_000),
  emailRetryBaseMs: env.int('LIVE_CHAT_EMAIL_RETRY_MS', 60_000),
});

/**
 * The widget's allowed origins: the app's option, else LIVE_CHAT_WIDGET_ORIGINS (comma-separated),
 * else any origin in development and none in production (a site must be named to go live).
 */
export function widgetOriginsOf(options: PluginOptions, env: NodeJS.ProcessEnv = process.env): string[] {
  if (options.widgetOrigins) return options.widgetOrigins;
  const listed = env.LIVE_CHAT_WIDGET_ORIGINS?.split(',').map((origin) => origin.trim()).filter(Boolean);
  if (listed) return listed;
  return env.NODE_ENV === 'production' ? [] : ['*'];
}

/**
 * Whom integrations may act as: the app's option, else LIVE_CHAT_ACTING_AGENTS ("any",
 * "non-super-admins" or comma-separated emails), else any agent.
 */
export function actingAgentsOf(options: PluginOptions, env: NodeJS.ProcessEnv = process.env): ActingAgents {
  if (options.actingAgents) return options.actingAgents;
  const raw = env.LIVE_CHAT_ACTING_AGENTS?.trim();
  if (!raw) return 'any';
  if ((ACTING_AGENT_POLICIES as readonly string[]).includes(raw)) return raw as ActingAgents;
  return raw.split(',').map((email) => email.trim()).filter(Boolean);
}

/**
 * G4: the attachment rules: the app's options, else LIVE_CHAT_ATTACHMENT_TYPES (comma-separated
 * MIME types) and LIVE_CHAT_ATTACHMENT_MAX_BYTES, else every recognised type and 10 MB. Resolved
 * here, not in `defaults`, for the same array-merging reason as widgetOrigins.
 */
export function attachmentsOf(options: PluginOptions, env: NodeJS.ProcessEnv = process.env): AttachmentSettings {
  const listed = env.LIVE_CHAT_ATTACHMENT_TYPES?.split(',').map((type) => type.trim()).filter(Boolean);
  const fromEnv = attachmentOptionsSchema.parse({
    allowedTypes: listed,
    maxFileSize: env.LIVE_CHAT_ATTACHMENT_MAX_BYTES ? Number(env.LIVE_CHAT_ATTACHMENT_MAX_BYTES) : undefined,
  });
  return {
    allowedTypes: options.attachments?.allowedTypes ?? fromEnv.allowedTypes ?? [...DEFAULT_ATTACHMENT_TYPES],
    maxFileSize: options.attachments?.maxFileSize ?? fromEnv.maxFileSize ?? DEFAULT_ATTACHMENT_MAX_BYTES,
  };
}

export default {
  default: ({ env }: { env: Env }) => defaults(env),
  validator(config: unknown) {
    const result = pluginConfigSchema.safeParse(config);
    if (!result.success) {
      throw new Error(`Invalid live-chat plugin config: ${result.error.message}`);
    }
  },
};
