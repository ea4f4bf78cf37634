// Redaction by rule (SS-10): what the diagnostic log must never hold, whatever a
// caller hands it. By key, anywhere in nested data: password, passwd, passphrase,
// pwd, secret, token, authorization, cookie, api_key, the session cookie's own
// name (session_id), and two-factor sign-in's secrets: the trusted-device cookie
// (td_id, trustedDevice) and the code (totp_token, totpCode). By value pattern,
// anywhere in text: Odoo's full session ids (84
// url-safe characters on 18 and 19, 40 hex on 17), `Bearer …`/`Basic …`
// credentials, URL user-info, and `key=value` / `"key": "value"` pairs of those keys
// (JSON escaped inside a string too) — td_id's 40-hex value falls under the 17
// session-id pattern as well. Errors are taken apart so their message, stack
// and cause go through the same rules. Never redacted: the 42-character session
// *identifier* SS-10 keeps for correlation (`sessionIdentifier`), which is exactly
// why the session-id patterns are anchored to their full lengths.

export const REDACTED = '[redacted]';

const SECRET_KEY_PARTS = ['password', 'passwd', 'passphrase', 'pwd', 'secret', 'token', 'authorization', 'cookie', 'apikey', 'trusteddevice', 'totpcode'];

/** True for a key whose value is a secret: `Password`, `csrf_token`, `X-Api-Key`, `set-cookie`, `session_id`, `td_id`, `trustedDevice`. */
export function isSecretKey(key: string): boolean {
  const k = key.toLowerCase().replace(/[^a-z0-9]/g, '');
  // The cookies' own names, never the 42-character `sessionIdentifier`.
  return SECRET_KEY_PARTS.some((part) => k.includes(part)) || k.endsWith('sessionid') || k === 'sid' || k === 'tdid';
}

const KEY_NAME = String.raw`[A-Za-z0-9_.-]*(?:password|passwd|passphrase|pwd|secret|token|authorization|cookie|api[_-]?key|session[_-]?id(?!entifier)|td[_-]?id|trusted[_-]?device|totp[_-]?code)[A-Za-z0-9_-]*`;
// A value: a (possibly escaped) double-quoted string, a single-quoted one, or a bare run.
const VALUE = String.raw`(?:\\*"(?:[^"\\]|\\(?!"))*\\*"|'[^']*'|[^\s,;&}"'\\]+)`;

const TEXT_RULES: readonly [RegExp, string][] = [
  // Header lines: `Cookie: a=b; c=d`, `Authorization: Basic …` — the rest of the line, or of
  // the JSON string it sits in (up to a quote or an escaped line break).
  [/(^|[\s{,])((?:set-)?cookie|(?:proxy-)?authorization)(\s*:\s*)(?!\\*["'])(?:[^\r\n"\\]|\\(?![nr"]))*/gim, `$1$2$3${REDACTED}`],
  [/\b(Bearer|Basic|Token)\s+[A-Za-z0-9._~+/=-]{6,}/gi, `$1 ${REDACTED}`],
  // URL user-info: scheme://user:password@host.
  [/\b([a-z][a-z0-9+.-]*:\/\/)[^/\s?#@]+@/gi, `$1${REDACTED}@`],
  // key=value, "key": "value", \"key\":\"value\" (JSON inside a string).
  [new RegExp(String.raw`(\\*["']?${KEY_NAME}\\*["']?\s*[:=]\s*)${VALUE}`, 'gi'), `$1${REDACTED}`],
  // Odoo's full session ids: 84 url-safe characters (18, 19), 40 hex (17). Anchored: a
  // 42-character identifier, or a longer token that merely contains one, is left alone.
  [/(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{84}(?![A-Za-z0-9_-])/g, REDACTED],
  [/(?<![A-Za-z0-9])[0-9a-fA-F]{40}(?![A-Za-z0-9])/g, REDACTED],
];

/** Text with every secret the rules know replaced. */
export function redactText(text: string): string {
  return TEXT_RULES.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
}

const MAX_DEPTH = 8;

/** A copy of `value` fit for the log: secret keys redacted at any depth, every string redacted, errors taken apart. */
export function redactValue(value: unknown, depth = 0, seen: WeakSet<object> = new WeakSet()): unknown {
  if (typeof value === 'string') return redactText(value);
  if (typeof value === 'bigint') return String(value);
  if (typeof value === 'function' || typeof value === 'symbol') return `[${typeof value}]`;
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[too deep]';
  seen.add(value);
  if (value instanceof Error) {
    const taken: Record<string, unknown> = { name: value.name, message: redactText(value.message) };
    if (value.stack) taken.stack = redactText(value.stack);
    if ('cause' in value && value.cause !== undefined) taken.cause = redactValue(value.cause, depth + 1, seen);
    for (const [key, field] of Object.entries(value)) taken[key] = isSecretKey(key) ? REDACTED : redactValue(field, depth + 1, seen);
    return taken;
  }
  if (ArrayBuffer.isView(value)) return `[${value.byteLength} bytes]`;
  if (value instanceof Map) return redactValue(Object.fromEntries(value), depth, seen);
  if (value instanceof Set) return redactValue([...value], depth, seen);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1, seen));
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') return redactValue(toJSON.call(value), depth + 1, seen);
  const clean: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) clean[key] = isSecretKey(key) ? REDACTED : redactValue(field, depth + 1, seen);
  return clean;
}
