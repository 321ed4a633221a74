/** What the page-load script (loader) and the lazily loaded chat bundle agree on. */
import type { Language } from './i18n/languages';

export const WIDGET_EVENTS = ['opened', 'closed', 'message', 'conversation:started'] as const;
export type WidgetEvent = (typeof WIDGET_EVENTS)[number];

/** Payload of the `message` event: one chat message, as the host page may see it. */
export interface WidgetMessage {
  seq: number;
  author: 'visitor' | 'agent' | 'bot' | 'system';
  authorName: string | null;
  body: string;
  createdAt: string;
}

/** G2: the page's context the widget reports with a session or a page view (docs/widget.md). */
export interface PageContext {
  title?: string;
  referrer?: string;
  landingPage?: string;
  timeZone?: string;
  /** The site turned device collection off: the server does not parse the User-Agent header. */
  device?: false;
}

export interface WidgetConfig {
  /** Strapi's base URL, taken from the script's own src (e.g. https://cms.example.com). */
  base: string;
  /** The snippet's data-playbook: run this playbook instead of the one matching the page URL. */
  playbook: string | null;
  language: Language;
  /** The page the widget runs on (origin + path + query), for URL targeting (A8) and A5; follows SPA navigation. */
  page: string;
  /** What the site turned off of the visitor context (`data-collect-off`). */
  off: readonly string[];
  /** The page's context as of the last navigation (kept current by the loader). */
  context: PageContext;
}
