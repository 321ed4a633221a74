import http from 'node:http';

export interface JsonResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** A JSON request to the running app, as an admin panel, integration or widget sends it. */
export async function json<T = unknown>(url: string, init: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<JsonResponse<T>> {
  const response = await fetch(url, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      Accept: 'application/json',
      ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}),
      ...init.headers,
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: the assertion on it will show the text
  }
  return { status: response.status, headers: response.headers, body: body as T };
}

/** POST /admin/register-admin: the first admin of a brand-new installation (a super admin). */
export async function registerFirstAdmin(baseUrl: string, admin: { email: string; password: string; firstname: string; lastname: string }): Promise<string> {
  const response = await json<{ data: { token: string } }>(`${baseUrl}/admin/register-admin`, { body: admin });
  if (response.status !== 200) throw new Error(`register-admin: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.data.token;
}

/** A full-access content-API token, created as Settings > API Tokens does (POST /admin/api-tokens). */
export async function createApiToken(baseUrl: string, adminToken: string): Promise<string> {
  const response = await json<{ data: { accessKey: string } }>(`${baseUrl}/admin/api-tokens`, {
    token: adminToken,
    body: { name: `install test ${Date.now()}`, description: '', type: 'full-access', lifespan: null },
  });
  if (response.status !== 201) throw new Error(`api-tokens: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.data.accessKey;
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The bytes on the wire, not decoded (fetch would decompress them and hide the encoding). */
  bytes: Buffer;
}

/** A GET with node:http, so Content-Encoding and Content-Length can be checked against the raw body. */
export function rawGet(url: string, headers: Record<string, string>): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, bytes: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}
