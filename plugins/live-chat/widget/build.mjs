// Bundles the visitor widget (E1) into the package's dist/widget/, which the plugin serves:
//   widget.js         the loader the snippet loads with the page (launcher, JS API)
//   chat.<lang>.<hash>.js  the chat in one language, imported on first open (socket.io-client
//                     included); the loader picks the visitor's language, so nobody downloads six
//   *.br, *.gz        each file precompressed, so the server never compresses on a request
//   manifest.json     the files the asset route may serve
// Part of the package's `npm run build`; alone: `node widget/build.mjs` from the package folder.
// Prints the sizes a browser downloads against the budgets of docs/benchmarks.md.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const widgetDir = dirname(fileURLToPath(import.meta.url));
const packageDir = join(widgetDir, '..');
const outDir = join(packageDir, 'dist', 'widget');
const BUDGET = JSON.parse(readFileSync(join(widgetDir, 'budget.json'), 'utf8'));

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

// The languages of widget/src/i18n/languages.ts (read from its source: this script runs before any TypeScript build).
const LANGUAGES = JSON.parse(
  /LANGUAGES = (\[[^\]]*\])/.exec(readFileSync(join(widgetDir, 'src', 'i18n', 'languages.ts'), 'utf8'))[1].replaceAll("'", '"'),
);

/** Resolves the chat's `../i18n/chat-strings` to a module holding one language's strings only. */
const oneLanguage = (language) => ({
  name: 'one-language',
  setup(on) {
    on.onResolve({ filter: /\/i18n\/chat-strings$/ }, () => ({ path: language, namespace: 'chat-strings' }));
    on.onLoad({ filter: /.*/, namespace: 'chat-strings' }, () => ({
      contents: `import { ${language} as strings } from ${JSON.stringify(join(widgetDir, 'src', 'i18n', 'strings.ts'))};\nexport const chatStringsFor = () => strings;\n`,
      loader: 'ts',
      resolveDir: widgetDir,
    }));
  },
});

/** The chat bundle of each language, named by its content's hash. */
const chats = {};
for (const language of LANGUAGES) {
  const chat = await build({ ...common, entryPoints: [join(widgetDir, 'src', 'chat', 'index.ts')], format: 'esm', plugins: [oneLanguage(language)] });
  const code = chat.outputFiles[0].contents;
  chats[language] = { file: `chat.${language}.${createHash('sha256').update(code).digest('hex').slice(0, 12)}.js`, code };
}
const chatFiles = Object.fromEntries(Object.entries(chats).map(([language, chat]) => [language, chat.file]));

const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
const loader = await build({
  ...common,
  entryPoints: [join(widgetDir, 'src', 'loader', 'index.ts')],
  format: 'iife',
  define: { CHAT_FILES: JSON.stringify(chatFiles), WIDGET_VERSION: JSON.stringify(version) },
});
const loaderCode = loader.outputFiles[0].contents;

/** The encodings a file is stored in, smallest first by what browsers accept. */
const compressed = (code) => ({
  br: brotliCompressSync(code, {
    params: {
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: code.length,
    },
  }),
  gz: gzipSync(code, { level: 9 }),
});

// A new build replaces every file: old hashed bundles must not stay servable.
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const sizes = {};
for (const [name, code] of [['widget.js', loaderCode], ...Object.values(chats).map((chat) => [chat.file, chat.code])]) {
  const { br, gz } = compressed(code);
  writeFileSync(join(outDir, name), code);
  writeFileSync(join(outDir, `${name}.br`), br);
  writeFileSync(join(outDir, `${name}.gz`), gz);
  sizes[name] = { raw: code.length, br: br.length, gzip: gz.length };
}
writeFileSync(
  join(outDir, 'manifest.json'),
  `${JSON.stringify({ loader: 'widget.js', chunks: Object.values(chatFiles), chatByLanguage: chatFiles, sizes }, null, 2)}\n`,
);

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const verdict = (size, budget) => (size <= budget ? 'within' : 'OVER');
console.log(`Live Chat widget → ${outDir}`);
for (const [name, size] of Object.entries(sizes)) {
  console.log(`  ${name.padEnd(22)} ${kb(size.raw).padStart(9)} raw ${kb(size.br).padStart(8)} br ${kb(size.gzip).padStart(8)} gzip`);
}
const loaderSize = sizes['widget.js'];
// First open: the loader and the largest language's chat.
const largest = (encoding) => Math.max(...Object.values(chatFiles).map((file) => sizes[file][encoding]));
const firstOpen = { br: loaderSize.br + largest('br'), gzip: loaderSize.gzip + largest('gzip') };
console.log(`  loader as served: ${kb(loaderSize.br)} br / ${kb(loaderSize.gzip)} gzip (${verdict(loaderSize.gzip, BUDGET.loaderBytes)} the ${kb(BUDGET.loaderBytes)} budget)`);
console.log(`  first open as served: ${kb(firstOpen.br)} br / ${kb(firstOpen.gzip)} gzip (${verdict(firstOpen.gzip, BUDGET.firstOpenBytes)} the ${kb(BUDGET.firstOpenBytes)} budget)`);
