// Two-factor sign-in (auth_totp; docs/odoo.md, Two-factor sign-in). For a user with
// it, authenticate checks the password and answers {"uid": null}: the session is
// half-open. GET /web/login/totp finishes it through a trusted device — the `td_id`
// cookie the server set when a code was last given with "remember" — with a 303, or
// serves the code form (with its CSRF token); POSTing the code with remember=1
// finishes it with a 303 and sets a new td_id. A 200 is the form again: a wrong,
// expired or (Odoo 19) reused code. Odoo names the trusted device from the
// User-Agent and fails (500) without a browser and platform in it, so these requests
// carry one, like Electron's own. The td_id skips the second factor for 90 days: it
// is a secret like the password (SS-9, SS-10), read from and handed to its slot,
// sent to this server's two-factor page only, never logged.
import type { OdooClient, PageAnswer } from './odoo-client';
import { OdooError } from './odoo-error';

export const SECOND_FACTOR_PATH = '/web/login/totp';
export const TRUSTED_DEVICE_COOKIE = 'td_id';

/** Where a connection keeps the trusted-device token of its server and login (the vault, or memory). */
export interface TrustedDeviceSlot {
  read(): string | null;
  /** The server trusts this computer anew: keep this token (it replaces any older one). */
  keep(token: string): void;
}

/** A slot that lives as long as the object: for tests and scripts. */
export function memorySlot(): TrustedDeviceSlot {
  let token: string | null = null;
  return {
    read: () => token,
    keep: (value) => {
      token = value;
    },
  };
}

export interface SecondFactorInput {
  slot: TrustedDeviceSlot;
  /** The 6-digit code the admin typed; null: the trusted device only. */
  code: string | null;
  userAgent: string;
}

/** authenticate's answer for a correct password when the second factor is due. */
export function isSecondFactorDue(result: unknown): boolean {
  return typeof result === 'object' && result !== null && 'uid' in result && (result as { uid: unknown }).uid === null;
}

/**
 * Finishes a half-open session on `client`: through the trusted device when no code is
 * given, else with the code (asking the server to remember this computer). Throws
 * `second-factor-required` (no trusted device), `trusted-device-refused` (the server no
 * longer trusts it) or `second-factor-invalid` (the code was refused); the session then
 * stays half-open, so a code can follow on the same client.
 */
export async function completeSecondFactor(client: OdooClient, input: SecondFactorInput): Promise<void> {
  const device = input.code === null ? input.slot.read() : null;
  const form = await client.page(SECOND_FACTOR_PATH, {
    userAgent: input.userAgent,
    ...(device === null ? {} : { extraCookies: { [TRUSTED_DEVICE_COOKIE]: device } }),
  });
  if (form.status === 303) return;
  const csrf = codeFormToken(form);
  if (input.code === null) throw new OdooError(device === null ? 'second-factor-required' : 'trusted-device-refused');
  const answer = await client.page(SECOND_FACTOR_PATH, {
    userAgent: input.userAgent,
    form: { csrf_token: csrf, totp_token: input.code, remember: '1', redirect: '' },
  });
  if (answer.status === 303) {
    const token = cookieValue(answer.setCookie, TRUSTED_DEVICE_COOKIE);
    if (token !== null) input.slot.keep(token);
    return;
  }
  if (answer.status === 200 && codeFormTokenOrNull(answer) !== null) throw new OdooError('second-factor-invalid');
  throw unexpected(answer);
}

function codeFormTokenOrNull(answer: PageAnswer): string | null {
  if (answer.status !== 200) return null;
  return /<input[^>]*\bname="csrf_token"[^>]*\bvalue="([^"]+)"/.exec(answer.text)?.[1] ?? null;
}

function codeFormToken(answer: PageAnswer): string {
  const token = codeFormTokenOrNull(answer);
  if (token === null) throw unexpected(answer);
  return token;
}

function unexpected(answer: PageAnswer): OdooError {
  if (answer.status >= 500) return new OdooError('server-error', { name: `HTTP ${answer.status}` });
  return new OdooError('not-odoo', { problem: 'second-factor-page', status: answer.status });
}

function cookieValue(setCookie: readonly string[], name: string): string | null {
  for (const header of setCookie) {
    const [pair = ''] = header.split(';');
    const eq = pair.indexOf('=');
    if (eq > 0 && pair.slice(0, eq).trim() === name) {
      const value = pair.slice(eq + 1).trim();
      return value === '' ? null : value;
    }
  }
  return null;
}

const PLATFORM_TOKENS: Record<string, string> = {
  win32: 'Windows NT 10.0; Win64; x64',
  darwin: 'Macintosh; Intel Mac OS X 10_15_7',
};

/**
 * The User-Agent of the two-factor pages: Electron's own form (the console is a
 * Chromium application), so Odoo names the trusted device "Chrome on Linux",
 * "Chrome on Windows" or "Chrome on Macos", and the console says who it is.
 */
export function consoleUserAgent(appVersion: string, platform: string = process.platform, chromeVersion: string = process.versions.chrome ?? '144.0.0.0'): string {
  const system = PLATFORM_TOKENS[platform] ?? 'X11; Linux x86_64';
  return `Mozilla/5.0 (${system}) AppleWebKit/537.36 (KHTML, like Gecko) ImpersonationConsole/${appVersion} Chrome/${chromeVersion} Safari/537.36`;
}
