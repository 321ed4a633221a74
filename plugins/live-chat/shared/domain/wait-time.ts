/**
 * B9: how long a visitor waits for an agent. The deadline is stored with the conversation and swept,
 * so a restart or a second node neither loses nor doubles the timer; these are the pure rules.
 */
import { WAIT_TIME_SECONDS } from '../constants';
import type { ConversationState } from './conversation';

/** Brings a card's wait time inside the A3 bounds; anything that is not a finite number gets the default. */
export function clampWaitTime(waitTimeSeconds: number): number {
  if (!Number.isFinite(waitTimeSeconds)) return WAIT_TIME_SECONDS.default;
  // Whole seconds: the card edits seconds, and a fractional deadline only makes sweeps flaky.
  const whole = Math.round(waitTimeSeconds);
  return Math.min(WAIT_TIME_SECONDS.max, Math.max(WAIT_TIME_SECONDS.min, whole));
}

/** The moment a conversation created at `createdAt` counts as missed if nobody has taken it. */
export function waitDeadline(createdAt: Date, waitTimeSeconds: number): Date {
  return new Date(createdAt.getTime() + clampWaitTime(waitTimeSeconds) * 1000);
}

/** True when the visitor has waited out the deadline and the conversation has not been marked missed yet. */
export function isWaitExpired(state: ConversationState, now: Date): boolean {
  return (
    state.status === 'unassigned' &&
    state.missedAt === null &&
    state.waitDeadlineAt !== null &&
    state.waitDeadlineAt.getTime() <= now.getTime()
  );
}
