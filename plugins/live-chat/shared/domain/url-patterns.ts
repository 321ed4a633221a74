/**
 * A8: which playbook a page gets. A playbook targets pages with URL patterns: a path pattern
 * (`/pricing*`) matches the page's path on any site, a full pattern (`https://shop.example.com/*`)
 * matches origin and path. `*` is the only wildcard and matches any run of characters, `/` included.
 * Pure: no I/O, so the server, the admin (to check patterns as they are typed) and tests share it.
 */

export const URL_PATTERN_LIMITS = { maxPatterns: 20, maxLength: 200 } as const;

/**
 * Query strings and fragments never reach the matcher, so a pattern containing them could never
 * match; `//host/…` reads as a protocol-relative URL, so it is refused rather than taken as a path.
 */
const PATH = /^\/(?!\/)[^\s?#]*$/;
/** Host labels may use `*` (any subdomain); a port is allowed; the path is mandatory. */
const FULL = /^(https?):\/\/([a-z0-9*.-]+)(?::(\d{1,5}))?(\/[^\s?#]*)$/i;

interface ParsedPattern {
  /** Path patterns compare with the page's path, full patterns with `origin + path`. */
  scope: 'path' | 'full';
  /** The pattern in the form it is compared in (host lower-cased, default port dropped). */
  normalized: string;
}

function parse(pattern: string): ParsedPattern | null {
  if (PATH.test(pattern)) return { scope: 'path', normalized: pattern };
  const full = FULL.exec(pattern);
  if (!full) return null;
  const [, scheme = '', host = '', port, path = ''] = full;
  const protocol = scheme.toLowerCase();
  // URL.origin drops the default port, so the pattern must too or it would never match.
  const defaultPort = protocol === 'https' ? '443' : '80';
  const portPart = port === undefined || port === defaultPort ? '' : `:${port}`;
  return { scope: 'full', normalized: `${protocol}://${host.toLowerCase()}${portPart}${path}` };
}

/** Why a pattern is refused, or null when it is valid. */
export function urlPatternError(pattern: string): string | null {
  if (pattern.length === 0) return 'The pattern is empty';
  if (pattern.length > URL_PATTERN_LIMITS.maxLength) return `At most ${URL_PATTERN_LIMITS.maxLength} characters`;
  if (parse(pattern) !== null) return null;
  return 'Use a path starting with "/" (e.g. /pricing*) or a full URL (e.g. https://example.com/blog/*); "*" is the only wildcard';
}

const escapeRegExp = (text: string): string => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

function toRegExp(normalized: string): RegExp {
  return new RegExp(`^${normalized.split('*').map(escapeRegExp).join('.*')}$`);
}

/** The parts of a page URL patterns compare with; null for anything but an absolute http(s) URL. */
function pageOf(url: string): { path: string; full: string } | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  return { path: parsed.pathname, full: `${parsed.origin}${parsed.pathname}` };
}

/** Whether one pattern matches a page URL; invalid patterns match nothing. */
export function matchesUrlPattern(pattern: string, url: string): boolean {
  const page = pageOf(url);
  const parsed = parse(pattern);
  if (!page || !parsed) return false;
  return toRegExp(parsed.normalized).test(parsed.scope === 'path' ? page.path : page.full);
}

export interface TargetedPlaybook {
  documentId: string;
  targetUrlPatterns: readonly string[];
}

interface Candidate { documentId: string; length: number; wildcards: number }

/**
 * The playbook whose best-matching pattern is the most specific (the longest; with equal lengths the
 * one with fewer wildcards, then the lower documentId, so the answer never depends on row order).
 * A playbook without patterns matches nothing: "every page" is written `/*`.
 */
export function pickPlaybookForUrl(playbooks: readonly TargetedPlaybook[], url: string): string | null {
  let best: Candidate | null = null;
  for (const playbook of playbooks) {
    for (const pattern of playbook.targetUrlPatterns) {
      if (!matchesUrlPattern(pattern, url)) continue;
      const candidate: Candidate = { documentId: playbook.documentId, length: pattern.length, wildcards: pattern.split('*').length - 1 };
      if (best === null || isMoreSpecific(candidate, best)) best = candidate;
    }
  }
  return best?.documentId ?? null;
}

function isMoreSpecific(a: Candidate, b: Candidate): boolean {
  if (a.length !== b.length) return a.length > b.length;
  if (a.wildcards !== b.wildcards) return a.wildcards < b.wildcards;
  return a.documentId < b.documentId;
}
