import Bowser from 'bowser';
import { DEVICE_TYPES, VISITOR_CONTEXT_LIMITS, boundedText, type DeviceType } from '../../shared/domain/visitor-context';

/** Headers longer than this are cut before parsing: no real browser sends one, and parsing stays cheap. */
const MAX_HEADER = 512;

export interface ParsedUserAgent {
  browser: string | null;
  os: string | null;
  deviceType: DeviceType;
}

/** The major version is what an agent needs ("Chrome 120"), not the build number. */
const major = (version: string | undefined) => version?.split('.')[0] ?? '';

/**
 * G2: browser, OS and device type from a User-Agent header, by Bowser (MIT; see README "Design
 * choices"), never by regexes of our own. Unknown or empty headers give nulls and "unknown".
 */
export function parseUserAgent(header: string | undefined | null): ParsedUserAgent {
  const ua = (header ?? '').slice(0, MAX_HEADER).trim();
  if (!ua) return { browser: null, os: null, deviceType: 'unknown' };
  const parsed = Bowser.parse(ua);
  const type = parsed.platform.type as string | undefined;
  const named = (name: string | undefined, version: string | undefined, max: number) =>
    boundedText(name ? `${name} ${version ?? ''}` : null, max);
  // Windows reports kernel versions ("NT 10.0"); Bowser's release name ("10", "11"…) is what people say.
  const osVersion = parsed.os.name === 'Windows' ? parsed.os.versionName : major(parsed.os.version);
  return {
    browser: named(parsed.browser.name, major(parsed.browser.version), VISITOR_CONTEXT_LIMITS.browser),
    os: named(parsed.os.name, osVersion, VISITOR_CONTEXT_LIMITS.os),
    deviceType: (DEVICE_TYPES as readonly string[]).includes(type ?? '') ? (type as DeviceType) : 'unknown',
  };
}
