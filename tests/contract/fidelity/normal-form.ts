// The fidelity check's normal form of one HTTP exchange, and EVERY mask it
// applies, in this one module: what may differ between the simulator and a
// real Odoo of the same version (ids, times, session values, `Expires`, Odoo's
// `debug` traceback, menu ids, messages) is reduced here to what must not
// differ (its type, its length and character set, its presence). Everything
// else is compared as it is: the status, the content type, each Set-Cookie's
// name and attributes, the envelope's key sets and value types, whether `id`
// is null or echoed, the error's `code` and `data.name`, redirects, and the
// framing header. See docs/odoo.md for what these are on each version.
import type { Exchange } from '../raw-session';

export interface NormalExchange {
  request: string;
  status: number;
  contentType: string;
  location: string | null;
  frameOptions: string | null;
  /** Each Set-Cookie, its value masked, its attributes sorted; sorted. */
  cookies: string[];
  body: unknown;
}

/** Subtrees whose content depends on the database, not on the protocol: only their kind is compared. */
const OPAQUE_KEYS = new Set([
  'currencies',
  'user_companies',
  'user_settings',
  'bundle_params',
  'storeData',
  'view_info',
  'cache_hashes',
  'profile_collectors',
  'profile_params',
  'profile_session',
  'groups',
  'user_context',
]);

/** Values that follow the database's state, not the protocol (an onboarding tour, say): not compared at all. */
const IGNORED_KEYS = new Set(['current_tour']);

const ODOO_DATETIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

export function normalise(exchange: Exchange): NormalExchange {
  const { answer } = exchange;
  return {
    request: `${exchange.method} ${exchange.path}${exchange.label ? ` [${exchange.label}]` : ''}`,
    status: answer.status,
    contentType: answer.contentType.toLowerCase(),
    location: maskLocation(answer.headers.get('location')),
    frameOptions: answer.headers.get('x-frame-options'),
    cookies: answer.setCookie.map(maskCookie).sort(),
    body: maskBody(exchange),
  };
}

/** A session value by its length and characters only: 40 hex on Odoo 17, 84 url-safe base64 from 18. */
export function valueClass(value: string): string {
  if (value === '') return 'empty';
  if (/^[0-9a-f]+$/.test(value)) return `hex×${value.length}`;
  if (/^[A-Za-z0-9_-]+$/.test(value)) return `base64url×${value.length}`;
  return `text×${value.length}`;
}

function maskCookie(header: string): string {
  const [pair = '', ...attributes] = header.split(';').map((part) => part.trim());
  const eq = pair.indexOf('=');
  const name = eq < 0 ? pair : pair.slice(0, eq);
  const value = eq < 0 ? '' : pair.slice(eq + 1);
  const masked = attributes
    .filter((attribute) => attribute !== '')
    .map((attribute) => {
      const [key = '', ...rest] = attribute.split('=');
      const lower = key.trim().toLowerCase();
      // Expires is the server's clock plus a year; Max-Age is the lifetime and is kept.
      if (lower === 'expires') return 'expires=<date>';
      return rest.length > 0 ? `${lower}=${rest.join('=')}` : lower;
    })
    .sort();
  return [`${name}=<${valueClass(value)}>`, ...masked].join('; ');
}

function maskLocation(location: string | null): string | null {
  if (location === null) return null;
  // An absolute Location names the server's host and port: only its path and query count.
  return location.replace(/^[a-z]+:\/\/[^/]+/i, '');
}

function maskBody(exchange: Exchange): unknown {
  const { answer } = exchange;
  if (answer.text === '') return 'empty';
  if (answer.envelope === null || typeof answer.envelope !== 'object' || Array.isArray(answer.envelope)) {
    if (exchange.path === '/web/login/totp' && /<form/i.test(answer.text)) return codeForm(answer.text);
    return /html/i.test(answer.contentType) ? 'html' : 'text';
  }
  const envelope = answer.envelope as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(envelope).sort()) {
    const value = envelope[key];
    if (key === 'id') out.id = idForm(value, exchange.requestBody);
    else if (key === 'jsonrpc') out.jsonrpc = value;
    else if (key === 'error') out.error = maskError(value);
    else out[key] = shape(value);
  }
  return out;
}

/**
 * Odoo's two-factor code form (docs/odoo.md, Two-factor sign-in): its inputs by name, in
 * order, and the error it shows, if any (the values — a CSRF token — are masked away).
 */
function codeForm(html: string): unknown {
  const inputs = [...html.matchAll(/<input\b[^>]*\bname="([^"]+)"/gi)].map((match) => match[1]);
  const alert = /<p class="alert alert-danger"[^>]*>\s*([^<]*?)\s*<\/p>/i.exec(html)?.[1] ?? null;
  return { form: inputs, alert };
}

/** `id` is either null or the request's own id, echoed whatever its type (docs/odoo.md, Transport). */
function idForm(value: unknown, requestBody: string | null): string {
  if (value === null) return 'null';
  let sent: unknown;
  try {
    sent = requestBody === null ? undefined : (JSON.parse(requestBody) as { id?: unknown }).id;
  } catch {
    sent = undefined;
  }
  return JSON.stringify(value) === JSON.stringify(sent) ? 'echoed' : `other ${typeof value}`;
}

function maskError(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return shape(value);
  const error = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(error).sort()) {
    const item = error[key];
    if (key === 'code' || key === 'message') out[key] = item;
    else if (key === 'data' && typeof item === 'object' && item !== null) {
      const data = item as Record<string, unknown>;
      const masked: Record<string, unknown> = {};
      for (const name of Object.keys(data).sort()) {
        // data.name is the Python class the client branches on; the rest is text that names records.
        if (name === 'name') masked.name = data.name;
        else if (name === 'debug') masked.debug = typeof data.debug;
        else masked[name] = shape(data[name]);
      }
      out.data = masked;
    } else out[key] = shape(item);
  }
  return out;
}

/** A value's type tree: objects by their keys, arrays by the set of their elements' shapes. */
export function shape(value: unknown, key = ''): unknown {
  if (IGNORED_KEYS.has(key)) return 'ignored';
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    if (OPAQUE_KEYS.has(key)) return 'array';
    const elements = [...new Set(value.map((item) => JSON.stringify(shape(item))))].sort();
    return { array: elements.map((item) => JSON.parse(item) as unknown) };
  }
  if (typeof value === 'object') {
    if (OPAQUE_KEYS.has(key)) return 'object';
    const out: Record<string, unknown> = {};
    for (const name of Object.keys(value).sort()) out[name] = shape((value as Record<string, unknown>)[name], name);
    return out;
  }
  if (typeof value === 'string') return ODOO_DATETIME.test(value) ? 'datetime' : 'string';
  return typeof value;
}
