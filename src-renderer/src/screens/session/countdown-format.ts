// How the time left reads: main counts it (its deadline is the truth, SS-3); the UI
// only formats the seconds main pushed.

/** `mm:ss` (60 minutes at most, so minutes never need an hour field); `--:--` before main said. */
export function formatCountdown(secondsLeft: number | null): string {
  if (secondsLeft === null || !Number.isFinite(secondsLeft)) return '--:--';
  // Whole seconds already elapsed are gone: 59.9 s left still shows 00:59, never 01:00.
  const total = Math.max(0, Math.floor(secondsLeft));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}

/** Minutes for "ends in N minutes": the rule the tray says them by too. */
export { minutesLeft } from '../../../../src-preload/time-left';

/** How long a session lasted, in whole seconds, from main's start and end; null before it ended. */
export function sessionSeconds(startedAt: string | null, endedAt: string | null): number | null {
  if (!startedAt || !endedAt) return null;
  const ms = Date.parse(endedAt) - Date.parse(startedAt);
  return Number.isFinite(ms) ? Math.max(0, Math.round(ms / 1000)) : null;
}
