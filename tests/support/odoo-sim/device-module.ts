// res.device revoke (docs/odoo.md, The server's own audit records): deletes the
// server sessions with those devices' identifiers and marks their log rows revoked.
// It sits behind Odoo's identity check (identity-check.ts).
import type { CallContext } from './call-context';
import { NO_RESULT, type RpcResult } from './rpc-error';

export function revokeNow(ctx: CallContext, deviceIds: number[]): RpcResult {
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
  return NO_RESULT;
}
