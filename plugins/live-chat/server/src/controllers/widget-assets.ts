import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import Negotiator from 'negotiator';
import { notFound } from '../errors';
import { pluginConfig } from '../plugin-config';
import { isAllowedWidgetOrigin } from '../widget-origins';

/** The widget bundle (widget/build.mjs writes it): this file is bundled into dist/server/, beside dist/widget. */
const WIDGET_DIR = fileURLToPath(new URL(/* @vite-ignore */ '../widget/', import.meta.url));
/** The loader keeps one URL for the snippet, so it may only be cached briefly (ETag revalidates). */
const LOADER_CACHE = 'public, max-age=300, must-revalidate';
/** Chunks are named by their content hash: a new build is a new URL. */
const CHUNK_CACHE = 'public, max-age=31536000, immutable';
const CHUNK_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)*\.js$/;

/** The encodings each file is stored in (widget/build.mjs), in the order they are preferred. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
  { name: 'identity', suffix: '' },
] as const;
type Encoding = (typeof ENCODINGS)[number]['name'];

interface Representation {
  body: Buffer;
  etag: string;
}
interface Asset {
  mtimeMs: number;
  /** The file as built, and each precompressed copy the build wrote. */
  representations: Partial<Record<Encoding, Representation>>;
}
const cache = new Map<string, Asset>();

function representation(file: string, encoding: Encoding): Representation | undefined {
  const stat = statSync(file, { throwIfNoEntry: false });
  if (!stat?.isFile()) return undefined;
  const body = readFileSync(file);
  // A strong ETag names one representation: the encodings of one file must not share it.
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 27);
  return { body, etag: `"${hash}${encoding === 'identity' ? '' : `-${encoding}`}"` };
}

/** A built file and its compressed copies, re-read when the build rewrote it; null when it does not exist. */
function readAsset(name: string): Asset | null {
  const file = path.join(WIDGET_DIR, name);
  const stat = statSync(file, { throwIfNoEntry: false });
  if (!stat?.isFile()) return null;
  const cached = cache.get(name);
  if (cached && cached.mtimeMs === stat.mtimeMs) return cached;
  const representations: Asset['representations'] = {};
  for (const { name: encoding, suffix } of ENCODINGS) {
    const found = representation(file + suffix, encoding);
    if (found) representations[encoding] = found;
  }
  const asset = { mtimeMs: stat.mtimeMs, representations };
  cache.set(name, asset);
  return asset;
}

/** The chunk file names of the current build (its manifest): the only files the asset route serves. */
function chunkNames(): string[] {
  const manifest = readAsset('manifest.json')?.representations.identity;
  if (!manifest) return [];
  try {
    const parsed = JSON.parse(manifest.body.toString('utf8')) as { chunks?: unknown };
    return Array.isArray(parsed.chunks) ? parsed.chunks.filter((c): c is string => typeof c === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * Whether a page of `origin` may use the widget (LIVE_CHAT_WIDGET_ORIGINS, as for the visitor
 * socket): "*" allows any; an empty list (the production default) allows no browser page; a request
 * without Origin is not a browser page (it could forge the header anyway) and passes.
 */
export function isWidgetOriginAllowed(strapi: Core.Strapi, origin: string | undefined): boolean {
  return isAllowedWidgetOrigin(pluginConfig(strapi).widgetOrigins, origin);
}

/**
 * CORS for the widget's routes with the widget allow-list: an allowed site's origin is echoed; for
 * any other the CORS headers Strapi's global middleware may have set are removed. Returns whether
 * the origin is allowed.
 */
export function applyWidgetCors(strapi: Core.Strapi, ctx: Context): boolean {
  const origin = ctx.get('Origin') || undefined;
  ctx.vary('Origin');
  if (origin && isWidgetOriginAllowed(strapi, origin)) {
    ctx.set('Access-Control-Allow-Origin', origin);
    ctx.remove('Access-Control-Allow-Credentials'); // the widget sends no cookies
    return true;
  }
  ctx.remove('Access-Control-Allow-Origin');
  ctx.remove('Access-Control-Allow-Credentials');
  return !origin;
}

function serve(strapi: Core.Strapi, ctx: Context, asset: Asset, cacheControl: string): void {
  applyWidgetCors(strapi, ctx);
  // Loaded by pages of other sites: a same-origin resource policy set by the app must not block it.
  ctx.set('Cross-Origin-Resource-Policy', 'cross-origin');
  ctx.set('Cache-Control', cacheControl);
  ctx.vary('Accept-Encoding');
  ctx.type = 'application/javascript; charset=utf-8';
  // The browser's q-values decide; between equal ones, the smallest copy (Koa's own negotiation
  // would follow the header's order, and browsers list gzip before br). Identity when none fits.
  const stored = ENCODINGS.map(({ name }) => name).filter((name) => asset.representations[name]);
  const negotiator = new Negotiator({ headers: { 'accept-encoding': ctx.get('Accept-Encoding') } });
  const encoding = (negotiator.encoding(stored, { preferred: stored }) ?? 'identity') as Encoding;
  const chosen = asset.representations[encoding] ?? asset.representations.identity;
  if (!chosen) throw notFound('Widget file');
  ctx.set('ETag', chosen.etag);
  if (ctx.get('If-None-Match') === chosen.etag) {
    ctx.status = 304;
    return;
  }
  if (encoding !== 'identity') ctx.set('Content-Encoding', encoding);
  // Already compressed: an app-wide compression middleware must leave it alone.
  (ctx as Context & { compress?: boolean }).compress = false;
  ctx.body = chosen.body;
}

/** E1: serves the widget's loader (the snippet's script) and its content-hashed chat bundle. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /live-chat/widget.js */
  loader(ctx: Context) {
    const asset = readAsset('widget.js');
    if (!asset) throw notFound('Widget bundle (the package was built without it: run `npm run build` in strapi-plugin-live-chat)');
    serve(strapi, ctx, asset, LOADER_CACHE);
  },

  /** GET /live-chat/widget/assets/:file — only files the current build's manifest lists. */
  chunk(ctx: Context) {
    const name = String((ctx.params as { file?: unknown }).file ?? '');
    if (!CHUNK_NAME.test(name) || !chunkNames().includes(name)) throw notFound('Widget file');
    const asset = readAsset(name);
    if (!asset) throw notFound('Widget file');
    serve(strapi, ctx, asset, CHUNK_CACHE);
  },
});
