import {
  URL_PATTERN_LIMITS,
  matchesUrlPattern,
  pickPlaybookForUrl,
  urlPatternError,
} from '../../../plugins/live-chat/shared/domain/url-patterns';

describe('A8: URL patterns an admin may write', () => {
  it.each(['/', '/*', '/pricing', '/pricing*', '/blog/*/comments', 'https://example.com/*', 'http://localhost:3000/docs/*', 'https://*.example.com/*'])(
    'accepts %s',
    (pattern) => {
      expect(urlPatternError(pattern)).toBeNull();
    },
  );

  it.each([
    ['', 'empty'],
    ['pricing', 'no leading slash'],
    ['/pricing?plan=pro', 'a query string never reaches the matcher'],
    ['/pricing#top', 'a fragment never reaches the matcher'],
    ['/pri cing', 'whitespace'],
    ['https://example.com', 'a full URL without a path'],
    ['ftp://example.com/*', 'a scheme other than http(s)'],
    ['javascript:alert(1)//', 'a script URL'],
    ['//example.com/*', 'a protocol-relative URL'],
    [`/${'a'.repeat(URL_PATTERN_LIMITS.maxLength)}`, 'longer than the limit'],
  ])('refuses %j (%s)', (pattern) => {
    expect(urlPatternError(pattern)).toEqual(expect.any(String));
  });
});

describe('A8: matching a page', () => {
  it('matches a path pattern against the path only, on any site, ignoring query and fragment', () => {
    expect(matchesUrlPattern('/pricing', 'https://a.example/pricing?plan=pro#faq')).toBe(true);
    expect(matchesUrlPattern('/pricing', 'http://b.example/pricing')).toBe(true);
    expect(matchesUrlPattern('/pricing', 'https://a.example/pricing/enterprise')).toBe(false);
  });

  it('lets * match any run of characters, slashes included, and nothing else act as a wildcard', () => {
    expect(matchesUrlPattern('/blog/*', 'https://a.example/blog/2026/11/post')).toBe(true);
    expect(matchesUrlPattern('/blog/*', 'https://a.example/blog')).toBe(false);
    expect(matchesUrlPattern('/*', 'https://a.example/')).toBe(true);
    // A regular-expression character in a pattern is literal.
    expect(matchesUrlPattern('/a.b', 'https://a.example/axb')).toBe(false);
    expect(matchesUrlPattern('/a.b', 'https://a.example/a.b')).toBe(true);
  });

  it('matches a full pattern against origin and path, host case-insensitively, default port dropped', () => {
    expect(matchesUrlPattern('https://Example.com/docs/*', 'https://example.com/docs/start')).toBe(true);
    expect(matchesUrlPattern('https://example.com:443/docs/*', 'https://example.com/docs/start')).toBe(true);
    expect(matchesUrlPattern('https://example.com/docs/*', 'http://example.com/docs/start')).toBe(false);
    expect(matchesUrlPattern('https://example.com/docs/*', 'https://other.com/docs/start')).toBe(false);
    expect(matchesUrlPattern('http://localhost:3000/*', 'http://localhost:3000/x')).toBe(true);
    expect(matchesUrlPattern('http://localhost:3000/*', 'http://localhost:4000/x')).toBe(false);
    expect(matchesUrlPattern('https://*.example.com/*', 'https://shop.example.com/cart')).toBe(true);
  });

  it('matches nothing for an invalid pattern or a page that is not an http(s) URL', () => {
    expect(matchesUrlPattern('pricing', 'https://a.example/pricing')).toBe(false);
    expect(matchesUrlPattern('/*', 'not a url')).toBe(false);
    expect(matchesUrlPattern('/*', 'file:///etc/passwd')).toBe(false);
  });
});

describe('A8: which playbook a page gets', () => {
  const everywhere = { documentId: 'everywhere', targetUrlPatterns: ['/*'] };
  const pricing = { documentId: 'pricing', targetUrlPatterns: ['/pricing*'] };
  const shop = { documentId: 'shop', targetUrlPatterns: ['https://shop.example.com/*'] };
  const none = { documentId: 'none', targetUrlPatterns: [] };

  it('picks the most specific (longest) matching pattern', () => {
    const playbooks = [everywhere, pricing, shop];
    expect(pickPlaybookForUrl(playbooks, 'https://www.example.com/pricing/teams')).toBe('pricing');
    expect(pickPlaybookForUrl(playbooks, 'https://shop.example.com/pricing')).toBe('shop');
    expect(pickPlaybookForUrl(playbooks, 'https://www.example.com/about')).toBe('everywhere');
  });

  it('gives no playbook when nothing matches; a playbook without patterns matches nothing', () => {
    expect(pickPlaybookForUrl([none, pricing], 'https://www.example.com/about')).toBeNull();
    expect(pickPlaybookForUrl([none], 'https://www.example.com/')).toBeNull();
    expect(pickPlaybookForUrl([], 'https://www.example.com/')).toBeNull();
  });

  it('breaks ties the same way whatever the order: fewer wildcards, then the lower id', () => {
    const literal = { documentId: 'z-literal', targetUrlPatterns: ['/about'] };
    const wild = { documentId: 'a-wild', targetUrlPatterns: ['/abou*'] };
    expect(pickPlaybookForUrl([wild, literal], 'https://x.example/about')).toBe('z-literal');
    expect(pickPlaybookForUrl([literal, wild], 'https://x.example/about')).toBe('z-literal');
    const b = { documentId: 'b', targetUrlPatterns: ['/*'] };
    const a = { documentId: 'a', targetUrlPatterns: ['/*'] };
    expect(pickPlaybookForUrl([b, a], 'https://x.example/')).toBe('a');
    expect(pickPlaybookForUrl([a, b], 'https://x.example/')).toBe('a');
  });
});
