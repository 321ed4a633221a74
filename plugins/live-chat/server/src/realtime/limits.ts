import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';

/**
 * F4: abusive clients are slowed per visitor, per agent and per IP. With Redis the counters are
 * shared by every server process, so a client cannot dodge them by landing on another node.
 */
export interface RealtimeLimits {
  visitorEvents: RateLimiterAbstract;
  agentEvents: RateLimiterAbstract;
  ipEvents: RateLimiterAbstract;
  ipConnections: RateLimiterAbstract;
  /** The widget's HTTP routes (session, flow steps, identify), per IP. */
  ipRequests: RateLimiterAbstract;
  /** G4: files a visitor may send (each also counts as one of their events). */
  visitorUploads: RateLimiterAbstract;
}

const POLICIES = {
  visitorEvents: { points: 30, duration: 5 },
  agentEvents: { points: 100, duration: 5 },
  ipEvents: { points: 300, duration: 5 },
  ipConnections: { points: 300, duration: 60 },
  ipRequests: { points: 300, duration: 60 },
  visitorUploads: { points: 10, duration: 60 },
} as const;

/**
 * With Redis, a Redis that is not answering does not stop the chat: each process falls back to its
 * own in-memory counter of the same policy (the insurance limiter) until Redis is back, so limits
 * stay enforced per process (at most one budget per process) rather than failing open or closed.
 */
export function createLimits(redisClient?: unknown): RealtimeLimits {
  const make = (name: keyof typeof POLICIES): RateLimiterAbstract => {
    const memory = new RateLimiterMemory({ keyPrefix: name, ...POLICIES[name] });
    if (!redisClient) return memory;
    return new RateLimiterRedis({
      storeClient: redisClient,
      useRedisPackage: true,
      keyPrefix: `live-chat:${name}`,
      ...POLICIES[name],
      rejectIfRedisNotReady: true,
      insuranceLimiter: memory,
    });
  };
  return {
    visitorEvents: make('visitorEvents'),
    agentEvents: make('agentEvents'),
    ipEvents: make('ipEvents'),
    ipConnections: make('ipConnections'),
    ipRequests: make('ipRequests'),
    visitorUploads: make('visitorUploads'),
  };
}
