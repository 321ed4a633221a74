import type { Core } from '@strapi/strapi';
import type { Socket } from 'socket.io';

/**
 * F3/F4: the address a socket's per-IP limits charge. Behind a load balancer every socket comes
 * from the balancer, so with Strapi's `server.proxy.koa` on (the app trusts its proxy, as for
 * ctx.ip) the address is read from the proxy's header the same way koa reads it: of the header's
 * last `maxIpsCount` entries (those the trusted proxies added) the first. Without it, the peer.
 */
export function clientAddressReader(strapi: Core.Strapi): (socket: Socket) => string {
  const trusted = (strapi.config.get('server.proxy.koa') as unknown) === true;
  const header = String(strapi.config.get('server.proxy.ipHeader') ?? 'X-Forwarded-For').toLowerCase();
  const maxIpsCount = Number(strapi.config.get('server.proxy.maxIpsCount') ?? 0);
  return (socket) => {
    const peer = socket.handshake.address;
    if (!trusted) return peer;
    const raw = socket.handshake.headers[header];
    const listed = (Array.isArray(raw) ? raw.join(',') : (raw ?? '')).split(',').map((ip) => ip.trim()).filter(Boolean);
    const considered = maxIpsCount > 0 ? listed.slice(-maxIpsCount) : listed;
    return considered[0] ?? peer;
  };
}
