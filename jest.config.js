/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  // The scale-out suite needs PostgreSQL and Redis; it runs only when asked (LIVE_CHAT_SCALE_TESTS=true).
  // So does the install suite (npm registry, ~6 minutes: LIVE_CHAT_INSTALL_TESTS=true).
  testPathIgnorePatterns: [
    '/node_modules/',
    '/dist/',
    ...(process.env.LIVE_CHAT_SCALE_TESTS === 'true' ? [] : ['/tests/scale/']),
    ...(process.env.LIVE_CHAT_INSTALL_TESTS === 'true' ? [] : ['/tests/install/']),
  ],
  transform: {
    '^.+\\.tsx?$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  // Compiles the app and the plugin once, so each test file boots the same JavaScript Strapi runs.
  globalSetup: '<rootDir>/tests/harness/global-setup.ts',
  testTimeout: 60_000,
  maxWorkers: 2,
};
