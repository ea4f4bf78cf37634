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
//
// A reason must be visible text (issue 11.5): only visible characters — letters,
// digits, punctuation and symbols — count towards the minimum of 10. Format characters
// (zero-width spaces and joiners, LRM/RLM/ALM, tag characters, U+FEFF, the soft
// hyphen), space-like characters and the blank "letters" that render as nothing
// (Hangul fillers U+115F, U+1160, U+3164, U+FFA0; the braille blank U+2800; the
// musical null notehead U+1D159) do not count, and a reason made mostly of such
// hidden characters is refused outright with its own message. Combining marks on a
// visible character count neither way: they are part of it (Hindi, Thai, é spelled
// e + U+0301); a mark with nothing visible to sit on hides.
// The maximum of 500 still counts every code point: it bounds what is stored.
import { REASON_MAX, REASON_MIN } from './limits';

export type ReasonProblem =
  | { code: 'reason-malformed' }
  | { code: 'reason-control-characters' }
  | { code: 'reason-empty'; min: number }
  | { code: 'reason-invisible' }
  | { code: 'reason-too-short'; min: number; length: number }
  | { code: 'reason-too-long'; max: number; length: number };

export type ReasonRefusalCode = ReasonProblem['code'];

// eslint-disable-next-line no-control-regex -- finding control characters is this regex's job
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Characters that are letters or symbols to Unicode, yet render as nothing at all. */
const BLANK_LOOKALIKES = new Set([0x115f, 0x1160, 0x3164, 0xffa0, 0x2800, 0x1d159]);
const SEEN = /^[\p{L}\p{N}\p{P}\p{S}]$/u;
const MARK = /^\p{M}$/u;
/** Unicode's own list of what renders as nothing unless a font decides otherwise (joiners, fillers, tags, selectors). */
const IGNORABLE = /^\p{Default_Ignorable_Code_Point}$/u;

/** Number of Unicode code points (what the 500 limit counts). */
export function codePointLength(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

/** A letter, digit, punctuation mark or symbol that shows on screen (what the 10 minimum counts). */
export function isVisibleCharacter(char: string): boolean {
  return SEEN.test(char) && !IGNORABLE.test(char) && !BLANK_LOOKALIKES.has(char.codePointAt(0) ?? 0);
}

/**
 * How many of the reason's characters are visible, and how many hide: anything that is
 * neither visible, a plain space, nor a mark on a visible character (a mark with
 * nothing to sit on, such as a run of U+034F, hides too).
 */
export function visibility(text: string): { visible: number; hidden: number; total: number } {
  let visible = 0;
  let hidden = 0;
  let total = 0;
  let onVisible = false;
  for (const char of text) {
    total += 1;
    if (isVisibleCharacter(char)) {
      visible += 1;
      onVisible = true;
    } else if (MARK.test(char) && onVisible && !IGNORABLE.test(char)) {
      // part of the letter before it
    } else {
      if (char !== ' ') hidden += 1;
      onVisible = false;
    }
  }
  return { visible, hidden, total };
}

/** What is wrong with a reason as typed (after trimming), or null when it is valid. */
export function reasonProblem(raw: string): ReasonProblem | null {
  const reason = raw.trim();
  if (LONE_SURROGATE.test(reason)) return { code: 'reason-malformed' };
  if (FORBIDDEN.test(reason)) return { code: 'reason-control-characters' };
  const { visible, hidden, total } = visibility(reason);
  if (total === 0) return { code: 'reason-empty', min: REASON_MIN };
  if (total > REASON_MAX) return { code: 'reason-too-long', max: REASON_MAX, length: total };
  // Mostly hidden characters: a visually empty (or padded) reason, said as such.
  if (hidden * 2 > total) return { code: 'reason-invisible' };
  if (visible < REASON_MIN) return { code: 'reason-too-short', min: REASON_MIN, length: visible };
  return null;
}
