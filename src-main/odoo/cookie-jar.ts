// One cookie jar per client: it keeps Odoo's `session_id` and nothing else, in
// the main process only. The value is in a private field so that logging or
// serialising the jar (or anything holding it) cannot leak it (SS-10); the only
// form of it that may leave memory comes from session-identifier.ts.
import { sessionIdentifierOf, type IdentifierScheme } from './session-identifier';

/** Odoo's session cookie name. */
export const SESSION_COOKIE = 'session_id';

export class CookieJar {
  #sessionId: string | null = null;

  /** Reads the Set-Cookie headers of an answer; Odoo rotates and re-issues the cookie freely. */
  absorb(setCookieHeaders: readonly string[]): void {
    for (const header of setCookieHeaders) {
      const [pair = '', ...attributes] = header.split(';');
      const eq = pair.indexOf('=');
      if (eq < 0 || pair.slice(0, eq).trim() !== SESSION_COOKIE) continue;
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age\s*=\s*(0|-\d+)\s*$/i.test(a));
      this.#sessionId = expired || value === '' ? null : value;
    }
  }

  /** The Cookie header to send, or null when the jar is empty. */
  cookieHeader(): string | null {
    return this.#sessionId === null ? null : `${SESSION_COOKIE}=${this.#sessionId}`;
  }

  /** The full session id: for the impersonation view's partition only. */
  sessionId(): string | null {
    return this.#sessionId;
  }

  /** The correlation identifier, the only form of the session id the console stores or sends. */
  sessionIdentifier(scheme: IdentifierScheme): string | null {
    return this.#sessionId === null ? null : sessionIdentifierOf(this.#sessionId, scheme);
  }

  clear(): void {
    this.#sessionId = null;
  }

  toJSON(): { hasSession: boolean } {
    return { hasSession: this.#sessionId !== null };
  }
}
