// Bundles the visitor widget (E1) into plugins/live-chat/dist/widget/, which the plugin serves:
//   widget.js         the loader the snippet loads with the page (launcher, JS API; budget 5 KB gzip)
//   chat.<hash>.js    the chat, imported on first open (socket.io-client included; budget 30 KB gzip)
//   manifest.json     the files the asset route may serve
// Run from the repo root: `node widget/build.mjs` (or `npm run build -w widget`). Prints the sizes.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const widgetDir = dirname(fileURLToPath(import.meta.url));
const outDir = join(widgetDir, '..', 'plugins', 'live-chat', 'dist', 'widget');
const STAMP = '.live-chat-widget-stamp';
const BUDGET = { loader: 5 * 1024, chat: 30 * 1024 };

const common = {
  bundle: true,
  minify: true,
  write: false,
  platform: 'browser',
  // Browsers with shadow DOM, adoptedStyleSheets fallback, dynamic import and optional chaining.
  target: 'es2020',
  legalComments: 'none',
  logLevel: 'warning',
  tsconfig: join(widgetDir, 'tsconfig.json'),
};

const chat = await build({ ...common, entryPoints: [join(widgetDir, 'src', 'chat', 'index.ts')], format: 'esm' });
const chatCode = chat.outputFiles[0].contents;
const chatFile = `chat.${createHash('sha256').update(chatCode).digest('hex').slice(0, 12)}.js`;

const version = JSON.parse(await import('node:fs').then((fs) => fs.readFileSync(join(widgetDir, 'package.json'), 'utf8'))).version;
const loader = await build({
  ...common,
  entryPoints: [join(widgetDir, 'src', 'loader', 'index.ts')],
  format: 'iife',
  define: { CHAT_FILE: JSON.stringify(chatFile), WIDGET_VERSION: JSON.stringify(version) },
});
const loaderCode = loader.outputFiles[0].contents;

// Old hashed bundles go; the stamp (written by scripts/lib/build.mjs) stays.
mkdirSync(outDir, { recursive: true });
for (const name of readdirSync(outDir)) if (name !== STAMP) rmSync(join(outDir, name), { recursive: true, force: true });
writeFileSync(join(outDir, chatFile), chatCode);
writeFileSync(join(outDir, 'widget.js'), loaderCode);
writeFileSync(join(outDir, 'manifest.json'), `${JSON.stringify({ loader: 'widget.js', chunks: [chatFile] }, null, 2)}\n`);

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const rows = [
  ['widget.js (loads with the page)', loaderCode, BUDGET.loader],
  [`${chatFile} (loads on first open)`, chatCode, BUDGET.chat],
];
console.log('Live Chat widget → plugins/live-chat/dist/widget/');
for (const [name, code, budget] of rows) {
  const gzip = gzipSync(code, { level: 9 }).length;
  const verdict = gzip <= budget ? 'within' : 'OVER';
  console.log(`  ${name.padEnd(40)} ${kb(code.length).padStart(9)} raw ${kb(gzip).padStart(9)} gzip  (${verdict} the ${kb(budget)} budget)`);
}
