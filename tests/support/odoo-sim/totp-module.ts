// auth_totp as the real Odoo 17, 18 and 19 answer it (docs/odoo.md, Two-factor
// sign-in): a user with a TOTP secret is half-open after the password; GET
// /web/login/totp on that session either finishes it through a trusted device
// (the `td_id` cookie, 303) or serves the code form with a CSRF token; POST with
// the code finishes it (303), and with `remember` also registers a trusted device
// named from the User-Agent — which Odoo cannot name without a browser and platform
// in it: a 500, the session left half-open. 19 takes each code once. Trusted devices
// are revoked by res.users.revoke_all_devices (identity-checked, identity-check.ts).
import { randomBytes } from 'node:crypto';
import { matchTotp } from '../totp';
import type { CallContext } from './call-context';
import type { SimDatabase } from './models';
import { NO_RESULT, accessError, type RpcResult } from './rpc-error';
import type { SessionStore, SimSession } from './sessions';

export const TRUSTED_DEVICE_COOKIE = 'td_id';
/** 90 days, on every version (the device row's own expiry from 18). */
export const TRUSTED_DEVICE_MAX_AGE = 90 * 24 * 3600;

export const CODE_REFUSED = 'Verification failed, please double-check the 6-digit code';
export const CODE_REUSED = 'Verification failed, please use the latest 6-digit code';
export const CODE_MALFORMED = 'Invalid authentication code format.';

export interface TotpRequest {
  method: string;
  session: SimSession | undefined;
  trustedDevice: string | null;
  userAgent: string | null;
  /** The urlencoded form of a POST. */
  form: URLSearchParams;
}

export type TotpOutcome =
  /** 303; `session` is the one whose cookie the answer sends (none for an already logged-in session). */
  | { kind: 'redirect'; location: string; session: SimSession | null; trustedDevice: string | null }
  | { kind: 'form'; session: SimSession; csrfToken: string; error: string | null }
  | { kind: 'error'; status: 400 | 500; reason: string; message: string };

/** The second factor is due: true for a user with a TOTP secret. */
export function needsSecondFactor(db: SimDatabase, uid: number): boolean {
  return typeof db.user(uid)?.totp_secret === 'string';
}

export function totpPage(db: SimDatabase, sessions: SessionStore, request: TotpRequest): TotpOutcome {
  const { session } = request;
  const home = db.profile.homePath;
  if (session === undefined || session.preUid === null) {
    // Nothing half-open: a logged-in session goes home, anyone else to the login page.
    if (session !== undefined && session.uid !== null) return { kind: 'redirect', location: home, session: null, trustedDevice: null };
    return { kind: 'redirect', location: '/web/login', session: session ?? sessions.create(), trustedDevice: null };
  }
  const uid = session.preUid;
  if (request.method === 'GET') {
    if (request.trustedDevice !== null && trusted(db, uid, request.trustedDevice)) {
      return { kind: 'redirect', location: home, session: finalize(sessions, session), trustedDevice: null };
    }
    return form(session, null);
  }
  const csrf = request.form.get('csrf_token');
  if (csrf === null || !session.csrfTokens.includes(csrf)) {
    return { kind: 'error', status: 400, reason: 'Bad Request', message: 'Session expired (invalid CSRF token)' };
  }
  const code = (request.form.get('totp_token') ?? '').replace(/\s/g, '');
  if (!/^\d{1,6}$/.test(code)) return form(session, CODE_MALFORMED);
  const user = db.user(uid)!;
  const counter = matchTotp(String(user.totp_secret), code.padStart(6, '0'), Date.now() + db.totpOffsetMs);
  if (counter === null) return form(session, CODE_REFUSED);
  const last = user.totp_last_counter;
  if (db.profile.totpSingleUse && typeof last === 'number' && counter <= last) return form(session, CODE_REUSED);
  const remember = Boolean(request.form.get('remember'));
  const name = remember ? deviceName(request.userAgent) : null;
  // Odoo names the device from the User-Agent's browser and platform; without them its
  // own code fails (None.capitalize()): a 500, rolled back, the session still half-open.
  if (remember && name === null) {
    return { kind: 'error', status: 500, reason: 'Internal Server Error', message: 'The server encountered an internal error and was unable to complete your request. Either the server is overloaded or there is an error in the application.' };
  }
  if (db.profile.totpSingleUse) user.totp_last_counter = counter;
  const finished = finalize(sessions, session);
  const token = name === null ? null : registerDevice(db, uid, name);
  return { kind: 'redirect', location: home, session: finished, trustedDevice: token };
}

