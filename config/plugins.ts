import type { Core } from '@strapi/strapi';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => ({
  // G8: the live-chat plugin sends its emails through Strapi's email plugin, with whatever provider
  // is configured here. The demo uses SMTP (nodemailer); without SMTP_HOST it points at a local
  // mail catcher on 127.0.0.1:1025 (e.g. Mailpit), so the app starts with nothing to set up and
  // queued emails wait in the plugin's outbox (retried with backoff) until one listens.
  email: {
    config: {
      provider: 'nodemailer',
      providerOptions: {
        host: env('SMTP_HOST', '127.0.0.1'),
        port: env.int('SMTP_PORT', 1025),
        secure: env.bool('SMTP_SECURE', false),
        // A local catcher speaks plain SMTP; a real relay with SMTP_HOST set gets STARTTLS when offered.
        ignoreTLS: env.bool('SMTP_IGNORE_TLS', !env('SMTP_HOST')),
        ...(env('SMTP_USERNAME') ? { auth: { user: env('SMTP_USERNAME'), pass: env('SMTP_PASSWORD') } } : {}),
      },
      settings: {
        defaultFrom: env('EMAIL_FROM', 'Live Chat <no-reply@example.com>'),
        defaultReplyTo: env('EMAIL_REPLY_TO', env('EMAIL_FROM', 'no-reply@example.com')),
      },
    },
  },
  'users-permissions': {
    config: {
      jwtSecret: env('JWT_SECRET'),
    },
  },
  // G1: Swagger UI at /documentation and the generated OpenAPI document. Strapi documents upload and
  // users-permissions by default; a plugin such as live-chat is documented only when listed here.
  documentation: {
    enabled: true,
    config: {
      info: { version: '1.0.0', title: 'Live Chat for Strapi (demo app)' },
      'x-strapi-config': { plugins: ['upload', 'users-permissions', 'live-chat'] },
    },
  },
  'live-chat': {
    // The package strapi-plugin-live-chat, found in node_modules like any user's plugin.
    enabled: true,
    config: {
      // Socket.IO scale-out (F3): set REDIS_URL to join several Strapi processes.
      redisUrl: env('REDIS_URL', ''),
      // A4/A5: how long since the widget last reported from a page before a playbook counts as not embedded.
      installationFreshnessHours: env.int('LIVE_CHAT_INSTALLATION_FRESHNESS_HOURS', 72),
      // B6: whether super admins see every conversation, including those assigned to others.
      superAdminSeesAll: env.bool('LIVE_CHAT_SUPER_ADMIN_SEES_ALL', true),
      // B9: how often stored wait deadlines are swept, in milliseconds.
      waitTimeSweepMs: env.int('LIVE_CHAT_WAIT_TIME_SWEEP_MS', 1000),
      // B2: grace period after an agent's last inbox tab closed before they count as offline.
      presenceGraceMs: env.int('LIVE_CHAT_PRESENCE_GRACE_MS', 30_000),
      // Origins of the sites that embed the widget (comma-separated); "*" allows any. Set it in production.
      widgetOrigins: env.array('LIVE_CHAT_WIDGET_ORIGINS', env('NODE_ENV') === 'production' ? [] : ['*']),
    },
  },
});

export default config;
