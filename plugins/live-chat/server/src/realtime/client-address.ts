import type { Core } from '@strapi/strapi';
import type { Socket } from 'socket.io';

/** Strapi's `server.proxy` settings that say whether and how far to trust a proxy's header. */
export interface ProxyTrust {
  trusted: boolean;
  header: string;
  /** How many of the header's last entries trusted proxies added (0: all). */
  maxIpsCount: number;
}

export function proxyTrustOf(strapi: Core.Strapi): ProxyTrust {
  return {
    trusted: (strapi.config.get('server.proxy.koa') as unknown) === true,
    header: String(strapi.config.get('server.proxy.ipHeader') ?? 'X-Forwarded-For'),
    maxIpsCount: Number(strapi.config.get('server.proxy.maxIpsCount') ?? 0),
  };
}

/**
 * F3/F4: the address a socket's per-IP limits charge. Behind a load balancer every socket comes
 * from the balancer, so with Strapi's `server.proxy.koa` on (the app trusts its proxy, as for
 * ctx.ip) the address is read from the proxy's header the same way koa reads it: of the header's
 * last `maxIpsCount` entries (those the trusted proxies added) the first. Without it, the peer.
 */
export function clientAddressOf(handshake: Pick<Socket['handshake'], 'address' | 'headers'>, trust: ProxyTrust): string {
  if (!trust.trusted) return handshake.address;
  const raw = handshake.headers[trust.header.toLowerCase()];
  const listed = (Array.isArray(raw) ? raw.join(',') : (raw ?? '')).split(',').map((ip) => ip.trim()).filter(Boolean);
  const considered = trust.maxIpsCount > 0 ? listed.slice(-trust.maxIpsCount) : listed;
  return considered[0] ?? handshake.address;
}
