import {
  decideFollowUp,
  EMAIL_KEYS,
  isLastAttempt,
  MAX_EMAIL_ATTEMPTS,
  resumeUrl,
  retryDelayMs,
  unseenReplies,
} from '../../../plugins/live-chat/shared/domain/email';
import { renderEmail, type EmailEntry } from '../../../plugins/live-chat/shared/domain/email-content';
import { EMAIL_LANGUAGES, EMAIL_STRINGS, emailLanguageOf } from '../../../plugins/live-chat/shared/domain/email-strings';

const at = new Date('2026-12-07T10:15:00Z');
const entry = (seq: number, authorKind: EmailEntry['authorKind'], body: string, extra: Partial<EmailEntry> = {}): EmailEntry => ({
  seq,
  kind: 'text',
  authorKind,
  authorName: authorKind === 'agent' ? 'Ada' : null,
  body,
  attachment: null,
  audience: 'everyone',
  event: null,
  createdAt: at,
  ...extra,
});

describe('G8 outbox rules', () => {
  it('backs off by doubling the base, capped, and gives up after the last attempt', () => {
    expect([1, 2, 3, 4, 7, 20].map((n) => retryDelayMs(n, 1000))).toEqual([1000, 2000, 4000, 8000, 64_000, 64_000]);
    expect(isLastAttempt(MAX_EMAIL_ATTEMPTS - 1)).toBe(false);
    expect(isLastAttempt(MAX_EMAIL_ATTEMPTS)).toBe(true);
  });

  it('names each logical email once', () => {
    expect(EMAIL_KEYS.transcript(7)).toBe('transcript:7');
    expect(EMAIL_KEYS.followUp(7, 12)).toBe('followup:7:12');
    expect(EMAIL_KEYS.missed(7)).toBe('missed:7');
  });

  it('a follow-up carries agent replies after what was read and what was already emailed, never notes or events', () => {
    const entries = [
      entry(1, 'visitor', 'hi'),
      entry(2, 'agent', 'read already'),
      entry(3, 'agent', 'emailed already'),
      entry(4, 'agent', 'note', { audience: 'agents' }),
      entry(5, 'agent', '', { kind: 'event', event: { type: 'lead_created' } }),
      entry(6, 'visitor', 'more'),
      entry(7, 'agent', 'new one'),
      entry(8, 'bot', 'bot line'),
    ];
    expect(unseenReplies(entries, 2, 3).map((e) => e.seq)).toEqual([7]);
    expect(unseenReplies(entries, 0, 0).map((e) => e.seq)).toEqual([2, 3, 7]);
  });

  it('sends a follow-up only when on, with an email, the visitor away and something unseen', () => {
    const base = { enabled: true, email: 'v@example.com', visitorPresent: false, unseenCount: 2 };
    expect(decideFollowUp(base)).toEqual({ send: true });
    expect(decideFollowUp({ ...base, enabled: false })).toEqual({ send: false, reason: 'disabled' });
    expect(decideFollowUp({ ...base, email: null })).toEqual({ send: false, reason: 'no_email' });
    expect(decideFollowUp({ ...base, visitorPresent: true })).toEqual({ send: false, reason: 'visitor_present' });
    expect(decideFollowUp({ ...base, unseenCount: 0 })).toEqual({ send: false, reason: 'nothing_unseen' });
  });

  it('builds the resume link on the http(s) page only, replacing an older link and the fragment', () => {
    expect(resumeUrl('https://site.test/p?a=1&livechat=old#top', 'tok.sig')).toBe('https://site.test/p?a=1&livechat=tok.sig');
    expect(resumeUrl('javascript:alert(1)', 't')).toBeNull();
    expect(resumeUrl('not a url', 't')).toBeNull();
    expect(resumeUrl(null, 't')).toBeNull();
  });
});

describe('G8 email content', () => {
  const visitor = { name: 'Vera <img src=x>', email: 'vera@example.com' };

  it('renders the allow-listed rich text, escapes the rest, and leaves internal entries out of both parts', () => {
    const mail = renderEmail({
      kind: 'missed',
      language: 'en',
      timeZone: 'Europe/Stockholm',
      visitor,
      entries: [
        entry(1, 'visitor', 'Hi **there** <script>alert(1)</script> [x](javascript:alert(1))'),
        entry(2, 'agent', 'secret note', { audience: 'agents' }),
        entry(3, 'agent', '', { kind: 'file', attachment: { name: 'quote "1".pdf' } }),
      ],
    });
    expect(mail.subject).toBe('Missed chat from Vera <img src=x>');
    expect(mail.html).toContain('<strong>there</strong>');
    expect(mail.html).toContain('&lt;script&gt;');
    expect(mail.html).not.toMatch(/<script|<img|javascript:/);
    expect(mail.html).toContain('Vera &lt;img src=x&gt;');
    expect(mail.html).toContain('File: quote &quot;1&quot;.pdf');
    expect(mail.text).toContain('Hi there <script>alert(1)</script>');
    expect(mail.text).toContain('11:15'); // Stockholm time
    for (const part of [mail.html, mail.text]) expect(part).not.toContain('secret note');
  });

  it('puts an http(s) link in a follow-up and never another scheme', () => {
    const input = { kind: 'followup' as const, language: 'sv' as const, timeZone: null, visitor, entries: [entry(2, 'agent', 'Hej')] };
    const linked = renderEmail({ ...input, link: 'https://site.test/?livechat=a.b' });
    expect(linked.subject).toBe(EMAIL_STRINGS.sv.followUpSubject);
    expect(linked.html).toContain('href="https://site.test/?livechat=a.b"');
    expect(linked.text).toContain('Fortsätt chatten: https://site.test/?livechat=a.b');
    const unsafe = renderEmail({ ...input, link: 'javascript:alert(1)' });
    expect(unsafe.html).not.toContain('javascript:');
    expect(unsafe.text).not.toContain('javascript:');
  });

  it('keeps subjects on one line and falls back to UTC and English', () => {
    const mail = renderEmail({ kind: 'missed', language: 'en', timeZone: 'Not/AZone', visitor: { name: 'A\r\nBcc: x@y', email: null }, entries: [entry(1, 'visitor', 'x')] });
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.text).toContain('10:15');
    expect(emailLanguageOf('sv-SE')).toBe('sv');
    expect(emailLanguageOf('de')).toBe('en');
    expect(emailLanguageOf(null)).toBe('en');
  });

  it('speaks every widget language with every key', () => {
    const keys = Object.keys(EMAIL_STRINGS.en).sort();
    for (const language of EMAIL_LANGUAGES) {
      expect(Object.keys(EMAIL_STRINGS[language]).sort()).toEqual(keys);
      for (const value of Object.values(EMAIL_STRINGS[language])) expect(value.trim()).not.toBe('');
    }
  });
});
