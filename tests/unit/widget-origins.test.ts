import { isAllowedWidgetOrigin } from '../../plugins/live-chat/server/src/widget-origins';

describe('E1/F4 the widget allow-list (one rule for the widget routes and the visitor socket)', () => {
  it('allows listed sites only, every site with *, and no browser page with an empty list', () => {
    expect(isAllowedWidgetOrigin(['https://shop.example.com'], 'https://shop.example.com')).toBe(true);
    expect(isAllowedWidgetOrigin(['https://shop.example.com'], 'https://evil.example.com')).toBe(false);
    expect(isAllowedWidgetOrigin(['https://shop.example.com'], 'http://shop.example.com')).toBe(false);
    expect(isAllowedWidgetOrigin(['*'], 'https://anywhere.example')).toBe(true);
    expect(isAllowedWidgetOrigin([], 'https://shop.example.com')).toBe(false);
  });

  it('lets a request without Origin through: it is not a browser page (and could forge the header)', () => {
    expect(isAllowedWidgetOrigin([], undefined)).toBe(true);
  });
});
