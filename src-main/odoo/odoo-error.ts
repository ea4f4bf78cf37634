// The typed errors of the Odoo connector. Each kind has a translation key
// `odoo.<camelCase kind>` in the `odoo` i18n resource. Odoo's `debug` traceback
// is never copied here (it holds server paths), and no request parameter (a
// password, a cookie) ever reaches the params.
import { ConsoleError, type MessageParams } from '../core';

export const ODOO_ERROR_KINDS = [
  'access-denied', // wrong password, unknown login or archived user (Odoo does not say which)
  'session-expired', // the session is dead (destroyed, revoked, password changed)
  'database-not-found',
  'not-permitted', // impersonate_login answered without a result: caller not in the group
  'user-error', // Odoo's UserError/ValidationError: its own message is shown
  'access-error', // Odoo's AccessError other than "Database not found."
  'missing-record', // Odoo's MissingError
  'module-missing', // impersonate_login is not installed
  'feature-missing', // the server version lacks what the operation needs (res.device on 17)
  'not-odoo', // HTML, invalid JSON, an answer of the wrong shape
  'response-too-large',
  'network',
  'timeout',
  'server-error', // any other server exception
  'not-eligible', // the console refuses this target (AZ-2..4)
  'verification-failed', // the server is not in the state the console just asked for (AZ-6)
  'invalid-url', // IN-3
  'second-factor-required', // two-factor sign-in: the server wants a code and no trusted device is kept
  'trusted-device-refused', // two-factor sign-in: the server no longer trusts this computer; a code is needed
  'second-factor-invalid', // the code was refused: wrong, expired, or (Odoo 19) used already
] as const;

export type OdooErrorKind = (typeof ODOO_ERROR_KINDS)[number];

export function odooErrorKey(kind: OdooErrorKind): string {
  return `odoo.${kind.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase())}`;
}

export class OdooError extends ConsoleError {
  declare readonly kind: OdooErrorKind;

  constructor(kind: OdooErrorKind, params?: MessageParams, options?: { cause?: unknown }) {
    super(kind, odooErrorKey(kind), params, options);
    this.name = 'OdooError';
  }
}

export function isOdooError(value: unknown, kind?: OdooErrorKind): value is OdooError {
  return value instanceof OdooError && (kind === undefined || value.kind === kind);
}

/** The `error.data` object of a JSON-RPC answer, as far as the console reads it. */
export interface RpcErrorData {
  name?: unknown;
  message?: unknown;
}

/** Longest Odoo message carried into an error (UI text, never a traceback). */
const MAX_MESSAGE = 500;

function serverMessage(data: RpcErrorData): string {
  const text = typeof data.message === 'string' ? data.message : '';
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}…` : text;
}

/**
 * Maps Odoo's error envelope to an OdooError. Odoo answers HTTP 200 for errors and
 * only `data.name` (the Python class) says what went wrong (docs/odoo.md, Transport).
 */
export function errorFromRpc(data: RpcErrorData): OdooError {
  const name = typeof data.name === 'string' ? data.name : '';
  const message = serverMessage(data);
  switch (name) {
    case 'odoo.exceptions.AccessDenied':
      return new OdooError('access-denied');
    case 'odoo.http.SessionExpiredException':
      return new OdooError('session-expired');
    case 'odoo.exceptions.AccessError':
      // Unknown database is an AccessError with this exact text (docs/odoo.md, Sessions).
      if (message === 'Database not found.') return new OdooError('database-not-found');
      return new OdooError('access-error', { message });
    case 'odoo.exceptions.UserError':
    case 'odoo.exceptions.ValidationError':
    case 'odoo.exceptions.RedirectWarning':
      return new OdooError('user-error', { message });
    case 'odoo.exceptions.MissingError':
      return new OdooError('missing-record', { message });
    default:
      return new OdooError('server-error', { name: name || 'unknown' });
  }
}
