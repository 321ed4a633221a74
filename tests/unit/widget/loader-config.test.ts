import { readConfig } from '../../../plugins/live-chat/widget/src/loader/config';
import { partsOff } from '../../../plugins/live-chat/widget/src/loader/context';

/** E1/E5: what the loader reads from the snippet. */
const snippet = { playbook: null, lang: null, pageLang: null, href: 'https://shop.example/pricing?plan=pro#faq' };

describe('readConfig', () => {
  it('finds Strapi from the script src and keeps the page without its fragment', () => {
    expect(readConfig({ ...snippet, src: 'https://cms.example.com/live-chat/widget.js' })).toEqual({
      base: 'https://cms.example.com',
      playbook: null,
      language: 'en',
      page: 'https://shop.example/pricing?plan=pro',
      off: [],
      context: {},
    });
  });

  it('G2: data-collect-off turns parts of the visitor context off, one by one or all', () => {
    const src = 'https://cms.example.com/live-chat/widget.js';
    expect(readConfig({ ...snippet, src, collectOff: 'title  Referrer,device' })?.off).toEqual(['title', 'referrer', 'device']);
    expect(readConfig({ ...snippet, src, collectOff: 'all' })?.off).toEqual(['pages', 'title', 'referrer', 'timezone', 'navigation', 'device']);
    expect(partsOff('cookies nonsense')).toEqual([]);
    expect(partsOff(null)).toEqual([]);
  });

  it('supports a Strapi behind a path prefix, a cache-busting query and the data attributes', () => {
    const config = readConfig({ ...snippet, src: 'https://example.com/cms/live-chat/widget.js?v=2', playbook: ' abc123 ', lang: 'it', pageLang: 'sv' });
    expect(config).toMatchObject({ base: 'https://example.com/cms', playbook: 'abc123', language: 'it' });
  });

  it('takes the page language when the snippet gives none', () => {
    expect(readConfig({ ...snippet, src: 'https://cms.example.com/live-chat/widget.js', pageLang: 'sv-SE' })?.language).toBe('sv');
  });

  it('refuses a script that is not the widget URL', () => {
    expect(readConfig({ ...snippet, src: 'https://cms.example.com/other.js' })).toBeNull();
    expect(readConfig({ ...snippet, src: 'not a url' })).toBeNull();
  });

  it('caps the page URL at the server\'s 2048 characters', () => {
    const long = `https://shop.example/${'a'.repeat(5000)}`;
    expect(readConfig({ ...snippet, src: 'https://cms.example.com/live-chat/widget.js', href: long })?.page).toHaveLength(2048);
  });
});
