import pluginConfig from '../../plugins/live-chat/server/src/config';

describe('the plugin options (config/plugins.ts)', () => {
  it('accepts the defaults', () => {
    expect(() => pluginConfig.validator(pluginConfig.default)).not.toThrow();
  });

  it('refuses a non-positive installation freshness window (A5)', () => {
    expect(() => pluginConfig.validator({ ...pluginConfig.default, installationFreshnessHours: 0 })).toThrow(
      /installationFreshnessHours/,
    );
  });

  it('refuses a wrongly typed option instead of guessing', () => {
    expect(() => pluginConfig.validator({ ...pluginConfig.default, superAdminSeesAll: 'yes' })).toThrow(
      /superAdminSeesAll/,
    );
  });
});
