import { execFileSync } from 'node:child_process';
import path from 'node:path';

export default async function globalSetup() {
  // Unit-only runs (tests/unit) need no Strapi and so no build.
  if (process.env.LIVE_CHAT_SKIP_COMPILE === 'true') return;
  const root = path.resolve(__dirname, '..', '..');
  // What `npm start` serves: the compiled server, the widget bundle and the admin panel (the inbox
  // browser tests need it; LIVE_CHAT_SKIP_ADMIN_BUILD=true leaves it out for API/socket/widget work).
  // Each is rebuilt only when its sources changed (scripts/lib/build.mjs keeps stamps). A child
  // process, because build.mjs is an ES module and this file is compiled to CommonJS.
  const admin = process.env.LIVE_CHAT_SKIP_ADMIN_BUILD !== 'true';
  execFileSync(
    process.execPath,
    ['--input-type=module', '-e', `import('./scripts/lib/build.mjs').then((m) => m.buildApp(process.cwd(), { admin: ${admin} }))`],
    { cwd: root, stdio: 'inherit' },
  );
}
