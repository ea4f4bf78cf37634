// What the view proxy changes in the headers it passes on, and nothing more:
//   upstream: Host, Origin and Referer become the server's (Odoo compares the bus
//   socket's Origin with Host and downgrades the socket to a public session when they
//   differ and ODOO_BUS_PUBLIC_SAMESITE_WS is set; the lab servers do not set it, so
//   the rewrite is kept for servers that do), the browser's own `session_id` and the
//   proxy's cookie are dropped and the session's cookie is added;
//   downstream: every `session_id` Set-Cookie is dropped (the browser never holds the
//   session, as in the desktop app), X-Frame-Options and the CSP's frame-ancestors
//   directive are stripped (the only framing headers), and Location is pointed back
//   at the proxy by the caller (view-proxy.ts), after the redirect rule.
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

export const SESSION_COOKIE = 'session_id';

export interface UpstreamHeaderOptions {
  /** The server's origin, e.g. http://127.0.0.1:8069. */
  upstream: URL;
  /** The proxy's own origins (Origin/Referer values to translate). */
  proxyOrigins: readonly string[];
  proxyCookie: string;
  sessionCookie: string;
  /** Keep Connection/Upgrade (a WebSocket handshake). */
  upgrade?: boolean;
}

function translateOrigin(value: string, options: UpstreamHeaderOptions): string {
  for (const origin of options.proxyOrigins) {
    if (value === origin) return options.upstream.origin;
    if (value.startsWith(`${origin}/`)) return options.upstream.origin + value.slice(origin.length);
  }
  return value;
}

function upstreamCookie(header: string | undefined, options: UpstreamHeaderOptions): string {
  const kept = (header ?? '')
    .split(';')
    .map((part) => part.trim())
    .filter((part) => {
      const name = part.slice(0, Math.max(0, part.indexOf('='))).trim();
      return part !== '' && name !== SESSION_COOKIE && name !== options.proxyCookie;
    });
  return [...kept, `${SESSION_COOKIE}=${options.sessionCookie}`].join('; ');
}

export function upstreamRequestHeaders(incoming: IncomingHttpHeaders, options: UpstreamHeaderOptions): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(incoming)) {
    if (value === undefined) continue;
    if (HOP_BY_HOP.has(name) && !(options.upgrade && (name === 'connection' || name === 'upgrade'))) continue;
    headers[name] = value;
  }
  headers.host = options.upstream.host;
  if (typeof incoming.origin === 'string') headers.origin = translateOrigin(incoming.origin, options);
  if (typeof incoming.referer === 'string') headers.referer = translateOrigin(incoming.referer, options);
  headers.cookie = upstreamCookie(incoming.cookie, options);
  return headers;
}

function setCookieName(cookie: string): string {
  return cookie.slice(0, Math.max(0, cookie.indexOf('='))).trim();
}

/** CSP without its frame-ancestors directive; null when nothing else was in it. */
export function withoutFrameAncestors(policy: string): string | null {
  const kept = policy
    .split(';')
    .map((directive) => directive.trim())
    .filter((directive) => directive !== '' && directive.split(/\s+/)[0]!.toLowerCase() !== 'frame-ancestors');
  return kept.length > 0 ? kept.join('; ') : null;
}

/** The server's answer headers as the browser gets them (Location is the caller's). */
export function downstreamResponseHeaders(incoming: IncomingHttpHeaders): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(incoming)) {
    if (value === undefined || HOP_BY_HOP.has(name) || name === 'x-frame-options') continue;
    if (name === 'set-cookie') {
      const kept = (value as string[]).filter((cookie) => setCookieName(cookie) !== SESSION_COOKIE);
      if (kept.length > 0) headers[name] = kept;
      continue;
    }
    if (name === 'content-security-policy') {
      // Several policies arrive joined by commas: each loses only its frame-ancestors.
      const joined = Array.isArray(value) ? value.join(', ') : value;
      const kept = joined.split(',').map(withoutFrameAncestors).filter((policy) => policy !== null);
      if (kept.length > 0) headers[name] = kept.join(', ');
      continue;
    }
    headers[name] = value;
  }
  return headers;
}

/** The status line and headers of a 101 answer, written to the browser's socket by hand. */
export function rawHandshakeAnswer(statusCode: number, statusMessage: string, rawHeaders: string[]): string {
  const lines = [`HTTP/1.1 ${statusCode} ${statusMessage}`];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]!;
    const value = rawHeaders[i + 1]!;
    const lower = name.toLowerCase();
    if (lower === 'set-cookie' && setCookieName(value) === SESSION_COOKIE) continue;
    if (lower === 'x-frame-options') continue;
    lines.push(`${name}: ${value}`);
  }
  return `${lines.join('\r\n')}\r\n\r\n`;
}
