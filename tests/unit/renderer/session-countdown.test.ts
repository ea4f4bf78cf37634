// The banner's clock: main pushes the seconds left, the UI only formats them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCountdown, minutesLeft, sessionSeconds } from '../../../src-renderer/src/screens/session/countdown-format';

describe('the countdown as the banner shows it', () => {
  it('reads mm:ss with leading zeros', () => {
    expect(formatCountdown(3600)).toBe('60:00');
    expect(formatCountdown(3599)).toBe('59:59');
    expect(formatCountdown(65)).toBe('01:05');
    expect(formatCountdown(9)).toBe('00:09');
    expect(formatCountdown(0)).toBe('00:00');
  });

  it('never shows more time than is left: a fraction of a second rounds down', () => {
    expect(formatCountdown(59.9)).toBe('00:59');
    expect(formatCountdown(0.4)).toBe('00:00');
  });

  it('shows 00:00 rather than a negative time once the deadline has passed', () => {
    expect(formatCountdown(-3)).toBe('00:00');
  });

  it('shows a blank clock until main has said how much is left', () => {
    expect(formatCountdown(null)).toBe('--:--');
    expect(formatCountdown(Number.NaN)).toBe('--:--');
  });

  it('always reads back to the whole seconds it was given, within the one-hour limit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3600 }), (seconds) => {
        const match = /^(\d{2}):(\d{2})$/.exec(formatCountdown(seconds));
        expect(match).not.toBeNull();
        const [, minutes, rest] = match!;
        expect(Number(rest)).toBeLessThan(60);
        expect(Number(minutes) * 60 + Number(rest)).toBe(seconds);
      }),
    );
  });
});

describe('the minutes named in the expiry warning', () => {
  it('rounds up, so that the warning never promises less time than there is', () => {
    expect(minutesLeft(300)).toBe(5);
    expect(minutesLeft(250)).toBe(5);
    expect(minutesLeft(61)).toBe(2);
    expect(minutesLeft(60)).toBe(1);
    expect(minutesLeft(1)).toBe(1);
  });

  it('says 0 when nothing is left or main has not said', () => {
    expect(minutesLeft(0)).toBe(0);
    expect(minutesLeft(-5)).toBe(0);
    expect(minutesLeft(null)).toBe(0);
  });
});

describe('how long an ended session lasted', () => {
  it('is the whole seconds between main\'s start and end', () => {
    expect(sessionSeconds('2026-03-05T16:07:00.000Z', '2026-03-05T16:30:12.400Z')).toBe(1392);
  });

  it('is unknown before the session ended, or without a start', () => {
    expect(sessionSeconds('2026-03-05T16:07:00.000Z', null)).toBeNull();
    expect(sessionSeconds(null, '2026-03-05T16:30:00.000Z')).toBeNull();
    expect(sessionSeconds('not a time', '2026-03-05T16:30:00.000Z')).toBeNull();
  });
});
