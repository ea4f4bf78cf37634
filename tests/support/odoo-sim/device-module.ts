// res.device revoke behind Odoo's identity check (docs/odoo.md, The server's own
// audit records): the first revoke in a session answers a wizard; run_check on it
// checks the password and does the revoke, and opens a 10-minute window in which
// revoke acts at once. Where run_check finds the password differs per version:
// 17 and 18 read the wizard's stored `password` field (cleared on success only,
// so a wrong one stays stored), 19 reads `context.password` and stores nothing.
import type { CallContext } from './call-context';
import { ids, ormMethod } from './orm';
import { NO_RESULT, accessError, userError, type RpcResult } from './rpc-error';

const IDENTITY_WINDOW_MS = 10 * 60 * 1000;
const WRONG_PASSWORD = 'Incorrect Password, try again or click on Forgot Password to reset your password.';

export function revokeDevices(ctx: CallContext, args: unknown[]): RpcResult {
  const { db, session } = ctx;
  const deviceIds = ids(args[0]);
  if (session.identityCheckAt > Date.now() - IDENTITY_WINDOW_MS) {
    revokeNow(ctx, deviceIds);
    return NO_RESULT;
  }
  const wizard = db.table('res.users.identitycheck').insert({
    request: JSON.stringify({ model: 'res.device', ids: deviceIds, method: 'revoke' }),
    password: false,
    create_uid: ctx.uid,
  });
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
  const request = JSON.parse(String(wizard.request)) as { ids: number[] };
  revokeNow(ctx, request.ids);
  return NO_RESULT;
}

function revokeNow(ctx: CallContext, deviceIds: number[]): void {
  const { db } = ctx;
  db.refreshDevices();
  const devices = db.table('res.device');
  const identifiers = deviceIds.flatMap((id) => {
    const device = devices.rows.get(id);
    return device && ctx.canSee('res.device', device) ? [String(device.session_identifier)] : [];
  });
  ctx.sessions.deleteByIdentifiers(identifiers);
  const logs = db.table('res.device.log');
  for (const log of logs.rows.values()) if (identifiers.includes(String(log.session_identifier))) log.revoked = true;
  logs.touch();
  db.refreshDevices();
}
