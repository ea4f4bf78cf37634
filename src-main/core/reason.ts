// The mandatory reason (IN-1), validated in main: the UI's check is only a
// convenience. The rule itself is shared with the UI (src-preload/reason-rule.ts);
// here a problem becomes the refusal main answers and records.
import type { Message } from '../../src-preload/contract';
import { reasonProblem, type ReasonRefusalCode } from '../../src-preload/reason-rule';


export type ReasonCheck =
  | { ok: true; reason: string }
  | { ok: false; code: ReasonRefusalCode; refusal: Message };

const REFUSAL_KEYS: Record<ReasonRefusalCode, string> = {
  'reason-malformed': 'rules.reasonMalformed',
  'reason-control-characters': 'rules.reasonControlCharacters',
  'reason-empty': 'rules.reasonEmpty',
  'reason-invisible': 'rules.reasonInvisible',
  'reason-too-short': 'rules.reasonTooShort',
  'reason-too-long': 'rules.reasonTooLong',
};

export function validateReason(raw: string): ReasonCheck {
  const problem = reasonProblem(raw);
  if (!problem) return { ok: true, reason: raw.trim() };
  const { code, ...params } = problem;
  const key = REFUSAL_KEYS[code];
  return { ok: false, code, refusal: Object.keys(params).length ? { key, params } : { key } };
}
