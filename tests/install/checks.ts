import { existsSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { json, rawGet } from './http';

/** The checks both Strapi versions must pass over plain HTTP, each a few requests. */

export async function healthStatus(baseUrl: string): Promise<number> {
  return (await fetch(`${baseUrl}/_health`)).status;
}

/** The plugin's admin API answers a signed-in admin (the first admin is a super admin: every action). */
export async function expectAdminApi(baseUrl: string, adminToken: string, displayName: string) {
  const me = await json(`${baseUrl}/live-chat/me`, { token: adminToken });
  expect(me.status).toBe(200);
  expect(me.body).toMatchObject({ data: { displayName, permissions: { useInbox: true, managePlaybooks: true } } });
  // Without a session the same route is refused, not served.
  expect((await json(`${baseUrl}/live-chat/me`)).status).toBe(401);
  // An error the plugin throws keeps its status: Strapi's error middleware must recognise the
  // plugin's error classes (one @strapi/utils in the app), or every refusal turns into a 500.
  const missing = await json(`${baseUrl}/live-chat/conversations/abcdefghijklmnopqrstuvwx`, { token: adminToken });
  expect(missing.status).toBe(404);
  expect(missing.body).toMatchObject({ data: null, error: { status: 404, name: 'NotFoundError' } });
}

/**
 * F1: the content API with an API token, in Strapi's conventions: a list has `data` and
 * `meta.pagination`; a bad body is a 400 in Strapi's error shape, never a 500.
 */
export async function expectContentApi(baseUrl: string, apiToken: string) {
  const list = await json(`${baseUrl}/api/live-chat/leads`, { token: apiToken });
  expect(list.status).toBe(200);
  expect(list.body).toMatchObject({ data: expect.any(Array), meta: { pagination: { page: 1, pageSize: expect.any(Number), total: expect.any(Number) } } });

  for (const bad of [{ data: { title: 123 } }, { data: { title: 'Lead', status: 'no-such-status' } }, { data: {} }, {}]) {
    const refused = await json(`${baseUrl}/api/live-chat/leads`, { token: apiToken, body: bad });
    expect({ body: bad, status: refused.status }).toEqual({ body: bad, status: 400 });
    expect(refused.body).toEqual({
      data: null,
      error: { status: 400, name: expect.any(String), message: expect.any(String), details: expect.any(Object) },
    });
  }

  const created = await json<{ data: { documentId: string } }>(`${baseUrl}/api/live-chat/leads`, { token: apiToken, body: { data: { title: 'From the install test' } } });
  expect(created.status).toBe(201);
  const read = await json(`${baseUrl}/api/live-chat/leads/${created.body.data.documentId}`, { token: apiToken });
  expect(read.body).toMatchObject({ data: { title: 'From the install test' } });
  // Without a token: Strapi's own 403 (users-permissions), also not turned into a 500.
  expect((await json(`${baseUrl}/api/live-chat/leads`)).status).toBe(403);
}

/**
 * E1: the widget's loader is served precompressed from the package (dist/widget/*.br, *.gz): the
 * encoding the browser asked for, Vary: Accept-Encoding for caches, a Content-Length that is the
 * bytes on the wire, and the same script once decoded.
 */
export async function expectWidgetCompressed(baseUrl: string) {
  const url = `${baseUrl}/live-chat/widget.js`;
  const plain = await rawGet(url, { 'Accept-Encoding': 'identity' });
  expect(plain.status).toBe(200);
  expect(plain.headers['content-type']).toMatch(/^application\/javascript/);
  expect(plain.headers['content-encoding']).toBeUndefined();
  expect(plain.bytes.length).toBeGreaterThan(1000);

  for (const [encoding, decode] of [['br', brotliDecompressSync], ['gzip', gunzipSync]] as const) {
    const response = await rawGet(url, { 'Accept-Encoding': encoding });
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe(encoding);
    expect(String(response.headers.vary).toLowerCase()).toContain('accept-encoding');
    expect(Number(response.headers['content-length'])).toBe(response.bytes.length);
    expect(response.bytes.length).toBeLessThan(plain.bytes.length);
    expect(decode(response.bytes).equals(plain.bytes)).toBe(true);
  }
}

/** Where `require(name)` from a package in `fromDir` lands, by Node's node_modules lookup. */
function packageDirFrom(fromDir: string, name: string): string {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) return realpathSync(candidate);
    if (path.dirname(dir) === dir) throw new Error(`${name} cannot be resolved from ${fromDir}`);
  }
}

/**
 * Which @strapi/utils (path@version) @strapi/core, users-permissions and the plugin load. Strapi's
 * error middleware recognises errors by `instanceof` against its own copy: all three must load the
 * same one, or their 4xx become 500s.
 * (A package's peer range can make npm hoist a newer @strapi/utils and split the tree.)
 */
export function strapiUtilsLoadedBy(appDir: string): Record<string, string> {
  const strapi = packageDirFrom(appDir, '@strapi/strapi');
  const users = { '@strapi/core': packageDirFrom(strapi, '@strapi/core'), '@strapi/plugin-users-permissions': packageDirFrom(appDir, '@strapi/plugin-users-permissions'), 'strapi-plugin-live-chat': packageDirFrom(appDir, 'strapi-plugin-live-chat') };
  return Object.fromEntries(
    Object.entries(users).map(([user, dir]) => {
      const utils = packageDirFrom(dir, '@strapi/utils');
      return [user, `${path.relative(appDir, utils)}@${JSON.parse(readFileSync(path.join(utils, 'package.json'), 'utf8')).version}`];
    }),
  );
}
