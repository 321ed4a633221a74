import type { Core } from '@strapi/strapi';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Server => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  url: env('PUBLIC_URL', ''),
  // F3: behind a load balancer (docs/operations.md), TRUST_PROXY=true makes ctx.ip and the chat's
  // per-IP limits read the address the balancer forwards: the last `maxIpsCount` entries of
  // X-Forwarded-For are the ones trusted proxies added (one balancer: 1).
  proxy: { koa: env.bool('TRUST_PROXY', false), maxIpsCount: env.int('TRUST_PROXY_HOPS', 1) },
  app: {
    keys: env.array('APP_KEYS')!,
  },
  // The folder of static files and of the local upload provider's `uploads/` (tests that count
  // uploaded files give their app a folder of its own, since test files run side by side).
  dirs: { public: env('PUBLIC_DIR', './public') },
  webhooks: {
    populateRelations: env.bool('WEBHOOKS_POPULATE_RELATIONS', false),
  },
});

export default config;
