import { parseUserAgent } from '../../plugins/live-chat/server/src/user-agent';

/** G2: browser, OS and device type from the User-Agent header, by Bowser; bounded and never raw. */
describe('parseUserAgent', () => {
  it('names the browser and OS by their major versions, and the device type', () => {
    expect(
      parseUserAgent('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/121.0.6167.85 Safari/537.36'),
    ).toEqual({ browser: 'Chrome 121', os: 'Windows 10', deviceType: 'desktop' });
    expect(
      parseUserAgent('Mozilla/5.0 (iPad; CPU OS 16_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.0 Mobile/15E148 Safari/604.1'),
    ).toMatchObject({ browser: 'Safari 16', os: 'iOS 16', deviceType: 'tablet' });
    expect(parseUserAgent('Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36')).toMatchObject({
      os: 'Android 14',
      deviceType: 'mobile',
    });
  });

  it('answers unknown for empty, odd or huge headers without throwing', () => {
    expect(parseUserAgent(undefined)).toEqual({ browser: null, os: null, deviceType: 'unknown' });
    expect(parseUserAgent('   ')).toEqual({ browser: null, os: null, deviceType: 'unknown' });
    expect(parseUserAgent('curl/8.0')).toMatchObject({ deviceType: 'unknown' });
    const huge = parseUserAgent(`Mozilla/5.0 ${'x'.repeat(100_000)}`);
    expect((huge.browser ?? '').length).toBeLessThanOrEqual(100);
    expect((huge.os ?? '').length).toBeLessThanOrEqual(100);
  });
});
