// The server's base URL (docs/odoo.md, Server identity and the base URL): Odoo puts
// `web.base.url` in every link of its e-mails and portal pages, and every password
// check of a Settings administrator — the console's at Connect and for each
// impersonation, the half-open two-factor step included — sets it to the address that
// sign-in came through, unless `web.base.url.freeze` holds anything. The console reads
// both after its own sign-in, and whether that very sign-in just rewrote it: the value
// is the console's address, written within moments of the password check by the
// server's own clock, by this login (or by nobody Odoo names: 19 sometimes stamps
// that write without a user). It changes them only through `freezeBaseUrl`, the one
// action the admin confirms.
import { z } from 'zod';
import { OdooError } from './odoo-error';
import { orNull, resultOf, type RpcChannel } from './rpc-channel';

export const BASE_URL_KEY = 'web.base.url';
export const BASE_URL_FREEZE_KEY = 'web.base.url.freeze';

export interface BaseUrlState {
  /** web.base.url now; null where it is not set. */
  value: string | null;
  frozen: boolean;
  /** What a sign-in of the console sets it to: the address the console reaches the server at. */
  consoleAddress: string;
  /** This connection's own sign-in just rewrote it (from another value, which Odoo does not keep). */
  changedByThisLogin: boolean;
}

const ParameterRows = z.array(
  z.looseObject({
    key: z.string(),
    value: z.union([z.string(), z.literal(false)]),
    write_date: z.union([z.string(), z.literal(false)]).optional(),
    write_uid: z.union([z.tuple([z.number(), z.string()]), z.literal(false)]).optional(),
  }),
);

/** How far before the password check's answer the server may have stamped its write (the request itself takes time). */
const WRITE_WINDOW_MS = 5_000;

/** Odoo's stamps: UTC "YYYY-MM-DD HH:MM:SS". */
function odooTime(value: string | false | undefined): number | null {
  if (typeof value !== 'string') return null;
  const ms = Date.parse(`${value.replace(' ', 'T')}Z`);
  return Number.isFinite(ms) ? ms : null;
}

/** The address as Odoo stores it (no trailing slash), for comparing. */
export function sameAddress(a: string, b: string): boolean {
  const clean = (url: string) => url.trim().replace(/\/+$/, '').toLowerCase();
  return clean(a) === clean(b);
}

export async function readBaseUrl(admin: RpcChannel, uid: number, consoleAddress: string, passwordCheckedAt: Date | null): Promise<BaseUrlState> {
  const answer = await admin.callKw('ir.config_parameter', 'search_read', [[['key', 'in', [BASE_URL_KEY, BASE_URL_FREEZE_KEY]]]], {
    fields: ['key', 'value', 'write_date', 'write_uid'],
  });
  const rows = resultOf(answer, ParameterRows, 'config-parameters');
  const base = rows.find((row) => row.key === BASE_URL_KEY);
  const freeze = rows.find((row) => row.key === BASE_URL_FREEZE_KEY);
  const value = base ? orNull(base.value) : null;
  // Odoo's get_param: any non-empty value is truthy ("False" included).
  const frozen = typeof freeze?.value === 'string' && freeze.value !== '';
  const writtenAt = odooTime(base?.write_date);
  // The writer: Odoo 19 sometimes stamps this write with no user at all (write_uid false).
  const writer = base?.write_uid ? base.write_uid[0] : null;
  const checkedAt = passwordCheckedAt?.getTime() ?? null;
  const changedByThisLogin =
    !frozen &&
    value !== null &&
    sameAddress(value, consoleAddress) &&
    (writer === null || writer === uid) &&
    writtenAt !== null &&
    checkedAt !== null &&
    writtenAt >= checkedAt - WRITE_WINDOW_MS &&
    writtenAt <= checkedAt + 1_000;
  return { value, frozen, consoleAddress, changedByThisLogin };
}

/** Should the admin be told what each sign-in does: not frozen, and not where the console's sign-ins put it, or just moved. */
export function baseUrlNeedsWarning(state: BaseUrlState): boolean {
  return !state.frozen && (state.changedByThisLogin || state.value === null || !sameAddress(state.value, state.consoleAddress));
}

/**
 * The freeze action: web.base.url.freeze first (so that no sign-in moves the value
 * between the two writes), then web.base.url at the address the admin confirmed.
 * Answers the value it replaced.
 */
export async function freezeBaseUrl(admin: RpcChannel, address: string): Promise<string | null> {
  const freeze = await admin.callKw('ir.config_parameter', 'set_param', [BASE_URL_FREEZE_KEY, 'True']);
  const previous = await admin.callKw('ir.config_parameter', 'set_param', [BASE_URL_KEY, address]);
  if (!freeze.hasResult || !previous.hasResult) throw new OdooError('not-odoo', { problem: 'set-param' });
  return typeof previous.result === 'string' ? previous.result : null;
}
