// Time comes in through this interface so that deadlines, the rate limiter and
// the audit can be tested with a clock that jumps (SS-3, LD-3).

export interface Clock {
  /** Wall-clock milliseconds since the epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
