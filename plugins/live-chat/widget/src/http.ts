/** The widget's HTTP calls (POST /live-chat/widget/…), shared by the loader and the chat bundle. */
import type { AttachmentLimits } from '../../shared/domain/attachments';
import type { WidgetConfig } from './contract';

/** An answer outside 2xx, with Strapi's error body when there is one. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: { error?: { message?: string; details?: { errors?: Array<{ path: string[] }>; code?: string } } } | null,
  ) {
    super(`HTTP ${status}`);
  }
}

/** POSTs JSON to a widget route; resolves with the answer's `data`. No cookies: the token is the identity. */
export function post<T>(base: string, path: string, body: unknown, token?: string): Promise<T> {
  return send<T>(base, path, JSON.stringify(body), token, { 'Content-Type': 'application/json' });
}

/** G4: POSTs a multipart form (the browser sets its Content-Type with the boundary). */
export function postForm<T>(base: string, path: string, form: FormData, token: string): Promise<T> {
  return send<T>(base, path, form, token, {});
}

async function send<T>(base: string, path: string, body: BodyInit, token: string | undefined, headers: Record<string, string>): Promise<T> {
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(`${base}/live-chat/widget/${path}`, { method: 'POST', headers, body, credentials: 'omit' });
  const json = await response.json().catch(() => null);
  if (!response.ok) throw new HttpError(response.status, json);
  return (json as { data: T }).data;
}

/** E4: the visitor's signed token lives in the page's localStorage (never in a URL). */
const TOKEN_KEY = 'live-chat:token';

export function readToken(): string | undefined {
  try {
    return localStorage.getItem(TOKEN_KEY) ?? undefined;
  } catch {
    return undefined; // storage blocked (privacy mode, sandboxed frame): a session per page load
  }
}

export function writeToken(token: string): void {
  try {
    localStorage.setItem(TOKEN_KEY, token);
  } catch {
    // see readToken
  }
}

export interface SessionAnswer<C> {
  token: string;
  conversation: C | null;
  /** G4: what the paperclip may offer (absent from a server older than the widget). */
  attachments?: AttachmentLimits;
}

/**
 * A visitor session: the same visitor for a stored, valid token (E4), a new one otherwise. It
 * carries the page and its context (G2) as the loader keeps them in the config.
 */
export async function openSession<C>(config: WidgetConfig): Promise<SessionAnswer<C>> {
  const previous = readToken();
  const body = { ...(previous ? { token: previous } : {}), page: config.page, language: config.language, ...config.context };
  const answer = await post<SessionAnswer<C>>(config.base, 'session', body);
  writeToken(answer.token);
  return answer;
}

/** Styles for a shadow root: a constructed sheet where supported (no inline <style> for CSP), else <style>. */
export function addStyles(root: ShadowRoot, css: string): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } catch {
    const style = document.createElement('style');
    style.textContent = css;
    root.appendChild(style);
  }
}
