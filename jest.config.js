/**
 * G4: `file-type` (the attachment type sniffer) and the packages it imports are ES modules only.
 * The plugin loads it with a dynamic import(), which Node runs natively but jest only with
 * --experimental-vm-modules; under jest, they and the plugin's built server are compiled to
 * CommonJS instead (import() becomes require()).
 */
const ESM_ONLY = ['file-type', 'strtok3', 'token-types', '@tokenizer/inflate', 'uint8array-extras', '@borewit/text-codec'];
const toCommonJs = ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }];

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
    // Three processes behind HAProxy, kills and a Redis outage (issue 19): LIVE_CHAT_CLUSTER_TESTS=true.
    ...(process.env.LIVE_CHAT_CLUSTER_TESTS === 'true' ? [] : ['/tests/cluster/']),
    ...(process.env.LIVE_CHAT_INSTALL_TESTS === 'true' ? [] : ['/tests/install/']),
    // CI's PostgreSQL run: the browser tests drive the same screens on either database, and they
    // already ran on SQLite; the API, socket and unit tests are what differ per database.
    ...(process.env.LIVE_CHAT_SKIP_BROWSER_TESTS === 'true' ? ['/tests/e2e/'] : []),
  ],
  transform: {
    '^.+\\.tsx?$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
    [`/node_modules/(${ESM_ONLY.join('|')})/.+\\.js$`]: toCommonJs,
    '/plugins/live-chat/dist/server/[^/]+\\.js$': toCommonJs,
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY.join('|')})/)`],
  // file-type's package exports name no `require` condition; point jest at its Node entry.
  moduleNameMapper: { '^file-type$': '<rootDir>/node_modules/file-type/index.js' },
  // Compiles the app and the plugin once, so each test file boots the same JavaScript Strapi runs.
  globalSetup: '<rootDir>/tests/harness/global-setup.ts',
  testTimeout: 60_000,
  maxWorkers: 2,
};
