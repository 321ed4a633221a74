import { clientAddressOf, type ProxyTrust } from '../../../plugins/live-chat/server/src/realtime/client-address';

/** F3/F4: behind a trusted load balancer the per-IP limits charge the client, not the balancer. */
const trust = (overrides: Partial<ProxyTrust> = {}): ProxyTrust => ({ trusted: true, header: 'X-Forwarded-For', maxIpsCount: 1, ...overrides });
const handshake = (forwarded?: string | string[]) => ({ address: '10.0.0.2', headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded } });

describe('clientAddressOf', () => {
  it('is the peer when no proxy is trusted, whatever the header says', () => {
    expect(clientAddressOf(handshake('203.0.113.7'), trust({ trusted: false }))).toBe('10.0.0.2');
  });

  it('is the entry the trusted balancer added (the last), not one the client wrote before it', () => {
    expect(clientAddressOf(handshake('198.51.100.1, 203.0.113.7'), trust())).toBe('203.0.113.7');
  });

  it('counts back as many entries as there are trusted proxies', () => {
    expect(clientAddressOf(handshake('198.51.100.1, 203.0.113.7, 10.0.0.9'), trust({ maxIpsCount: 2 }))).toBe('203.0.113.7');
    expect(clientAddressOf(handshake('198.51.100.1, 203.0.113.7'), trust({ maxIpsCount: 0 }))).toBe('198.51.100.1');
  });

  it('reads a repeated header as one list, and falls back to the peer without one', () => {
    expect(clientAddressOf(handshake(['198.51.100.1', '203.0.113.7']), trust())).toBe('203.0.113.7');
    expect(clientAddressOf(handshake(), trust())).toBe('10.0.0.2');
    expect(clientAddressOf(handshake(' , '), trust())).toBe('10.0.0.2');
  });

  it('reads the header the app configured', () => {
    const custom = { address: '10.0.0.2', headers: { 'x-real-ip': '203.0.113.9' } };
    expect(clientAddressOf(custom, trust({ header: 'X-Real-IP' }))).toBe('203.0.113.9');
  });
});
