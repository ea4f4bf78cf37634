// A JSON-RPC request body read the way Odoo reads it: the bytes as UTF-8, then
// strict JSON (Python's json.loads: `\u` escapes decoded in keys and values, the
// last of duplicate keys wins — exactly as JSON.parse), and only `params` used;
// the envelope's `method`, `jsonrpc` and `id` are ignored by the server, so they
// are ignored here too. Anything else is `unreadable`, and the policy refuses it
// on a guarded route: a body we cannot read the way the server would is never
// given the benefit of the doubt.
import type { ViewRequestBody } from './view-request';

export type RpcBody =
  | { readonly kind: 'none' }
  | { readonly kind: 'unreadable' }
  /** A JSON object with an object `params` (possibly empty). */
  | { readonly kind: 'rpc'; readonly params: Readonly<Record<string, unknown>> };

/** Bodies above this are not worth parsing for a decision: no web-client RPC on a guarded route comes close. */
export const MAX_GUARDED_BODY_BYTES = 8 * 1024 * 1024;

export function readRpcBody(body: ViewRequestBody): RpcBody {
  if (body.kind === 'none') return { kind: 'none' };
  if (body.kind === 'unreadable') return { kind: 'unreadable' };
  if (body.bytes.length === 0) return { kind: 'none' };
  if (body.bytes.length > MAX_GUARDED_BODY_BYTES) return { kind: 'unreadable' };
  let value: unknown;
  try {
    // fatal: invalid UTF-8 is refused (the server would read U+FFFD; we do not guess).
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body.bytes));
  } catch {
    return { kind: 'unreadable' };
  }
  if (!isPlainObject(value) || !Object.hasOwn(value, 'params')) return { kind: 'unreadable' };
  const params = value.params;
  if (!isPlainObject(params)) return { kind: 'unreadable' };
  return { kind: 'rpc', params };
}

/** A string field of `params`, or null when it is absent or of another type. */
export function stringParam(params: Readonly<Record<string, unknown>>, key: string): string | null {
  const value = Object.hasOwn(params, key) ? params[key] : undefined;
  return typeof value === 'string' ? value : null;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
