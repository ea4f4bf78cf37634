// How the Logs screen writes times, durations and dates. Stored times are UTC
// ISO strings; they are shown in the user's language and time zone. Pure (no
// React, no DOM), so the rules are unit-tested in plain Node.

type Style = 'long' | 'short';

const styles: Record<Style, Intl.DateTimeFormatOptions> = {
  long: { dateStyle: 'medium', timeStyle: 'short' },
  short: { dateStyle: 'short', timeStyle: 'short' },
};
/** Made each time, not cached: a formatter keeps the time zone it was made in, and laptops travel. */
function formatter(language: string, style: Style): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(language, styles[style]);
}

/** "Nov 26, 2026, 9:15 AM" ('long') or "11/26/26, 9:15 AM" ('short') in the user's language and time zone; '' for no time. */
export function formatDateTime(iso: string | null, language: string, style: Style = 'long'): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return formatter(language, style).format(ms);
}

/** A start in a table row: the date and the time, each on its own line ("29/11/26" / "15:03"). */
export function formatDateLines(iso: string | null, language: string): { date: string; time: string } | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return { date: iso, time: '' };
  return {
    date: new Intl.DateTimeFormat(language, { dateStyle: 'short' }).format(ms),
    time: new Intl.DateTimeFormat(language, { timeStyle: 'short' }).format(ms),
  };
}

/** A chart day ("2026-11-26", a UTC day as the store groups them) as "26 Nov". */
export function formatDay(day: string, language: string): string {
  const ms = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(ms)) return day;
  return new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(ms);
}

export interface DurationParts {
  hours: number;
  minutes: number;
  seconds: number;
}

export function durationParts(totalSeconds: number): DurationParts {
  const whole = Math.max(0, Math.round(totalSeconds));
  return { hours: Math.floor(whole / 3600), minutes: Math.floor((whole % 3600) / 60), seconds: whole % 60 };
}

/** Which translation renders a duration: the two largest units that matter. */
export function durationMessage(totalSeconds: number | null): { key: string; params: Record<string, number> } | null {
  if (totalSeconds === null) return null;
  const { hours, minutes, seconds } = durationParts(totalSeconds);
  if (hours > 0) {
    return minutes > 0 ? { key: 'logs.duration.hoursMinutes', params: { hours, minutes } } : { key: 'logs.duration.hours', params: { hours } };
  }
  if (minutes > 0) {
    return seconds > 0 ? { key: 'logs.duration.minutesSeconds', params: { minutes, seconds } } : { key: 'logs.duration.minutes', params: { minutes } };
  }
  return { key: 'logs.duration.seconds', params: { seconds } };
}

const UNITS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 86_400],
  ['month', 30 * 86_400],
  ['week', 7 * 86_400],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

/** "2 hours ago" / "hace 2 horas" for a past time; "now" for the last minute. */
export function relativeTime(iso: string, nowMs: number, language: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  const seconds = Math.round((ms - nowMs) / 1000);
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
  }
  return format.format(0, 'second');
}
