// The raw protocol scenarios of two-factor sign-in (docs/odoo.md, Two-factor sign-in),
// with the account ODOO_TOTP_* names (the lab's admin3): the half-open password step,
// the code form and its CSRF token, a wrong code, the right one with "remember" and
// the trusted-device cookie it sets, a fresh session finished by that cookie alone,
// "Revoke All" behind the identity check and the refused cookie after it, the 500
// without a browser's User-Agent, and 19's single-use codes. Codes come from the
// known secret (tests/support/totp.ts), never written down. Each scenario holds the
// account's lock for its whole run: another test process revoking the account's
// devices meanwhile would change what the server answers.
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { CodeSource, matchTotp, withFileLock } from '../support/totp';
import type { RawAnswer, RawSession } from './raw-session';
import type { ScenarioContext } from './protocol-scenarios';

/** What Chromium on Linux sends; Odoo names the trusted device from it ("Chrome on Linux"). */
export const BROWSER_USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';

const codes = new CodeSource();

/** Runs `work` while no other test process uses the two-factor account of that server. */
export function withTwoFactorAccount<T>(url: string, login: string, work: () => Promise<T>): Promise<T> {
  const key = createHash('sha256').update(`${url}|${login}`).digest('hex').slice(0, 16);
  return withFileLock(path.join(os.tmpdir(), `impersonation-console-2fa-${key}.lock`), work, 10 * 60_000);
}

/** A code the server accepts now: on 19 one of a step nobody used on it yet (a simulator's clock moves on instead of waiting). */
export function acceptedCode(c: Pick<ScenarioContext, 'url' | 'version' | 'totpClock'>): Promise<string> {
  return codes.next(c.url, c.version >= 19, c.totpClock ?? null);
}

/** Six digits that match none of the steps the server accepts at `atMs`. */
export function wrongCode(secret: string, atMs = Date.now()): string {
  for (let n = 0; ; n++) {
    const candidate = String((123456 + n * 7919) % 1_000_000).padStart(6, '0');
    if (matchTotp(secret, candidate, atMs) === null && matchTotp(secret, candidate, atMs + 30_000) === null) return candidate;
  }
}

/** The CSRF token of Odoo's code form. */
export function csrfOf(answer: RawAnswer): string {
  const match = /name="csrf_token" value="([^"]+)"/.exec(answer.text);
  if (!match) throw new Error(`no code form (HTTP ${answer.status})`);
  return match[1]!;
}

/**
 * "Revoke All" on `uid`'s trusted devices through `raw` (a signed-in session: the user's
 * own, or an administrator's): res.users revoke_all_devices behind the identity check,
 * passed with the one sequence every version takes (write the password, pass it in the
 * context).
 */
export async function revokeAllDevices(raw: RawSession, uid: number, password: string): Promise<void> {
  const revoke = await raw.callKw('res.users', 'revoke_all_devices', [[uid]], {}, 'revoke all');
  if (revoke.envelope?.error) throw new Error(`revoke_all_devices: ${revoke.envelope.error.data.name}`);
  const wizard = (revoke.envelope?.result as { res_id?: number } | undefined)?.res_id;
  if (wizard === undefined) return; // the identity was checked in the last 10 minutes: done already
  await raw.callKw('res.users.identitycheck', 'write', [[wizard], { password }], {}, 'write password');
  const check = await raw.callKw('res.users.identitycheck', 'run_check', [[wizard]], { context: { password } }, 'run_check');
  if (check.envelope?.error) throw new Error(`run_check: ${check.envelope.error.data.name}`);
}

async function passwordStep(c: ScenarioContext, label: string, userAgent: string | null = BROWSER_USER_AGENT): Promise<RawSession> {
  const raw = c.raw();
  raw.userAgent = userAgent;
  await raw.authenticate(c.database, c.totp.login, c.totp.password, label);
  return raw;
}

export const TWO_FACTOR_SCENARIOS = {
  async 'two-factor'(c: ScenarioContext) {
    await withTwoFactorAccount(c.url, c.totp.login, async () => {
      const first = await passwordStep(c, 'password step');
      await first.sessionInfo('half-open session info');
      const form = await first.get('/web/login/totp', 'code form');
      await first.postForm('/web/login/totp', { totp_token: wrongCode(c.totpSecret, c.totpClock?.now()) }, 'without csrf token');
      const wrong = await first.postForm('/web/login/totp', { csrf_token: csrfOf(form), totp_token: wrongCode(c.totpSecret, c.totpClock?.now()), remember: '1', redirect: '' }, 'wrong code');
      const code = await acceptedCode(c);
      await first.postForm('/web/login/totp', { csrf_token: csrfOf(wrong), totp_token: code, remember: '1', redirect: '' }, 'right code, remember');
      await first.sessionInfo('completed');
      await first.callKw('res.users', 'read', [[c.ids.totp], ['totp_enabled']], {}, 'totp_enabled');

      // A fresh session: the password, then the trusted device alone.
      const second = await passwordStep(c, 'fresh password step');
      second.trustedDevice = first.trustedDevice;
      await second.get('/web/login/totp', 'trusted device');
      await second.sessionInfo('completed by the trusted device');
      await second.end();

      // "Revoke All", as the user does it, behind the identity check.
      await revokeAllDevices(first, c.ids.totp, c.totp.password);
      const third = await passwordStep(c, 'password step after revoke');
      third.trustedDevice = first.trustedDevice;
      await third.get('/web/login/totp', 'revoked device');
      await third.sessionInfo('still half-open');
      await first.sessionInfo('the completed session lives on');
      await third.end();
      await first.end();
    });
  },
  async 'two-factor-user-agent'(c: ScenarioContext) {
    await withTwoFactorAccount(c.url, c.totp.login, async () => {
      // fetch's own User-Agent ("node") names no browser: Odoo cannot name the device.
      const raw = await passwordStep(c, 'password step', null);
      const form = await raw.get('/web/login/totp', 'code form');
      const code = await acceptedCode(c);
      await raw.postForm('/web/login/totp', { csrf_token: csrfOf(form), totp_token: code, remember: '1', redirect: '' }, 'remember without a browser');
      await raw.sessionInfo('after the 500');
      await raw.end();
      const plain = await passwordStep(c, 'second password step', null);
      const again = await plain.get('/web/login/totp', 'second code form');
      await plain.postForm('/web/login/totp', { csrf_token: csrfOf(again), totp_token: await acceptedCode(c), redirect: '' }, 'no remember, no browser');
      await plain.sessionInfo('completed without a trusted device');
      await plain.end();
    });
  },
  async 'two-factor-code-once'(c: ScenarioContext) {
    await withTwoFactorAccount(c.url, c.totp.login, async () => {
      const code = await acceptedCode(c);
      for (const label of ['first use', 'same code again']) {
        const raw = await passwordStep(c, `${label}: password step`);
        const form = await raw.get('/web/login/totp', `${label}: code form`);
        await raw.postForm('/web/login/totp', { csrf_token: csrfOf(form), totp_token: code, redirect: '' }, label);
        await raw.end();
      }
    });
  },
};
