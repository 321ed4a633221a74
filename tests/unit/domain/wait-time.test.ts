import { clampWaitTime, isWaitExpired, waitDeadline } from '../../../plugins/live-chat/shared/domain';
import { WAIT_TIME_SECONDS } from '../../../plugins/live-chat/shared/constants';
import { alice, assignedTo, at, closedBy, T0, unassigned } from './fixtures';

describe('B9 Wait deadline from the Live Chat card (A3)', () => {
  it('is the creation time plus the wait time', () => {
    expect(waitDeadline(T0, 120)).toEqual(at(120));
  });

  it('raises a wait time below the minimum to the minimum', () => {
    expect(waitDeadline(T0, 0)).toEqual(at(WAIT_TIME_SECONDS.min));
    expect(waitDeadline(T0, -50)).toEqual(at(WAIT_TIME_SECONDS.min));
  });

  it('lowers a wait time above the maximum to the maximum', () => {
    expect(waitDeadline(T0, WAIT_TIME_SECONDS.max + 1)).toEqual(at(WAIT_TIME_SECONDS.max));
  });

  it('keeps the bounds themselves', () => {
    expect(waitDeadline(T0, WAIT_TIME_SECONDS.min)).toEqual(at(WAIT_TIME_SECONDS.min));
    expect(waitDeadline(T0, WAIT_TIME_SECONDS.max)).toEqual(at(WAIT_TIME_SECONDS.max));
  });

  it('uses the default for a wait time that is not a finite number', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(waitDeadline(T0, bad)).toEqual(at(WAIT_TIME_SECONDS.default));
    }
  });

  it('rounds to whole seconds', () => {
    expect(clampWaitTime(59.6)).toBe(60);
  });

  it('does not mutate the creation time it was given', () => {
    const createdAt = new Date(T0);
    waitDeadline(createdAt, 120);
    expect(createdAt).toEqual(T0);
  });
});

describe('B9 Has the visitor waited out the deadline?', () => {
  it('is false before the deadline and true from the deadline on', () => {
    expect(isWaitExpired(unassigned(), at(119))).toBe(false);
    expect(isWaitExpired(unassigned(), at(120))).toBe(true);
    expect(isWaitExpired(unassigned(), at(121))).toBe(true);
  });

  it('is false once the conversation was marked missed, so the sweep does not repeat itself', () => {
    expect(isWaitExpired(unassigned({ missedAt: at(120) }), at(500))).toBe(false);
  });

  it('is false once an agent took the chat, even if a stale deadline is left over', () => {
    expect(isWaitExpired(assignedTo(alice, { waitDeadlineAt: at(120) }), at(500))).toBe(false);
  });

  it('is false for a closed conversation, even if a stale deadline is left over', () => {
    expect(isWaitExpired(closedBy(null, { waitDeadlineAt: at(120) }), at(500))).toBe(false);
  });

  it('is false for an unassigned conversation without a deadline (a dropped chat)', () => {
    expect(isWaitExpired(unassigned({ waitDeadlineAt: null }), at(500))).toBe(false);
  });
});
