// How the Logs screen writes times and durations, and how a picked day becomes
// the UTC bounds main filters on.
import { afterEach, describe, expect, it } from 'vitest';
import { durationMessage, formatDateLines, formatDateTime, relativeTime } from '../../../src-renderer/src/screens/logs/log-format';
import { localDayBound } from '../../../src-renderer/src/stores/log-filters';

const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

describe('durations', () => {
  it('names the two largest units that matter', () => {
    expect(durationMessage(3 * 3600 + 5 * 60 + 9)).toEqual({ key: 'logs.duration.hoursMinutes', params: { hours: 3, minutes: 5 } });
    expect(durationMessage(3600)).toEqual({ key: 'logs.duration.hours', params: { hours: 1 } });
    expect(durationMessage(12 * 60 + 30)).toEqual({ key: 'logs.duration.minutesSeconds', params: { minutes: 12, seconds: 30 } });
    expect(durationMessage(23 * 60)).toEqual({ key: 'logs.duration.minutes', params: { minutes: 23 } });
    expect(durationMessage(42)).toEqual({ key: 'logs.duration.seconds', params: { seconds: 42 } });
  });

  it('shows nothing for a session that has no duration', () => {
    expect(durationMessage(null)).toBeNull();
  });
});

describe('times in the user language and time zone', () => {
  it('writes the same UTC instant the English and the Spanish way', () => {
    process.env.TZ = 'UTC';
    const iso = '2026-03-05T16:07:00.000Z';
    expect(formatDateTime(iso, 'en')).toBe('Mar 5, 2026, 4:07 PM');
    expect(formatDateTime(iso, 'es')).toBe('5 mar 2026, 16:07');
    expect(formatDateTime(iso, 'es', 'short')).toBe('5/3/26, 16:07');
  });

  it('shows the stored UTC time in the local time zone', () => {
    process.env.TZ = 'Asia/Tokyo';
    expect(formatDateTime('2026-03-05T16:07:00.000Z', 'es', 'short')).toBe('6/3/26, 1:07');
  });

  it('writes a table row\'s start as a date line and a time line, in the UI language', () => {
    process.env.TZ = 'UTC';
    expect(formatDateLines('2026-03-05T16:07:00Z', 'es')).toEqual({ date: '5/3/26', time: '16:07' });
    expect(formatDateLines('2026-03-05T16:07:00Z', 'en')).toEqual({ date: '3/5/26', time: '4:07 PM' });
    expect(formatDateLines(null, 'en')).toBeNull();
  });

  it('says how long ago the last sync was', () => {
    const now = Date.parse('2026-03-05T16:00:00Z');
    expect(relativeTime('2026-03-05T14:00:00Z', now, 'en')).toBe('2 hours ago');
    expect(relativeTime('2026-03-05T14:00:00Z', now, 'es')).toBe('hace 2 horas');
    expect(relativeTime('2026-03-04T15:00:00Z', now, 'en')).toBe('yesterday');
    expect(relativeTime('2026-03-05T15:59:40Z', now, 'en')).toBe('now');
  });
});

describe('a picked day as UTC bounds', () => {
  it('covers the whole local day, first to last millisecond', () => {
    process.env.TZ = 'America/New_York';
    expect(localDayBound('2026-03-05', 'from')).toBe('2026-03-05T05:00:00.000Z');
    expect(localDayBound('2026-03-05', 'to')).toBe('2026-03-06T04:59:59.999Z');
  });

  it('follows a daylight-saving change: that day is 23 hours long', () => {
    process.env.TZ = 'America/New_York';
    const from = Date.parse(localDayBound('2026-03-08', 'from')!);
    const to = Date.parse(localDayBound('2026-03-08', 'to')!);
    expect(to - from + 1).toBe(23 * 3_600_000);
  });

  it('refuses what is not a calendar day', () => {
    expect(localDayBound('', 'from')).toBeNull();
    expect(localDayBound('2026-02-30', 'from')).toBeNull();
    expect(localDayBound('05/03/2026', 'to')).toBeNull();
  });
});
