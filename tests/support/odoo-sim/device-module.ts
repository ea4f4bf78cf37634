// res.device revoke behind Odoo's identity check (docs/odoo.md): the first revoke in
// a session answers a wizard; writing the password into it and run_check does the
// revoke and opens a 10-minute window in which revoke acts at once.
import type { CallContext } from './call-context';
import { ids } from './orm';
import { NO_RESULT, accessError, userError, type RpcResult } from './rpc-error';

const IDENTITY_WINDOW_MS = 10 * 60 * 1000;

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
  return {
    type: 'ir.actions.act_window',
    res_model: 'res.users.identitycheck',
    res_id: wizard.id,
    name: 'Security Control',
    target: 'new',
    views: [[false, 'form']],
    context: { dialog_size: 'medium' },
  };
}

export async function runIdentityCheck(ctx: CallContext, args: unknown[]): Promise<RpcResult> {
  const { db, session } = ctx;
  const table = db.table('res.users.identitycheck');
  const wizard = table.rows.get(ids(args[0])[0] ?? 0);
  if (!wizard || wizard.create_uid !== ctx.uid) throw accessError('You are not allowed to access this identity check.');
  await ctx.hashDelay();
  const password = wizard.password;
  table.update(wizard.id, { password: false });
  if (typeof password !== 'string' || password !== db.user(ctx.uid)?.password) {
    throw userError('Incorrect Password, try again or click on Forgot Password to reset your password.');
  }
  session.identityCheckAt = Date.now();
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
