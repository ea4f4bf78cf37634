// Who may use the harness's view proxy. The proxy acts as the impersonated user
// (it holds her session cookie), so it answers only:
//   - requests whose Host is the proxy itself (127.0.0.1:<port> or localhost:<port>):
//     a page on a rebinding DNS name reaches the same socket with its own name in
//     Host, and is refused whatever else it sends;
//   - and that carry the proxy's own cookie, which only the entry URL sets. The entry
//     URL holds a single-use ticket the harness hands to its own UI over its
//     authenticated WebSocket; the cookie is HttpOnly and SameSite=Strict, so another
//     local process, or a page of another site, has neither.
// A development and test tool: never packaged (scripts/package-check.ts looks for
// ENTRY_PATH in the package to prove it).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** The one path the proxy answers itself; never forwarded to Odoo. */
export const ENTRY_PATH = '/__harness_view/enter';
/** The proxy's cookie is this and its port. */
export const PROXY_COOKIE_PREFIX = 'harness_view_';
/** How long a ticket handed to the UI stays usable. */
export const TICKET_TTL_MS = 60_000;

export type AccessVerdict =
  | { readonly kind: 'allowed' }
  | { readonly kind: 'enter'; readonly setCookie: string }
  | { readonly kind: 'refused'; readonly why: 'host' | 'token' | 'ticket' };

function secret(): string {
  return randomBytes(32).toString('base64url');
}

function same(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The value of one cookie in a Cookie header, or null. */
export function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return null;
}

export class ViewProxyAccess {
  /** The cookie's name carries the port: cookies are shared by every port of a host. */
  readonly cookieName: string;
  private readonly token = secret();
  private readonly tickets = new Map<string, number>();

  constructor(
    readonly port: number,
    private readonly now: () => number = Date.now,
  ) {
    this.cookieName = `${PROXY_COOKIE_PREFIX}${port}`;
  }

  /** The origins the browser may use for the proxy: the only Host values answered. */
  get origins(): string[] {
    return [`http://127.0.0.1:${this.port}`, `http://localhost:${this.port}`];
  }

  /** A new single-use entry URL for the harness's own UI. */
  entryUrl(): string {
    const ticket = secret();
    this.tickets.set(ticket, this.now() + TICKET_TTL_MS);
    return `${this.origins[0]}${ENTRY_PATH}?ticket=${ticket}`;
  }

  /** The origin this request addressed (its Host), if it is one of ours. */
  originOf(headers: IncomingHttpHeaders): string | null {
    const host = (headers.host ?? '').toLowerCase();
    return this.origins.find((origin) => origin === `http://${host}`) ?? null;
  }

  check(method: string, rawUrl: string, headers: IncomingHttpHeaders): AccessVerdict {
    if (this.originOf(headers) === null) return { kind: 'refused', why: 'host' };
    const url = new URL(rawUrl, 'http://proxy.invalid');
    if (url.pathname === ENTRY_PATH && method === 'GET') return this.enter(url.searchParams.get('ticket') ?? '');
    const presented = cookieValue(headers.cookie, this.cookieName);
    return presented !== null && same(presented, this.token) ? { kind: 'allowed' } : { kind: 'refused', why: 'token' };
  }

  private enter(ticket: string): AccessVerdict {
    const expires = this.tickets.get(ticket);
    this.tickets.delete(ticket); // used once, whatever happens next
    for (const [other, until] of this.tickets) if (until <= this.now()) this.tickets.delete(other);
    if (expires === undefined || expires <= this.now()) return { kind: 'refused', why: 'ticket' };
    return { kind: 'enter', setCookie: `${this.cookieName}=${this.token}; Path=/; HttpOnly; SameSite=Strict` };
  }
}
