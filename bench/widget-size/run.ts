/**
 * What a company page downloads for the visitor widget (E1), measured as served over HTTP: boots the
 * built app (production mode) on a throw-away database, fetches the loader and the chat chunk with
 * each Accept-Encoding a browser sends, and prints the bytes received against the budgets of
 * docs/benchmarks.md. `npm run bench:widget-size`; with BENCH_URL=<a running Strapi> it measures that
 * server instead (a deployment behind a proxy, say).
 */
import { request } from 'node:http';
import { request as httpsRequest } from 'node:https';
import BUDGET from '../../plugins/live-chat/widget/budget.json';
import { bootBenchApp } from '../inbox-list/boot';

const ENCODINGS = [
  ['br (Chrome, Firefox, Safari)', 'gzip, deflate, br, zstd'],
  ['gzip only', 'gzip, deflate'],
  ['none', 'identity'],
] as const;

/** The body's size on the wire (never decompressed here) and the headers that decide it. */
function fetchRaw(url: string, acceptEncoding: string): Promise<{ bytes: Buffer; encoding: string; status: number }> {
  const send = url.startsWith('https:') ? httpsRequest : request;
  return new Promise((resolve, reject) => {
    const req = send(url, { headers: { 'Accept-Encoding': acceptEncoding } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ bytes: Buffer.concat(chunks), encoding: String(response.headers['content-encoding'] ?? 'identity'), status: response.statusCode ?? 0 }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function measure(baseUrl: string): Promise<void> {
  const plainLoader = (await fetchRaw(`${baseUrl}/live-chat/widget.js`, 'identity')).bytes.toString('utf8');
  // One chat per language (E5); the English one is measured (the others differ by a few hundred bytes).
  const chunk = /chat\.en\.[0-9a-f]{12}\.js/.exec(plainLoader)?.[0];
  if (!chunk) throw new Error(`${baseUrl}/live-chat/widget.js names no English chat chunk`);
  console.log(`Widget as served by ${baseUrl} (loader widget.js, chat ${chunk})\n`);
  console.log('| Accept-Encoding | served as | loader | chat | first open | loader ≤ 5 KB | first open ≤ 30 KB |');
  console.log('|---|---|---|---|---|---|---|');
  for (const [name, header] of ENCODINGS) {
    const loader = await fetchRaw(`${baseUrl}/live-chat/widget.js`, header);
    const chat = await fetchRaw(`${baseUrl}/live-chat/widget/assets/${chunk}`, header);
    if (loader.status !== 200 || chat.status !== 200) throw new Error(`HTTP ${loader.status} / ${chat.status}`);
    const firstOpen = loader.bytes.length + chat.bytes.length;
    const verdict = (size: number, budget: number) => (size <= budget ? 'met' : 'missed');
    console.log(
      `| ${name} | ${loader.encoding} | ${kb(loader.bytes.length)} | ${kb(chat.bytes.length)} | ${kb(firstOpen)} | ${verdict(loader.bytes.length, BUDGET.loaderBytes)} | ${verdict(firstOpen, BUDGET.firstOpenBytes)} |`,
    );
  }
}

async function main(): Promise<void> {
  if (process.env.BENCH_URL) return measure(process.env.BENCH_URL.replace(/\/$/, ''));
  const app = await bootBenchApp();
  try {
    await measure(app.baseUrl);
  } finally {
    await app.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
