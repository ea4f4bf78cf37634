// The hard limit of a session (SS-3): an absolute wall-clock deadline from the verified
// start, which neither a lost timer, nor sleep, nor a clock that jumps can extend.
//
// Two measures, the stricter wins:
// - wall clock: deadline = start + limit. It keeps running while the machine sleeps
//   (a monotonic clock may not), and a jump forward ends the session at once. A jump
//   backward is neutralised by measuring against the latest wall time ever observed.
// - monotonic elapsed time (optional, e.g. performance.now): immune to clock changes, so
//   a wall clock set back before the first observation still cannot add time.
import { MAX_SESSION_MINUTES } from '../../src-preload/limits';

export const WARNING_BEFORE_MS = 5 * 60_000;

/** Settings may lower the limit, never raise it; anything odd falls back to the hard limit. */
export function sessionLimitMs(settingMinutes: number | null | undefined): number {
  const minutes =
    typeof settingMinutes === 'number' && Number.isFinite(settingMinutes) && settingMinutes >= 1
      ? Math.min(Math.floor(settingMinutes), MAX_SESSION_MINUTES)
      : MAX_SESSION_MINUTES;
  return minutes * 60_000;
}

export interface DeadlineReading {
  msLeft: number;
  /** Rounded up, never negative: what the countdown shows. */
  secondsLeft: number;
  warning: boolean;
  expired: boolean;
}

export class SessionDeadline {
  readonly deadlineMs: number;
  private latestWallMs: number;

  constructor(
    readonly startedAtMs: number,
    readonly limitMs: number,
    private readonly startedMonotonicMs: number | null,
  ) {
    this.deadlineMs = startedAtMs + limitMs;
    this.latestWallMs = startedAtMs;
  }

  read(wallNowMs: number, monotonicNowMs: number | null): DeadlineReading {
    this.latestWallMs = Math.max(this.latestWallMs, wallNowMs);
    let msLeft = this.deadlineMs - this.latestWallMs;
    if (this.startedMonotonicMs !== null && monotonicNowMs !== null) {
      msLeft = Math.min(msLeft, this.limitMs - (monotonicNowMs - this.startedMonotonicMs));
    }
    return {
      msLeft,
      secondsLeft: Math.max(0, Math.ceil(msLeft / 1000)),
      warning: msLeft <= WARNING_BEFORE_MS,
      expired: msLeft <= 0,
    };
  }
}
