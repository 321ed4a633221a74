import path from 'node:path';

export default async function globalSetup() {
  // Unit-only runs (tests/unit) need no Strapi and so no compile.
  if (process.env.LIVE_CHAT_SKIP_COMPILE === 'true') return;
  const root = path.resolve(__dirname, '..', '..');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { compileServer } = require(path.join(root, 'scripts', 'lib', 'compile.cjs'));
  compileServer(root);
}
