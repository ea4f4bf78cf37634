// The Reason dialog's live hints: a convenience that mirrors main's reason rule
// (IN-1), so the user learns what main would refuse before trying (and spending an attempt).
import { describe, expect, it } from 'vitest';
import { validateReason } from '../../../src-main/core/reason';
import { reasonFeedback, reasonHint } from '../../../src-renderer/src/components/reason-hint';

describe('reason hint', () => {
  it.each([
    ['', 'reason.hint.empty'],
    ['   ', 'reason.hint.empty'],
    ['too short', 'reason.hint.tooShort'],
    ['x'.repeat(501), 'reason.hint.tooLong'],
    ['line one\nline two', 'reason.hint.controlCharacters'],
    ['tab\there in it', 'reason.hint.controlCharacters'],
    ['bidi \u202e override text', 'reason.hint.controlCharacters'],
  ])('flags %j as %s', (reason, key) => {
    expect(reasonHint(reason)?.key).toBe(key);
  });

  it('says how many characters count so far, trimmed, in code points', () => {
    expect(reasonHint('  🙂🙂🙂  ')).toEqual({ key: 'reason.hint.tooShort', params: { min: 10, length: 3 } });
  });

  it.each(['Customer ticket #4711: invoice shows wrong tax', '  exactly 10  ', 'ñandú 🙂 reproduce the bug', 'x'.repeat(500)])(
    'accepts %j',
    (reason) => {
      expect(reasonHint(reason)).toBeNull();
    },
  );

  it('agrees with main on whether a reason is acceptable', () => {
    const samples = ['', ' ', '123456789', '1234567890', ' 1234567890 ', 'a\u0000bcdefghijk', 'y'.repeat(500), 'y'.repeat(501), 'emoji 🙂🙂🙂🙂', 'é'.repeat(10), 'lone \ud800 surrogate here'];
    for (const sample of samples) expect(reasonHint(sample) === null, sample).toBe(validateReason(sample).ok);
  });
});

describe('what the dialog says about the reason', () => {
  const rule = { key: 'reason.hint.rule', params: { min: 10, max: 500 } };

  it('says no error before the first keystroke: only the rule', () => {
    expect(reasonFeedback('', false)).toEqual({ error: null, help: rule });
  });

  it('says what is wrong once the user has typed, even after clearing the field', () => {
    expect(reasonFeedback('too short', true).error?.key).toBe('reason.hint.tooShort');
    expect(reasonFeedback('', true).error?.key).toBe('reason.hint.empty');
  });

  it('says the reason looks complete once it is valid', () => {
    expect(reasonFeedback('Ticket 4711: invoice totals', true)).toEqual({ error: null, help: { key: 'reason.hint.ok' } });
  });
});