function form(session: SimSession, error: string | null): TotpOutcome {
  // 40 hex, "o", a 10-digit expiry: the shape of Odoo's CSRF tokens.
  const csrfToken = `${randomBytes(20).toString('hex')}o${Math.floor(Date.now() / 1000) + 31_536_000}`;
  session.csrfTokens.push(csrfToken);
  // Rendering the form touches the session: Odoo sends its cookie again.
  session.dirty = true;
  return { kind: 'form', session, csrfToken, error };
}

/** The second factor is done: a new session id, logged in as the user. */
function finalize(sessions: SessionStore, session: SimSession): SimSession {
  const uid = session.preUid;
  const fresh = sessions.rotate(session);
  fresh.uid = uid;
  fresh.preUid = null;
  fresh.dirty = true;
  return fresh;
}

function trusted(db: SimDatabase, uid: number, token: string): boolean {
  const now = db.nowSeconds();
  return db
    .table('auth_totp.device')
    .search([['user_id', '=', uid]])
    .some((device) => device.key === token && device.scope === 'browser' && (typeof device.expiration_date !== 'string' || device.expiration_date > now));
}

function registerDevice(db: SimDatabase, uid: number, name: string): string {
  const token = randomBytes(20).toString('hex');
  const now = db.nowSeconds();
  const expiry = db.profile.trustedDeviceExpiry
    ? { expiration_date: new Date(Date.parse(`${now.replace(' ', 'T')}Z`) + TRUSTED_DEVICE_MAX_AGE * 1000).toISOString().slice(0, 19).replace('T', ' ') }
    : {};
  db.table('auth_totp.device').insert({ name, scope: 'browser', user_id: uid, create_date: now, key: token, ...expiry });
  db.issuedTrustedDevices.push(token);
  return token;
}

const BROWSERS: [string, RegExp][] = [
  ['chrome', /\bchrome\b/i],
  ['firefox', /\bfirefox\b/i],
  ['safari', /\bsafari\b/i],
  ['mozilla', /\bmozilla\b/i],
];
const PLATFORMS: [string, RegExp][] = [
  ['windows', /\bwindows\b|\bwin(32|64)\b/i],
  ['macos', /\bmac os\b|\bmacintosh\b|\bdarwin\b/i],
  ['linux', /\blinux\b|\bx11\b/i],
];

/** "Chrome on Linux", as Odoo names a trusted device; null where the User-Agent names no browser or platform. */
export function deviceName(userAgent: string | null): string | null {
  if (!userAgent) return null;
  const browser = BROWSERS.find(([, pattern]) => pattern.test(userAgent))?.[0];
  const platform = PLATFORMS.find(([, pattern]) => pattern.test(userAgent))?.[0];
  if (!browser || !platform) return null;
  const capital = (word: string) => word[0]!.toUpperCase() + word.slice(1);
  return `${capital(browser)} on ${capital(platform)}`;
}

/** "Revoke All" (res.users.revoke_all_devices, after its identity check): every trusted device of those users. */
export function revokeAllDevices(ctx: CallContext, userIds: number[]): RpcResult {
  for (const uid of userIds) {
    if (uid !== ctx.uid && !ctx.db.isSystem(ctx.uid)) throw accessError('You can only revoke your own devices.');
  }
  const devices = ctx.db.table('auth_totp.device');
  for (const device of devices.search([['user_id', 'in', userIds]])) devices.delete(device.id);
  return NO_RESULT;
}

/** auth_totp.device remove (after its identity check): those devices, closing the dialog. */
export function removeDevices(ctx: CallContext, deviceIds: number[]): RpcResult {
  const devices = ctx.db.table('auth_totp.device');
  for (const id of deviceIds) {
    const device = devices.rows.get(id);
    if (device && (device.user_id === ctx.uid || ctx.db.isSystem(ctx.uid))) devices.delete(id);
  }
  return { type: 'ir.actions.act_window_close' };
}
