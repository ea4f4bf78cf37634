// session.cookies as Electron 40 validates it: Cookies::Set in
// shell/browser/api/electron_api_cookies.cc (the option checks, then Chromium's
// CanonicalCookie::CreateSanitizedCookie), rejecting with the same messages.
// Only the checks a caller of ours could trip are modelled; see the header of
// electron-mock.ts for what is left out.
import { state } from './state';

export interface FakeCookie {
  url: string;
  name?: string;
  value?: string;
  domain?: string;
  path?: string;
  secure?: boolean;
  httpOnly?: boolean;
  expirationDate?: number;
  sameSite?: string;
}

const SAME_SITE = new Set(['unspecified', 'no_restriction', 'lax', 'strict']);
// Chromium refuses control characters and ';' in a name or value (EXCLUDE_DISALLOWED_CHARACTER).
// eslint-disable-next-line no-control-regex
const DISALLOWED = /[\u0000-\u001f\u007f;]/;

function failed(reason: string, debug: string): Error {
  return new Error(`Failed to set cookie - ${reason}${debug}`);
}

/** The reason Electron would reject `details` with, or null when the cookie is stored. */
export function cookieRejection(details: FakeCookie): Error | null {
  if (typeof details.url !== 'string') return new Error("Missing required option 'url'");
  if (details.sameSite !== undefined && !SAME_SITE.has(details.sameSite)) {
    return new Error(`Failed to convert '${details.sameSite}' to an appropriate cookie same site value`);
  }
  let url: URL;
  try {
    url = new URL(details.url);
  } catch {
    return failed('The cookie was set with an invalid Domain attribute.', 'EXCLUDE_INVALID_DOMAIN');
  }
  const name = details.name ?? '';
  const value = details.value ?? '';
  if (!['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol)) {
    return failed('Attempted to set a cookie from a scheme that does not support cookies.', 'EXCLUDE_NONCOOKIEABLE_SCHEME');
  }
  if (DISALLOWED.test(name) || DISALLOWED.test(value)) {
    return failed('The cookie contains ASCII control characters', 'EXCLUDE_DISALLOWED_CHARACTER');
  }
  if (name.trim() === '' && value.trim() === '') {
    return failed('The cookie contains no content or only whitespace.', 'EXCLUDE_NO_COOKIE_CONTENT');
  }
  if (name.length + value.length > 4096) {
    return failed('The cookie exceeded the name/value pair size limit.', 'EXCLUDE_NAME_VALUE_PAIR_EXCEEDS_MAX_SIZE');
  }
  const domain = details.domain?.replace(/^\./, '').toLowerCase();
  const host = url.hostname.toLowerCase();
  if (domain && domain !== host && !host.endsWith(`.${domain}`)) {
    return failed('The cookie was set with an invalid Domain attribute.', 'EXCLUDE_INVALID_DOMAIN');
  }
  // Electron defaults `secure` to true only for SameSite=None.
  const secure = details.secure ?? details.sameSite === 'no_restriction';
  const secureUrl = url.protocol === 'https:' || url.protocol === 'wss:';
  if (secure && !secureUrl) {
    return failed('The cookie was Secure, but the URL was not allowed to access Secure cookies.', 'EXCLUDE_SECURE_ONLY');
  }
  if (details.sameSite === 'no_restriction' && !secure) {
    return failed('The cookie specified SameSite=None, but it was not Secure.', 'EXCLUDE_SAMESITE_NONE_INSECURE');
  }
  if (name.startsWith('__Host-') && (!secure || details.domain !== undefined || (details.path ?? '/') !== '/')) {
    return failed('The cookie was set with an invalid __Host- or __Secure- prefix.', 'EXCLUDE_INVALID_PREFIX');
  }
  if (name.startsWith('__Secure-') && !secure) {
    return failed('The cookie was set with an invalid __Host- or __Secure- prefix.', 'EXCLUDE_INVALID_PREFIX');
  }
  return null;
}

export class FakeCookies {
  readonly jar: FakeCookie[] = [];

  /** Resolves on a later tick, as the cookie manager answers over Mojo. */
  async set(details: FakeCookie): Promise<void> {
    await Promise.resolve();
    const rejection = cookieRejection(details);
    if (rejection) throw rejection;
    await state.hooks.cookieSet(details);
    const index = this.jar.findIndex((cookie) => cookie.url === details.url && cookie.name === details.name);
    if (index >= 0) this.jar.splice(index, 1);
    this.jar.push({ ...details });
  }

  async get(filter: { url?: string; name?: string } = {}): Promise<FakeCookie[]> {
    await Promise.resolve();
    return this.jar.filter(
      (cookie) =>
        (filter.name === undefined || cookie.name === filter.name) &&
        (filter.url === undefined || new URL(cookie.url).origin === new URL(filter.url).origin),
    );
  }
}
