// How much of a session is left, in the whole minutes people read. Main counts the
// seconds (its deadline is the truth, SS-3); the tray's status line (main) and the
// banner's expiry warning (renderer) both say them with this one rule.

/**
 * Whole minutes left, rounded up, so that no one is promised less time than there
 * is: 4 min 10 s reads 5 and the last seconds read 1. 0 once nothing is left, or
 * while main has not said.
 */
export function minutesLeft(secondsLeft: number | null): number {
  if (secondsLeft === null || !Number.isFinite(secondsLeft) || secondsLeft <= 0) return 0;
  return Math.ceil(secondsLeft / 60);
}
