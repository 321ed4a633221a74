import { createCannedReplyBodySchema, updateCannedReplyBodySchema } from '../../../plugins/live-chat/shared/contracts/canned-replies';
import {
  SHORTCUT_PATTERN,
  copiesForLanguage,
  fillPlaceholders,
  unknownPlaceholders,
} from '../../../plugins/live-chat/shared/domain/canned-replies';

/** G3: canned replies' pure rules: placeholders, shortcuts, and which language's copy an agent gets. */
describe('fillPlaceholders', () => {
  const values = { 'visitor.name': 'Jane Roe', 'agent.name': 'Ada Agent' };

  it('fills {visitor.name} and {agent.name}, every time they occur', () => {
    expect(fillPlaceholders('Hi {visitor.name}, I am {agent.name}. Welcome, {visitor.name}!', values)).toBe(
      'Hi Jane Roe, I am Ada Agent. Welcome, Jane Roe!',
    );
  });

  it('accepts spaces inside the braces', () => {
    expect(fillPlaceholders('Hej { visitor.name }!', values)).toBe('Hej Jane Roe!');
  });

  it('leaves unknown placeholders exactly as typed, so the agent sees them before sending', () => {
    expect(fillPlaceholders('Mail {visitor.email} or {Visitor.Name}', values)).toBe('Mail {visitor.email} or {Visitor.Name}');
  });

  it('leaves a known placeholder without a value (missing or blank) as typed', () => {
    expect(fillPlaceholders('Hi {visitor.name}, {agent.name} here', { 'agent.name': '  ' })).toBe('Hi {visitor.name}, {agent.name} here');
  });

  it('leaves braces that are no placeholder alone, and does not read $-patterns in values', () => {
    expect(fillPlaceholders('Use {x} or {} or {visitor.name', values)).toBe('Use {x} or {} or {visitor.name');
    expect(fillPlaceholders('{visitor.name}', { 'visitor.name': "$& $1 $'" })).toBe("$& $1 $'");
  });

  it('trims the values it fills in', () => {
    expect(fillPlaceholders('Hi {visitor.name}!', { 'visitor.name': ' Jane ' })).toBe('Hi Jane!');
  });
});

describe('unknownPlaceholders', () => {
  it('lists dotted placeholders that are not known, once each', () => {
    expect(unknownPlaceholders('{visitor.name} {visitor.nmae} {agent.email} {visitor.nmae} {x}')).toEqual(['{visitor.nmae}', '{agent.email}']);
    expect(unknownPlaceholders('Hi {visitor.name}, {agent.name} here')).toEqual([]);
  });
});

describe('shortcuts', () => {
  it.each(['hello', 'opening-hours', 'hälsning', 'faq-2', '24h'])('accepts %s', (shortcut) => {
    expect(SHORTCUT_PATTERN.test(shortcut)).toBe(true);
  });
  it.each(['Hello', 'two words', '-start', 'end-', 'double--dash', 'under_score', 'slash/', ''])('refuses "%s"', (shortcut) => {
    expect(SHORTCUT_PATTERN.test(shortcut)).toBe(false);
  });

  it('the request schemas trim, require every field on create and something on update', () => {
    expect(createCannedReplyBodySchema.parse({ shortcut: ' hi ', title: ' Hi ', body: ' Hello {visitor.name} ' })).toEqual({
      shortcut: 'hi',
      title: 'Hi',
      body: 'Hello {visitor.name}',
    });
    expect(createCannedReplyBodySchema.safeParse({ shortcut: 'hi', title: 'Hi', body: 'Hello {visitor.nmae}' }).success).toBe(false);
    expect(updateCannedReplyBodySchema.safeParse({}).success).toBe(false);
    expect(updateCannedReplyBodySchema.safeParse({ title: 'New' }).success).toBe(true);
  });
});

describe('copiesForLanguage', () => {
  const copy = (documentId: string, locale: string) => ({ documentId, locale });
  const copies = [copy('a', 'en'), copy('a', 'sv'), copy('b', 'en'), copy('c', 'sv'), copy('d', 'es-MX'), copy('d', 'en')];

  it("gives each reply once: in the visitor's language when it has a copy, else the default locale's", () => {
    expect(copiesForLanguage(copies, 'sv', 'en')).toEqual([copy('a', 'sv'), copy('b', 'en'), copy('c', 'sv'), copy('d', 'en')]);
  });

  it('matches like playbooks do: exact tag, primary subtag, then the same language', () => {
    expect(copiesForLanguage(copies, 'sv-SE', 'en').map((c) => c.locale)).toEqual(['sv', 'en', 'sv', 'en']);
    expect(copiesForLanguage(copies, 'es', 'en').find((c) => c.documentId === 'd')).toEqual(copy('d', 'es-MX'));
  });

  it('without a language, or one no reply has, offers the default copies only (a Swedish-only reply is left out)', () => {
    expect(copiesForLanguage(copies, null, 'en')).toEqual([copy('a', 'en'), copy('b', 'en'), copy('d', 'en')]);
    expect(copiesForLanguage(copies, 'de', 'en')).toEqual([copy('a', 'en'), copy('b', 'en'), copy('d', 'en')]);
  });
});
