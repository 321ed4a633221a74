import {
  VISIT_GAP_MS,
  boundedText,
  cleanPageUrl,
  cleanTitle,
  isTimeZone,
  recordVisit,
} from '../../../plugins/live-chat/shared/domain/visitor-context';
import { widgetPageViewSchema, widgetSessionSchema } from '../../../plugins/live-chat/shared/schemas';

/** G2 (issue 14): what a page reports about the visitor is cleaned or refused, never stored raw. */
describe('visitor context values', () => {
  it('keeps http(s) page URLs without credentials or fragment, and refuses the rest', () => {
    expect(cleanPageUrl('https://user:pw@shop.example/a?b=1#top')).toBe('https://shop.example/a?b=1');
    expect(cleanPageUrl('http://shop.example')).toBe('http://shop.example/');
    expect(cleanPageUrl('javascript:alert(1)')).toBeNull();
    expect(cleanPageUrl('data:text/html,<b>x</b>')).toBeNull();
    expect(cleanPageUrl('ftp://shop.example/file')).toBeNull();
    expect(cleanPageUrl('not a url')).toBeNull();
    expect(cleanPageUrl('https://shop.example/\u0000')).toBeNull();
    expect(cleanPageUrl('https://shop.example/\n')).toBeNull();
    expect(cleanPageUrl(`https://shop.example/${'a'.repeat(2100)}`)).toBeNull();
  });

  it('makes titles plain, single-line and bounded', () => {
    expect(cleanTitle('  Pricing <script>alert(1)</script> |\n Shop  ')).toBe('Pricing alert(1) | Shop');
    expect(cleanTitle('Evil\u202Egnp.exe')).toBe('Evil gnp.exe');
    expect(cleanTitle('   ')).toBeNull();
    expect(cleanTitle('é'.repeat(1000))).toHaveLength(300);
  });

  it('accepts real IANA time zones only', () => {
    expect(isTimeZone('Europe/Stockholm')).toBe(true);
    expect(isTimeZone('America/Argentina/Buenos_Aires')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isTimeZone('Europe/Stockholm; drop table')).toBe(false);
    expect(isTimeZone('A'.repeat(100))).toBe(false);
  });

  it('cuts free text to its bound', () => {
    expect(boundedText('Chrome\u0000 120', 100)).toBe('Chrome 120');
    expect(boundedText('x'.repeat(500), 100)).toHaveLength(100);
    expect(boundedText('', 10)).toBeNull();
  });
});

describe('visits (a new one after 30 minutes without a page view)', () => {
  const start = new Date('2026-01-01T10:00:00Z');
  const later = (ms: number) => new Date(start.getTime() + ms);

  it('counts the first contact as the first visit, and stamps first seen once', () => {
    const first = recordVisit({ firstSeenAt: null, lastSeenAt: null, visitCount: 0 }, start);
    expect(first).toEqual({ firstSeenAt: start, lastSeenAt: start, visitCount: 1, newVisit: true });
    const again = recordVisit(first, later(VISIT_GAP_MS - 1));
    expect(again).toMatchObject({ firstSeenAt: start, visitCount: 1, newVisit: false });
  });

  it('starts a new visit after a gap of 30 minutes or more', () => {
    const state = { firstSeenAt: start, lastSeenAt: start, visitCount: 1 };
    expect(recordVisit(state, later(VISIT_GAP_MS))).toMatchObject({ visitCount: 2, newVisit: true, firstSeenAt: start });
  });
});

describe('widget request schemas', () => {
  it('cuts titles and refuses bad URLs, referrers and time zones', () => {
    const ok = widgetPageViewSchema.parse({ page: 'https://shop.example/a#x', title: `<b>Hi</b>${'x'.repeat(400)}`, referrer: '', timeZone: 'Asia/Jakarta' });
    expect(ok.page).toBe('https://shop.example/a');
    expect(ok.title).toHaveLength(300);
    expect(ok.referrer).toBeNull();
    expect(widgetPageViewSchema.safeParse({ page: 'javascript:alert(1)' }).success).toBe(false);
    expect(widgetPageViewSchema.safeParse({ page: 'https://shop.example/', referrer: 'android-app://x' }).success).toBe(false);
    expect(widgetPageViewSchema.safeParse({ page: 'https://shop.example/', timeZone: 'Nowhere/Land' }).success).toBe(false);
    expect(widgetPageViewSchema.safeParse({ page: 'https://shop.example/', extra: 1 }).success).toBe(false);
    expect(widgetPageViewSchema.safeParse({ page: 'https://shop.example/', title: 'x'.repeat(5000) }).success).toBe(false);
    expect(widgetPageViewSchema.safeParse({ page: 'https://shop.example/', title: 'a\u0000b' }).success).toBe(false);
    expect(widgetSessionSchema.safeParse({ page: 'https://shop.example/', device: false }).success).toBe(true);
    expect(widgetSessionSchema.safeParse({ page: 'https://shop.example/', device: true }).success).toBe(false);
  });
});
