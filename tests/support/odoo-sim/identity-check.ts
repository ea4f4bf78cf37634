// Odoo's identity check (@check_identity; docs/odoo.md, The server's own audit
// records): the first call of a guarded method in a session answers an action for
// the wizard res.users.identitycheck instead of acting; run_check on it checks the
// password and then performs the call, and opens a 10-minute window in which the
// guarded methods act at once. Where run_check finds the password differs per
// version: 17 and 18 read the wizard's stored `password` field (cleared on success
// only, so a wrong one stays stored), 19 reads `context.password` and stores nothing.
// Guarded here: res.device revoke, res.users revoke_all_devices, auth_totp.device remove.
import type { CallContext } from './call-context';
import { revokeNow } from './device-module';
import { ids, ormMethod } from './orm';
import { accessError, userError, type RpcResult } from './rpc-error';
import { removeDevices, revokeAllDevices } from './totp-module';

const IDENTITY_WINDOW_MS = 10 * 60 * 1000;
const WRONG_PASSWORD = 'Incorrect Password, try again or click on Forgot Password to reset your password.';

type Guarded = (ctx: CallContext, recordIds: number[]) => RpcResult;

/** The methods behind the check, by 'model.method'. */
const GUARDED: Record<string, Guarded> = {
  'res.device.revoke': revokeNow,
  'res.users.revoke_all_devices': revokeAllDevices,
  'auth_totp.device.remove': removeDevices,
};

export function isIdentityChecked(key: string): boolean {
  return key in GUARDED;
}

/** A guarded call: done at once inside the window, else the wizard's action. */
export function identityChecked(ctx: CallContext, key: string, args: unknown[]): RpcResult {
  const { db, session } = ctx;
  const recordIds = ids(args[0]);
  if (session.identityCheckAt > Date.now() - IDENTITY_WINDOW_MS) return GUARDED[key]!(ctx, recordIds);
  const wizard = db.table('res.users.identitycheck').insert({ request: JSON.stringify({ key, ids: recordIds }), password: false, create_uid: ctx.uid });
  const from19 = db.profile.identityPasswordInContext;
  return {
    type: 'ir.actions.act_window',
    res_model: 'res.users.identitycheck',
    res_id: wizard.id,
    name: from19 ? 'Access Control' : 'Security Control',
    target: 'new',
    views: [[false, 'form']],
    ...(from19 ? { context: { dialog_size: 'medium' } } : {}),
  };
}

/** 19's wizard password is not stored: a write of it is accepted and forgotten. */
export function writeIdentityCheck(ctx: CallContext, args: unknown[]): RpcResult {
  const values = { ...((args[1] ?? {}) as Record<string, unknown>) };
  if (ctx.db.profile.identityPasswordInContext) delete values.password;
  return ormMethod(ctx, ctx.db.table('res.users.identitycheck'), 'write', [args[0], values], {});
}

export async function runIdentityCheck(ctx: CallContext, args: unknown[], kwargs: Record<string, unknown>): Promise<RpcResult> {
  const { db, session } = ctx;
  const table = db.table('res.users.identitycheck');
  const wizard = table.rows.get(ids(args[0])[0] ?? 0);
  if (!wizard || wizard.create_uid !== ctx.uid) throw accessError('You are not allowed to access this identity check.');
  await ctx.hashDelay();
  const context = (kwargs.context ?? {}) as { password?: unknown };
  const password = db.profile.identityPasswordInContext ? context.password : wizard.password;
  if (typeof password !== 'string' || password !== db.user(ctx.uid)?.password) throw userError(WRONG_PASSWORD);
  table.update(wizard.id, { password: false });
  session.identityCheckAt = Date.now();
  session.dirty = true;
  const request = JSON.parse(String(wizard.request)) as { key: string; ids: number[] };
  return GUARDED[request.key]!(ctx, request.ids);
}
