/**
 * G2, issue 14: the visitor's context as the widget reports it (page, title, landing page,
 * referrer, language, time zone) — cleaned here, once, for the server and its tests. What a page
 * sends is never stored raw: URLs must be http(s) and bounded, titles become plain bounded text,
 * time zones must be real IANA zones. Also the rule of what counts as a new "visit".
 */

export const VISITOR_CONTEXT_LIMITS = { url: 2048, title: 300, timeZone: 64, browser: 100, os: 100 } as const;

/**
 * A visit is a run of page views with no gap longer than this (the common analytics convention):
 * a page view 30 minutes or more after the visitor was last seen starts a new visit.
 */
export const VISIT_GAP_MS = 30 * 60 * 1000;

export const DEVICE_TYPES = ['desktop', 'mobile', 'tablet', 'tv', 'bot', 'unknown'] as const;
export type DeviceType = (typeof DEVICE_TYPES)[number];

// Control characters (and the bidi overrides that can disguise text) are never part of a title.
const UNSAFE_CHARACTERS = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/**
 * A page URL as it may be stored: http(s) only, without credentials or fragment, at most
 * VISITOR_CONTEXT_LIMITS.url characters. Null when it is none of that (the caller refuses it).
 */
export function cleanPageUrl(value: string): string | null {
  // Control characters are refused, not percent-encoded into a URL that looks harmless (F4: NUL).
  if (value.length > VISITOR_CONTEXT_LIMITS.url * 2 || /[\u0000-\u001F\u007F]/.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.username = '';
  url.password = '';
  url.hash = '';
  const text = url.toString();
  return text.length <= VISITOR_CONTEXT_LIMITS.url ? text : null;
}

/** A page title as plain, single-line text, cut to its bound; null when nothing is left. */
export function cleanTitle(value: string): string | null {
  const text = value
    .slice(0, VISITOR_CONTEXT_LIMITS.title * 4)
    .replace(/<[^>]*>/g, ' ') // a title is text: any tag a page smuggled in is dropped, not kept
    .replace(UNSAFE_CHARACTERS, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!text) return null;
  return [...text].slice(0, VISITOR_CONTEXT_LIMITS.title).join('');
}

/** Whether `value` is an IANA time zone this runtime knows (Intl refuses unknown ones). */
export function isTimeZone(value: string): boolean {
  if (value.length > VISITOR_CONTEXT_LIMITS.timeZone || !/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(value)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** What the server remembers about a visitor's visits. */
export interface VisitState {
  firstSeenAt: Date | null;
  lastSeenAt: Date | null;
  visitCount: number;
}

/**
 * A page view or session at `now`: whether it starts a new visit (first contact, or a gap of
 * VISIT_GAP_MS or more since the visitor was last seen) and the visit state after it.
 */
export function recordVisit(state: VisitState, now: Date): VisitState & { newVisit: boolean } {
  const newVisit = state.lastSeenAt === null || now.getTime() - state.lastSeenAt.getTime() >= VISIT_GAP_MS || state.visitCount < 1;
  return {
    firstSeenAt: state.firstSeenAt ?? now,
    lastSeenAt: now,
    visitCount: newVisit ? state.visitCount + 1 : state.visitCount,
    newVisit,
  };
}

/** Cuts free text (a parsed browser or OS name) to a bound, as plain single-line text. */
export function boundedText(value: string | null | undefined, max: number): string | null {
  if (!value) return null;
  const text = value.replace(UNSAFE_CHARACTERS, ' ').replace(/\s+/g, ' ').trim();
  return text ? [...text].slice(0, max).join('') : null;
}
