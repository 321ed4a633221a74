import { env } from '@strapi/utils';
import pluginConfig, { actingAgentsOf, widgetOriginsOf } from '../../plugins/live-chat/server/src/config';
import { mayActAs } from '../../plugins/live-chat/server/src/acting-agents';
import defaultsDeep from 'lodash/fp/defaultsDeep';

/** What Strapi does with the plugin's defaults and the app's options (loaders/plugins applyUserConfig). */
const merged = (appOptions: Record<string, unknown>) => defaultsDeep(pluginConfig.default({ env }), appOptions);

describe('the plugin options (config/plugins.ts)', () => {
  it('accepts the defaults', () => {
    expect(() => pluginConfig.validator(pluginConfig.default({ env }))).not.toThrow();
  });

  it('refuses a non-positive installation freshness window (A5)', () => {
    expect(() => pluginConfig.validator(merged({ installationFreshnessHours: 0 }))).toThrow(/installationFreshnessHours/);
  });

  it('refuses a wrongly typed option instead of guessing', () => {
    expect(() => pluginConfig.validator(merged({ superAdminSeesAll: 'yes' }))).toThrow(/superAdminSeesAll/);
  });

  it('reads its defaults from the environment, so an app may configure nothing', () => {
    const saved = process.env.LIVE_CHAT_PRESENCE_GRACE_MS;
    process.env.LIVE_CHAT_PRESENCE_GRACE_MS = '1234';
    try {
      expect(merged({}).presenceGraceMs).toBe(1234);
      expect(merged({ presenceGraceMs: 5 }).presenceGraceMs).toBe(5);
    } finally {
      if (saved === undefined) delete process.env.LIVE_CHAT_PRESENCE_GRACE_MS;
      else process.env.LIVE_CHAT_PRESENCE_GRACE_MS = saved;
    }
  });
});

describe('the widget origins (E1, E4)', () => {
  it('keeps an app\'s empty list empty: Strapi\'s merge must not fill it with a default "*"', () => {
    expect(widgetOriginsOf(merged({ widgetOrigins: [] }), {})).toEqual([]);
    expect(widgetOriginsOf(merged({ widgetOrigins: ['https://shop.example'] }), {})).toEqual(['https://shop.example']);
  });

  it('falls back to LIVE_CHAT_WIDGET_ORIGINS, then to any origin in development and none in production', () => {
    const options = merged({});
    expect(widgetOriginsOf(options, { LIVE_CHAT_WIDGET_ORIGINS: 'https://a.example, https://b.example' })).toEqual([
      'https://a.example',
      'https://b.example',
    ]);
    expect(widgetOriginsOf(options, { NODE_ENV: 'development' })).toEqual(['*']);
    expect(widgetOriginsOf(options, { NODE_ENV: 'production' })).toEqual([]);
  });
});

describe('whom integrations may act as (F1, actingAgents)', () => {
  const admin = { email: 'Root@Example.com', isSuperAdmin: true };
  const agent = { email: 'ada@example.com', isSuperAdmin: false };

  it('lets an integration act as any agent by default, super admins included', () => {
    expect(actingAgentsOf(merged({}), {})).toBe('any');
    expect(mayActAs('any', admin)).toBe(true);
  });

  it('keeps super admins out with "non-super-admins", and limits to the listed emails (case-insensitive) with a list', () => {
    expect([mayActAs('non-super-admins', admin), mayActAs('non-super-admins', agent)]).toEqual([false, true]);
    expect([mayActAs(['root@example.com'], admin), mayActAs(['root@example.com'], agent)]).toEqual([true, false]);
    expect(mayActAs([], agent)).toBe(false);
  });

  it('reads LIVE_CHAT_ACTING_AGENTS when the app sets nothing, and keeps an app\'s list as it is', () => {
    expect(actingAgentsOf(merged({}), { LIVE_CHAT_ACTING_AGENTS: 'non-super-admins' })).toBe('non-super-admins');
    expect(actingAgentsOf(merged({}), { LIVE_CHAT_ACTING_AGENTS: 'a@example.com, b@example.com' })).toEqual(['a@example.com', 'b@example.com']);
    expect(actingAgentsOf(merged({ actingAgents: ['c@example.com'] }), { LIVE_CHAT_ACTING_AGENTS: 'any' })).toEqual(['c@example.com']);
  });

  it('refuses an unknown policy or a non-email in the list at boot', () => {
    expect(() => pluginConfig.validator(merged({ actingAgents: 'everyone' }))).toThrow(/actingAgents/);
    expect(() => pluginConfig.validator(merged({ actingAgents: ['not an email'] }))).toThrow(/actingAgents/);
  });
});
