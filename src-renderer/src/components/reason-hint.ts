// The Reason dialog's live hint: mirrors main's reason rule (IN-1, src-main/core/reason.ts)
// so the user sees what main would refuse before spending an attempt on it. A convenience
// only: main validates again and decides. Kept apart from the component so that plain
// Node tests can hold it against main's rule.
import type { Message } from '../../../src-preload/contract';

export const REASON_MIN = 10;
export const REASON_MAX = 500;
// eslint-disable-next-line no-control-regex -- finding control characters is this regex's job (same set as main's rule)
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Length as main counts it: trimmed, in code points ("🙂" is one). */
export function reasonLength(raw: string): number {
  return [...raw.trim()].length;
}

/** Why the reason would be refused, as a translatable hint; null when it looks valid. */
export function reasonHint(raw: string): Message | null {
  const reason = raw.trim();
  if (FORBIDDEN.test(reason) || LONE_SURROGATE.test(reason)) return { key: 'reason.hint.controlCharacters' };
  const length = reasonLength(reason);
  if (length === 0) return { key: 'reason.hint.empty', params: { min: REASON_MIN } };
  if (length < REASON_MIN) return { key: 'reason.hint.tooShort', params: { min: REASON_MIN, length } };
  if (length > REASON_MAX) return { key: 'reason.hint.tooLong', params: { max: REASON_MAX, length } };
  return null;
}
