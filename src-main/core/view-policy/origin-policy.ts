// Where the impersonation view may go (SS-6): exactly the connection's origin.
// URLs are compared parsed (scheme, host, port), never as strings, so that
// `https://odoo.example.com.evil.test` or `https://odoo.example.com@evil.test`
// cannot pass for `https://odoo.example.com`. No Electron import on purpose:
// this is the rule itself, tested directly.
import { ConsoleError } from '../console-error';

const WEB_SCHEMES = new Set(['http:', 'https:']);

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

export class OriginPolicy {
  /** `scheme://host[:port]`, as the URL standard serialises it (default port left out). */
  readonly origin: string;
  readonly secure: boolean;

  /** `connectionOrigin` may carry a path (a connection URL); only its origin counts. */
  constructor(connectionOrigin: string) {
    const parsed = parse(connectionOrigin);
    if (!parsed || !WEB_SCHEMES.has(parsed.protocol) || parsed.username || parsed.password) {
      throw new ConsoleError('view', 'errors.viewOpenFailed', { origin: originForLog(connectionOrigin) });
    }
    this.origin = parsed.origin;
    this.secure = parsed.protocol === 'https:';
  }

  /** True only for an http(s) URL on this very origin, without credentials in it. */
  allows(url: string): boolean {
    const parsed = parse(url);
    if (!parsed || !WEB_SCHEMES.has(parsed.protocol)) return false;
    // Userinfo has no business in a page URL and is a classic way to disguise a host.
    if (parsed.username || parsed.password) return false;
    return parsed.origin === this.origin;
  }

  /**
   * True for any URL that may carry the view's session cookie: a cookie is scoped
   * to a host, not to a port or (without Secure) a scheme, so a request to the
   * connection's host on another port reaches the cookie too. The request policy
   * guards all of them, not only the connection's own origin.
   */
  sharesCookieWith(url: string): boolean {
    const parsed = parse(url);
    if (!parsed || !COOKIE_SCHEMES.has(parsed.protocol)) return false;
    return bareHost(parsed.hostname) === bareHost(this.hostname);
  }

  private get hostname(): string {
    return new URL(this.origin).hostname;
  }
}

const COOKIE_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:']);

function bareHost(hostname: string): string {
  return hostname.toLowerCase().replace(/\.+$/, '');
}

/**
 * What a log line may say about a URL: its origin for web URLs, its bare scheme
 * otherwise. Never the path or query, which may carry tokens (SS-10).
 */
export function originForLog(url: string): string {
  const parsed = parse(url);
  if (!parsed) return 'unparseable-url';
  if (['http:', 'https:', 'ws:', 'wss:'].includes(parsed.protocol)) return parsed.origin;
  return parsed.protocol;
}
