/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests', '<rootDir>/widget'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
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
