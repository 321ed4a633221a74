/**
 * G2: what the loader tells the inbox about the visitor's page, and nothing the site turned off
 * (`data-collect-off`, docs/widget.md). No cookie is written: the landing page and external
 * referrer of the tab's current visit live in sessionStorage, the visitor token in localStorage.
 * The server checks and bounds every value again (shared/domain/visitor-context.ts).
 */
import type { PageContext, WidgetConfig } from '../contract';

/**
 * What a site can turn off, in `data-collect-off="pages title referrer timezone navigation device"`
 * (or "all"): `pages` = no page views at all, `navigation` = none for SPA navigations.
 */
export const CONTEXT_PARTS = ['pages', 'title', 'referrer', 'timezone', 'navigation', 'device'] as const;
export type ContextPart = (typeof CONTEXT_PARTS)[number];

/** The parts turned off by the snippet's attribute. Pure, for unit tests. */
export function partsOff(attribute: string | null): ContextPart[] {
  const words = (attribute ?? '').toLowerCase().split(/[\s,]+/);
  return CONTEXT_PARTS.filter((part) => words.includes('all') || words.includes(part));
}

/** The same gap the server counts visits by (shared/domain/visitor-context.ts VISIT_GAP_MS). */
const VISIT_GAP_MS = 30 * 60 * 1000;
const VISIT_KEY = 'live-chat:visit';

interface TabVisit {
  landingPage: string;
  referrer: string;
  at: number;
}

/** An http(s) referrer from another site; the site's own pages are navigation, not a source. */
const externalReferrer = (referrer: string) => {
  try {
    const url = new URL(referrer);
    return /^https?:$/.test(url.protocol) && url.origin !== location.origin ? referrer.slice(0, 2048) : '';
  } catch {
    return '';
  }
};

/** This tab's visit: started on this page unless the tab saw a page within the visit gap. */
function tabVisit(page: string): TabVisit {
  let visit: TabVisit | null = null;
  try {
    visit = JSON.parse(sessionStorage.getItem(VISIT_KEY) ?? 'null') as TabVisit | null;
  } catch {
    visit = null;
  }
  const now = Date.now();
  if (!visit || typeof visit.at !== 'number' || now - visit.at >= VISIT_GAP_MS) {
    visit = { landingPage: page, referrer: externalReferrer(document.referrer), at: now };
  }
  visit.at = now;
  try {
    sessionStorage.setItem(VISIT_KEY, JSON.stringify(visit));
  } catch {
    // storage blocked: each page is its own landing page
  }
  return visit;
}

/** The context of the page the visitor is on now, without the parts that are off. */
export function pageContext(config: WidgetConfig): PageContext {
  const off = config.off;
  const visit = off.includes('referrer') ? null : tabVisit(config.page);
  const context: PageContext = {};
  if (!off.includes('title') && document.title) context.title = document.title.slice(0, 300);
  if (visit) {
    context.landingPage = visit.landingPage;
    context.referrer = visit.referrer;
  }
  if (!off.includes('timezone')) {
    try {
      const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      if (zone) context.timeZone = zone;
    } catch {
      // no Intl time zones: the inbox shows no local time
    }
  }
  if (off.includes('device')) context.device = false;
  return context;
}

/**
 * Calls `changed` after the page's URL changes without a load: history.pushState (SPA routers)
 * and back/forward (popstate). A short wait lets the router set the new title first.
 */
export function watchNavigation(changed: () => void): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = location.href;
  const check = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (location.href === last) return;
      last = location.href;
      changed();
    }, 300);
  };
  const push = history.pushState;
  history.pushState = function (this: History, ...args: Parameters<History['pushState']>) {
    push.apply(this, args);
    check();
  };
  addEventListener('popstate', check);
}
