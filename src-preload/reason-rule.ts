// The reason rule (IN-1), shared by both sides of the contract as plain code (no
// zod): main validates with it and decides (src-main/core/reason.ts); the UI uses
// the same rule for its live hint, so the two can never drift apart.
//
// A reason is one line of text that ends up in the local audit, the server's ir.logging
// entry and CSV exports, so anything that could break or disguise a line is refused:
// - C0 controls (U+0000–U+001F, newline and tab included), DEL and C1 controls
//   (U+0080–U+009F) — Unicode's Cc category;
// - the Unicode line and paragraph separators (U+2028, U+2029);
// - bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069),
//   which can make a log line read differently from what it holds ("Trojan Source");
// - unpaired UTF-16 surrogates, which are not text at all.
// Trimming comes first (String.prototype.trim: whitespace and line terminators at either
// end), so a reason pasted with a trailing newline is accepted without it.
// Lengths are counted in Unicode code points, not UTF-16 units: "🙂" is one.
import { REASON_MAX, REASON_MIN } from './limits';

export type ReasonProblem =
  | { code: 'reason-malformed' }
  | { code: 'reason-control-characters' }
  | { code: 'reason-empty'; min: number }
  | { code: 'reason-too-short'; min: number; length: number }
  | { code: 'reason-too-long'; max: number; length: number };

export type ReasonRefusalCode = ReasonProblem['code'];

// eslint-disable-next-line no-control-regex -- finding control characters is this regex's job
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Number of Unicode code points (what the 10..500 limits count). */
export function codePointLength(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

/** What is wrong with a reason as typed (after trimming), or null when it is valid. */
export function reasonProblem(raw: string): ReasonProblem | null {
  const reason = raw.trim();
  if (LONE_SURROGATE.test(reason)) return { code: 'reason-malformed' };
  if (FORBIDDEN.test(reason)) return { code: 'reason-control-characters' };
  const length = codePointLength(reason);
  if (length === 0) return { code: 'reason-empty', min: REASON_MIN };
  if (length < REASON_MIN) return { code: 'reason-too-short', min: REASON_MIN, length };
  if (length > REASON_MAX) return { code: 'reason-too-long', max: REASON_MAX, length };
  return null;
}
