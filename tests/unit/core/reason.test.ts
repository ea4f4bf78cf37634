import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { REASON_MAX, REASON_MIN } from '../../../src-preload/limits';
import { codePointLength, visibility } from '../../../src-preload/reason-rule';
import { validateReason } from '../../../src-main/core/reason';

describe('validateReason', () => {
  it.each([
    ['empty', '', 'reason-empty', 'rules.reasonEmpty'],
    ['only spaces', '     ', 'reason-empty', 'rules.reasonEmpty'],
    ['only a newline and tabs', '\n\t\t\n', 'reason-empty', 'rules.reasonEmpty'],
    ['9 characters', 'too short', 'reason-too-short', 'rules.reasonTooShort'],
    ['9 characters padded to 20 with spaces', '     too short      ', 'reason-too-short', 'rules.reasonTooShort'],
    ['10 characters of which 8 visible', 'too  short', 'reason-too-short', 'rules.reasonTooShort'],
    ['501 characters', 'x'.repeat(501), 'reason-too-long', 'rules.reasonTooLong'],
    ['a newline inside', 'first line\nsecond line', 'reason-control-characters', 'rules.reasonControlCharacters'],
    ['a carriage return inside', 'first line\rsecond', 'reason-control-characters', 'rules.reasonControlCharacters'],
    ['a tab inside', 'ticket\t#4711 broken', 'reason-control-characters', 'rules.reasonControlCharacters'],
    ['a NUL', 'ticket #4711\u0000 broken', 'reason-control-characters', 'rules.reasonControlCharacters'],
    ['an escape sequence', 'ticket \u001b[31m#4711', 'reason-control-characters', 'rules.reasonControlCharacters'],
    ['DEL', 'ticket #4711\u007f broken', 'reason-control-characters', 'rules.reasonControlCharacters'],
    ['a C1 control (NEL)', 'ticket #4711\u0085broken', 'reason-control-characters', 'rules.reasonControlCharacters'],
    ['a line separator inside', 'ticket #4711\u2028broken', 'reason-control-characters', 'rules.reasonControlCharacters'],
    ['a right-to-left override', 'ticket \u202e1174# broken', 'reason-control-characters', 'rules.reasonControlCharacters'],
    ['an unpaired surrogate', 'ticket #4711 \ud83d broken', 'reason-malformed', 'rules.reasonMalformed'],
  ])('refuses %s', (_name, raw, code, key) => {
    const result = validateReason(raw);
    expect(result).toMatchObject({ ok: false, code, refusal: { key } });
  });

  it.each([
    ['exactly 10 characters', 'abcdefghij', 'abcdefghij'],
    ['exactly 500 characters', 'y'.repeat(500), 'y'.repeat(500)],
    ['surrounding spaces, trimmed', '   Ticket #4711 invoice   ', 'Ticket #4711 invoice'],
    ['a trailing newline from a paste, trimmed', 'Ticket #4711 invoice\n', 'Ticket #4711 invoice'],
    ['accents and ñ', 'Facturación del señor Núñez', 'Facturación del señor Núñez'],
    ['emoji counted as one character each', '🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂', '🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂'],
    ['CJK text', '客户看不到发票编号四七一一', '客户看不到发票编号四七一一'],
  ])('accepts %s', (_name, raw, reason) => {
    expect(validateReason(raw)).toEqual({ ok: true, reason });
  });

  it('counts code points: ten emoji pass although they are twenty UTF-16 units, nine do not', () => {
    expect('🙂'.repeat(9).length).toBe(18);
    expect(validateReason('🙂'.repeat(9))).toMatchObject({ ok: false, code: 'reason-too-short' });
    expect(validateReason('🙂'.repeat(500))).toMatchObject({ ok: true });
    expect(validateReason('🙂'.repeat(501))).toMatchObject({ ok: false, code: 'reason-too-long' });
  });

  it('names the limits in the refusal', () => {
    expect(validateReason('short')).toMatchObject({ refusal: { params: { min: REASON_MIN, length: 5 } } });
    expect(validateReason('z'.repeat(600))).toMatchObject({ refusal: { params: { max: REASON_MAX, length: 600 } } });
  });

  it('accepts any printable one-line text of 10..500 code points (10 visible), returned trimmed', () => {
    const printable = fc.string({ unit: 'grapheme', minLength: REASON_MIN, maxLength: 200 }).filter((s) => {
      const t = s.trim();
      const n = codePointLength(t);
      const seen = visibility(t);
      if (seen.visible < REASON_MIN || seen.hidden * 2 > seen.total) return false;
      // eslint-disable-next-line no-control-regex -- the generator's text must be free of what the rule refuses
      return n >= REASON_MIN && n <= REASON_MAX && !/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/.test(t);
    });
    fc.assert(
      fc.property(printable, (text) => {
        expect(validateReason(text)).toEqual({ ok: true, reason: text.trim() });
      }),
    );
  });

  it('never accepts a reason holding a control character, wherever it is placed', () => {
    const control = fc.integer({ min: 0, max: 0x9f }).filter((c) => c < 0x20 || c >= 0x7f);
    fc.assert(
      fc.property(fc.string({ minLength: 12, maxLength: 100 }), control, fc.nat(), (text, code, at) => {
        const base = `ab${text.replace(/\s/g, 'x')}yz`;
        const i = 1 + (at % (base.length - 1));
        const raw = base.slice(0, i) + String.fromCharCode(code) + base.slice(i);
        expect(validateReason(raw).ok).toBe(false);
      }),
    );
  });
});

