// The mirror's time conversions: the quick path for plain days answers exactly what
// parsing into a Date and printing it answers, for every input (iso-time.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoOrNull, serverTimeToIso } from '../../../src-main/audit/iso-time';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
/** Date-shaped text, out-of-range fields included (day 31 of February, hour 24, minute 60). */
const parts = fc.record({
  year: fc.integer({ min: 0, max: 9999 }),
  month: fc.integer({ min: 0, max: 13 }),
  day: fc.integer({ min: 0, max: 32 }),
  hour: fc.integer({ min: 0, max: 25 }),
  minute: fc.integer({ min: 0, max: 61 }),
  second: fc.integer({ min: 0, max: 61 }),
  ms: fc.integer({ min: 0, max: 999 }),
});
const day = (p: { year: number; month: number; day: number }) => `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
const time = (p: { hour: number; minute: number; second: number }) => `${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;

function slowServerTime(value: string | null): string | null {
  if (!value) return null;
  const ms = Date.parse(`${value.replace(' ', 'T')}Z`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

function slowIso(value: string | null | undefined): string | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

describe('the mirror time conversions', () => {
  it("answer Odoo's server times as Date does, valid or not", () => {
    fc.assert(
      fc.property(parts, (p) => {
        const text = `${day(p)} ${time(p)}`;
        expect(serverTimeToIso(text)).toBe(slowServerTime(text));
      }),
      { numRuns: 5000 },
    );
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(serverTimeToIso(text)).toBe(slowServerTime(text));
      }),
    );
  });

  it('answer ISO times as Date does, valid or not', () => {
    fc.assert(
      fc.property(parts, (p) => {
        const text = `${day(p)}T${time(p)}.${pad(p.ms, 3)}Z`;
        expect(isoOrNull(text)).toBe(slowIso(text));
      }),
      { numRuns: 5000 },
    );
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(isoOrNull(text)).toBe(slowIso(text));
      }),
    );
  });

  it('keep the days that do not exist as Date reads them: moved on, not copied', () => {
    expect(serverTimeToIso('2025-02-30 10:00:00')).toBe('2025-03-02T10:00:00.000Z');
    expect(serverTimeToIso('2025-01-01 24:00:00')).toBe('2025-01-02T00:00:00.000Z');
    expect(serverTimeToIso('2025-02-28 23:59:59')).toBe('2025-02-28T23:59:59.000Z');
    expect(isoOrNull('2025-13-01T00:00:00.000Z')).toBeNull();
  });
});
