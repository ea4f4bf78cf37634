// The Reason dialog's live hint: main's own reason rule (src-preload/reason-rule.ts),
// said as a hint, so the user sees what main would refuse before spending an
// attempt on it. A convenience only: main validates again and decides.
import type { Message } from '../../../src-preload/contract';
import { REASON_MAX, REASON_MIN } from '../../../src-preload/limits';
import { codePointLength, reasonProblem } from '../../../src-preload/reason-rule';

export { REASON_MAX, REASON_MIN };

/** Length as main counts it: trimmed, in code points ("🙂" is one). */
export function reasonLength(raw: string): number {
  return codePointLength(raw.trim());
}

/** Why the reason would be refused, as a translatable hint; null when it looks valid. */
export function reasonHint(raw: string): Message | null {
  const problem = reasonProblem(raw);
  switch (problem?.code) {
    case undefined:
      return null;
    case 'reason-malformed':
    case 'reason-control-characters':
      return { key: 'reason.hint.controlCharacters' };
    case 'reason-empty':
      return { key: 'reason.hint.empty', params: { min: problem.min } };
    case 'reason-too-short':
      return { key: 'reason.hint.tooShort', params: { min: problem.min, length: problem.length } };
    case 'reason-too-long':
      return { key: 'reason.hint.tooLong', params: { max: problem.max, length: problem.length } };
  }
}

export interface ReasonFeedback {
  /** Said as an error (red, aria-invalid) only once the user has typed. */
  error: Message | null;
  /** The neutral line under the field: the rule before typing, "looks complete" once valid. */
  help: Message;
}

/**
 * What the dialog says about the reason. Before the first keystroke nothing is wrong
 * yet: the field states the rule instead of an error the user has not made.
 */
export function reasonFeedback(raw: string, touched: boolean): ReasonFeedback {
  const hint = reasonHint(raw);
  const rule: Message = { key: 'reason.hint.rule', params: { min: REASON_MIN, max: REASON_MAX } };
  if (!touched) return { error: null, help: rule };
  return hint ? { error: hint, help: rule } : { error: null, help: { key: 'reason.hint.ok' } };
}
