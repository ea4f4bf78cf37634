// The Reason dialog's live hint: main's own reason rule (src-preload/reason-rule.ts),
// said as a hint, so the user sees what main would refuse before spending an
// attempt on it. A convenience only: main validates again and decides.
import type { Message } from '../../../src-preload/contract';
import { codePointLength, reasonProblem } from '../../../src-preload/reason-rule';

export { REASON_MAX, REASON_MIN } from '../../../src-preload/limits';

/** Length as main counts it against the maximum: trimmed, in code points ("🙂" is one). */
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
    case 'reason-invisible':
      return { key: 'reason.hint.invisible' };
    case 'reason-too-short':
      return { key: 'reason.hint.tooShort', params: { min: problem.min, length: problem.length } };
    case 'reason-too-long':
      return { key: 'reason.hint.tooLong', params: { max: problem.max, length: problem.length } };
  }
}
