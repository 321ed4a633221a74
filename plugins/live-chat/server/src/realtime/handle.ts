import type { Socket } from 'socket.io';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { z } from 'zod';
import type { Ack } from '../../../shared/events';
import { ackError, toAckError } from './ack';
import type { RequestGate } from './request-gate';

interface HandlerOptions {
  /** Rate limiters consulted before the handler runs, each with the key to charge. */
  limits: Array<{ limiter: RateLimiterAbstract; key: string }>;
  log: (message: string) => void;
  /** F3: counts the handler while it runs; refuses events once the node is shutting down. */
  gate: RequestGate;
}

/**
 * Registers one inbound event: rate limit, validate with the shared schema, run, and always answer
 * with an ack `{ ok, data } | { ok: false, error }` — never a crash, never a silent drop.
 */
export function handle<S extends z.ZodType, R>(
  socket: Socket,
  event: string,
  schema: S,
  options: HandlerOptions,
  run: (payload: z.output<S>) => Promise<R>,
) {
  socket.on(event, async (payload: unknown, maybeAck?: unknown) => {
    const reply = (ack: Ack<R>) => {
      if (typeof maybeAck === 'function') maybeAck(ack);
    };
    if (options.gate.closed) {
      reply(ackError('unavailable', 'This server is restarting; send again once reconnected.'));
      return;
    }
    await options.gate.track(async () => {
      try {
        for (const { limiter, key } of options.limits) await limiter.consume(key);
      } catch {
        reply(ackError('rate_limited', 'Too many events; slow down.'));
        return;
      }
      const parsed = schema.safeParse(payload);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        reply(ackError('invalid_payload', `${issue.path.join('.') || 'payload'}: ${issue.message}`));
        return;
      }
      try {
        reply({ ok: true, data: await run(parsed.data) });
      } catch (error) {
        reply(toAckError(error, options.log));
      }
    });
  });
}

/** Answers events no handler knows with an error ack (if the client asked for one). */
export function refuseUnknownEvents(socket: Socket, known: readonly string[]) {
  const names = new Set(known);
  socket.onAny((event: string, ...args: unknown[]) => {
    if (names.has(event)) return;
    const ack = args[args.length - 1];
    if (typeof ack === 'function') ack(ackError('unknown_event', `Unknown event "${event}"`));
  });
}
