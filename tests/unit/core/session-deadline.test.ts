import { describe, expect, it } from 'vitest';
import { SessionDeadline, WARNING_BEFORE_MS, sessionLimitMs } from '../../../src-main/core/session-deadline';
import { T0 } from './support/manual-time';

const HOUR = 3_600_000;

describe('SessionDeadline', () => {
  it.each([
    [60, HOUR],
    [15, 15 * 60_000],
    [600, HOUR],
    [0, HOUR],
    [-5, HOUR],
    [Number.NaN, HOUR],
    [null, HOUR],
    [12.7, 12 * 60_000],
  ])('limits a setting of %s minutes to %s ms (lower only, never above 60 minutes)', (setting, ms) => {
    expect(sessionLimitMs(setting)).toBe(ms);
  });

  it('counts down on the wall clock and warns 5 minutes before', () => {
    const deadline = new SessionDeadline(T0, HOUR, null);
    expect(deadline.read(T0, null)).toEqual({ msLeft: HOUR, secondsLeft: 3_600, warning: false, expired: false });
    expect(deadline.read(T0 + HOUR - WARNING_BEFORE_MS - 1, null).warning).toBe(false);
    expect(deadline.read(T0 + HOUR - WARNING_BEFORE_MS, null).warning).toBe(true);
    expect(deadline.read(T0 + HOUR - 1, null)).toMatchObject({ secondsLeft: 1, expired: false });
    expect(deadline.read(T0 + HOUR, null)).toMatchObject({ secondsLeft: 0, expired: true });
  });

  it('is not extended by a wall clock set back, even without a monotonic clock', () => {
    const deadline = new SessionDeadline(T0, HOUR, null);
    deadline.read(T0 + 40 * 60_000, null);
    expect(deadline.read(T0 - 5 * HOUR, null).secondsLeft).toBe(20 * 60);
  });

  it('is not extended by a wall clock set back before it was ever read, thanks to monotonic time', () => {
    const deadline = new SessionDeadline(T0, HOUR, 500);
    expect(deadline.read(T0 - 5 * HOUR, 500 + 40 * 60_000).secondsLeft).toBe(20 * 60);
  });

  it('expires when the wall clock jumps forward or the machine slept, though monotonic time barely moved', () => {
    const deadline = new SessionDeadline(T0, HOUR, 500);
    expect(deadline.read(T0 + 2 * HOUR, 600).expired).toBe(true);
  });
});
