import { request as httpRequest } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import BUDGET from '../../plugins/live-chat/widget/budget.json';
import { bootStrapi, type TestApp } from '../harness/strapi';
import { listen } from '../harness/sockets';

/**
 * E1, G1: what a browser downloads for the widget, measured as served over HTTP: the precompressed
 * copy chosen by Accept-Encoding, with the headers caches and browsers need, within the budgets of
 * docs/benchmarks.md (loader ≤ 5 KB, everything on first open ≤ 30 KB).
 */

interface Served {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The bytes on the wire, as received (no client-side decompression). */
  bytes: Buffer;
}

let app: TestApp;
let baseUrl: string;

/** A raw GET: unlike supertest, node's http client leaves the body exactly as it came. */
function get(path: string, headers: Record<string, string> = {}): Promise<Served> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${baseUrl}${path}`, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, bytes: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end();
  });
}

const decode = (served: Served): string => {
  const encoding = served.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(served.bytes).toString('utf8');
  if (encoding === 'gzip') return gunzipSync(served.bytes).toString('utf8');
  return served.bytes.toString('utf8');
};

/** The chat chunks the served loader may import on first open: one per language (E5). */
const chunksOf = (loader: string): string[] => {
  const names = [...new Set(loader.match(/chat\.[a-z]{2}\.[0-9a-f]{12}\.js/g) ?? [])];
  if (names.length === 0) throw new Error('The loader names no chat chunk');
  return names;
};
const chunkOf = (loader: string): string => chunksOf(loader)[0]!;

beforeAll(async () => {
  app = await bootStrapi();
  baseUrl = await listen(app);
});
afterAll(async () => {
  await app.stop();
});

describe.each([
  // [what the browser sends, the copy it must get]
  ['gzip, deflate, br, zstd', 'br'], // Chrome's header: equal q-values, so the smallest copy
  ['br', 'br'],
  ['gzip, deflate', 'gzip'],
  ['gzip;q=0.5, br;q=1.0', 'br'],
  ['gzip;q=1.0, br;q=0.5', 'gzip'], // the browser's preference wins over ours
])('the widget served for Accept-Encoding "%s"', (acceptEncoding, expected) => {

  it('is the precompressed copy, with Vary and the exact Content-Length', async () => {
    const loader = await get('/live-chat/widget.js', { 'Accept-Encoding': acceptEncoding });
    expect(loader.status).toBe(200);
    expect(loader.headers['content-encoding']).toBe(expected);
    expect(String(loader.headers.vary)).toMatch(/Accept-Encoding/i);
    expect(Number(loader.headers['content-length'])).toBe(loader.bytes.length);
    expect(loader.headers['content-type']).toBe('application/javascript; charset=utf-8');

    const chunk = await get(`/live-chat/widget/assets/${chunkOf(decode(loader))}`, { 'Accept-Encoding': acceptEncoding });
    expect(chunk.status).toBe(200);
    expect(chunk.headers['content-encoding']).toBe(expected);
    expect(Number(chunk.headers['content-length'])).toBe(chunk.bytes.length);
  });

  it('stays within the budgets as downloaded, in every language', async () => {
    const loader = await get('/live-chat/widget.js', { 'Accept-Encoding': acceptEncoding });
    expect(loader.bytes.length).toBeLessThanOrEqual(BUDGET.loaderBytes);
    const chunks = chunksOf(decode(loader));
    expect(chunks).toHaveLength(6);
    for (const name of chunks) {
      const chunk = await get(`/live-chat/widget/assets/${name}`, { 'Accept-Encoding': acceptEncoding });
      expect({ name, firstOpen: loader.bytes.length + chunk.bytes.length <= BUDGET.firstOpenBytes }).toEqual({ name, firstOpen: true });
    }
  });
});

describe('the widget for a client that accepts no compression', () => {
  it('is the plain file, identical to what the compressed copies decode to', async () => {
    const plain = await get('/live-chat/widget.js', { 'Accept-Encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(String(plain.headers.vary)).toMatch(/Accept-Encoding/i);
    expect(Number(plain.headers['content-length'])).toBe(plain.bytes.length);
    const text = plain.bytes.toString('utf8');
    expect(decode(await get('/live-chat/widget.js', { 'Accept-Encoding': 'br' }))).toBe(text);
    expect(decode(await get('/live-chat/widget.js', { 'Accept-Encoding': 'gzip' }))).toBe(text);
    // An encoding refused with q=0 is never sent, and a request without the header gets the plain file.
    expect((await get('/live-chat/widget.js', { 'Accept-Encoding': 'br;q=0, gzip;q=0' })).headers['content-encoding']).toBeUndefined();
    expect((await get('/live-chat/widget.js')).headers['content-encoding']).toBeUndefined();
  });

  it('gives each encoding its own ETag, so a cache never revalidates one copy with another', async () => {
    const tags = new Set<string>();
    for (const encoding of ['br', 'gzip', 'identity']) {
      const served = await get('/live-chat/widget.js', { 'Accept-Encoding': encoding });
      tags.add(String(served.headers.etag));
      const again = await get('/live-chat/widget.js', { 'Accept-Encoding': encoding, 'If-None-Match': String(served.headers.etag) });
      expect({ encoding, status: again.status }).toEqual({ encoding, status: 304 });
    }
    expect(tags.size).toBe(3);
  });
});
