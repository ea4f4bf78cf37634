// What the audit keeps of refused input (AU-1, LD-4): bounded and harmless to show.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXCERPT_MAX, inputExcerpt } from '../../../src-main/core/input-excerpt';

describe('inputExcerpt', () => {
  it('quotes a short string as it is', () => {
    expect(inputExcerpt('Ticket 4711')).toBe('"Ticket 4711"');
    expect(inputExcerpt('Ticket 4711', EXCERPT_MAX, false)).toBe('Ticket 4711');
  });

  it('cuts a long string and says how long it was', () => {
    expect(inputExcerpt('y'.repeat(10_000))).toBe(`"${'y'.repeat(EXCERPT_MAX)}"… (10000 characters)`);
  });

  it('escapes control, format, separator and bidi characters', () => {
    expect(inputExcerpt('a\u0000b\u202ec\u200bd\u2028e\ud800')).toBe('"a\\u{0}b\\u{202e}c\\u{200b}d\\u{2028}e\\u{d800}"');
  });

  it('shows other values as short JSON', () => {
    expect(inputExcerpt(1.5)).toBe('1.5');
    expect(inputExcerpt(null)).toBe('null');
    expect(inputExcerpt(undefined)).toBe('undefined');
    expect(inputExcerpt({ targetId: '7' })).toBe('{"targetId":"7"}');
    expect(inputExcerpt(10n)).toBe('10n');
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(inputExcerpt(loop)).toBe('[object Object]');
  });

  it('is bounded and free of line breaks and controls whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const excerpt = inputExcerpt(value);
        expect(Array.from(excerpt).length).toBeLessThanOrEqual(EXCERPT_MAX + 40);
        // eslint-disable-next-line no-control-regex -- the property is exactly that none is left
        expect(excerpt).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
      }),
    );
  });
});
