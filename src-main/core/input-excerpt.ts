// What the audit keeps of input the contract refused (AU-1, LD-4): enough to see what
// was sent, never enough to grow the store or to break a log line. A bounded excerpt:
// at most EXCERPT_MAX code points, control, format and bidirectional characters
// shown as \u{…} escapes, the full length said when it was cut. Pure.

export const EXCERPT_MAX = 80;

const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;

function escapeUnsafe(char: string): string {
  return UNSAFE.test(char) ? `\\u{${(char.codePointAt(0) ?? 0).toString(16)}}` : char;
}

/** A string, cut and escaped (quoted unless `quoted` is false); anything else as a short JSON form. */
export function inputExcerpt(value: unknown, max = EXCERPT_MAX, quoted = true): string {
  if (typeof value === 'string') return textExcerpt(value, max, quoted);
  if (value === undefined) return 'undefined';
  if (typeof value === 'bigint') return textExcerpt(`${value}n`, max, false);
  if (typeof value === 'function' || typeof value === 'symbol') return typeof value;
  let json: string;
  try {
    json = JSON.stringify(value) ?? String(value);
  } catch {
    json = Object.prototype.toString.call(value);
  }
  return textExcerpt(json, max, false);
}

function textExcerpt(text: string, max: number, quoted: boolean): string {
  const chars = Array.from(text);
  const shown = chars.slice(0, max).map(escapeUnsafe).join('');
  const cut = chars.length > max ? `… (${chars.length} characters)` : '';
  return quoted ? `"${shown}"${cut}` : `${shown}${cut}`;
}