// IN-1, issue 11.5: a reason must be visible text. Only letters, digits, punctuation and
// symbols count towards the 10; a reason made mostly of invisible characters is refused
// with its own message — in main and in the dialog's hint alike (reason-hint.test.ts).
describe('validateReason: visible text only', () => {
  const invisible: [string, string][] = [
    ['zero-width space U+200B', '\u200b'],
    ['zero-width non-joiner U+200C', '\u200c'],
    ['zero-width joiner U+200D', '\u200d'],
    ['word joiner U+2060', '\u2060'],
    ['Hangul filler U+3164', '\u3164'],
    ['Hangul choseong filler U+115F', '\u115f'],
    ['Hangul jungseong filler U+1160', '\u1160'],
    ['halfwidth Hangul filler U+FFA0', '\uffa0'],
    ['braille pattern blank U+2800', '\u2800'],
    ['tag character U+E0041', '\u{e0041}'],
    ['cancel tag U+E007F', '\u{e007f}'],
    ['left-to-right mark U+200E', '\u200e'],
    ['right-to-left mark U+200F', '\u200f'],
    ['Arabic letter mark U+061C', '\u061c'],
    ['soft hyphen U+00AD', '\u00ad'],
    ['Mongolian vowel separator U+180E', '\u180e'],
    ['invisible times U+2062', '\u2062'],
    ['combining grapheme joiner U+034F', '\u034f'],
    ['musical null notehead U+1D159', '\u{1d159}'],
    ['en quad U+2000', '\u2000'],
  ];

  it.each(invisible)('refuses ten of %s as mostly invisible (or, where trim takes them all, as empty)', (_name, char) => {
    const refusal = char.trim() === '' ? { code: 'reason-empty' } : { code: 'reason-invisible', refusal: { key: 'rules.reasonInvisible' } };
    expect(validateReason(char.repeat(10))).toMatchObject({ ok: false, ...refusal });
    expect(validateReason(`x${char.repeat(10)}y`)).toMatchObject({ ok: false, code: 'reason-invisible' });
  });

  it.each(invisible)('does not count %s towards the minimum', (_name, char) => {
    // Nine visible letters, each followed by one such character: not mostly hidden, still too short.
    const reason = [...'abcdefghi'].map((letter) => `${letter}${char}`).join('');
    const result = validateReason(reason);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(['reason-too-short', 'reason-invisible']).toContain(result.code);
    if (result.code === 'reason-too-short') expect(result.refusal.params).toMatchObject({ length: 9 });
  });

  it('refuses a real-looking reason padded with more hidden than visible characters', () => {
    expect(validateReason(`Ticket 4711 ${'\u200b'.repeat(13)}`)).toMatchObject({ ok: false, code: 'reason-invisible' });
    expect(validateReason(`Ticket 4711 ${'\u200b'.repeat(5)}`)).toMatchObject({ ok: true });
  });

  it('accepts text whose invisible characters are part of it: emoji sequences, Persian, Hindi', () => {
    expect(validateReason('👨‍👩‍👧 family account cannot log in')).toMatchObject({ ok: true });
    expect(validateReason('می‌خواهم فاکتور را ببینم')).toMatchObject({ ok: true });
    expect(validateReason('ग्राहक चालान नहीं देख सकता')).toMatchObject({ ok: true });
    expect(validateReason('Cafe\u0301 invoice number 12')).toMatchObject({ ok: true });
  });

  it('refuses any reason whose hidden characters outnumber the rest', () => {
    // Not the spaces trim takes (U+2000): padding made of them at the end is trimmed away,
    // and what is left is a valid reason. They are refused when inside, above.
    const hidden = fc.constantFrom(...invisible.map(([, char]) => char).filter((char) => char.trim() !== ''));
    fc.assert(
      fc.property(fc.string({ minLength: 0, maxLength: 40 }).map((s) => s.replace(/[^a-z]/gi, 'x')), fc.array(hidden, { minLength: 1, maxLength: 100 }), (visible, padding) => {
        fc.pre(padding.length * 2 > visible.length + padding.length);
        const reason = `${visible}${padding.join('')}`;
        expect(validateReason(reason).ok).toBe(false);
      }),
    );
  });
});
