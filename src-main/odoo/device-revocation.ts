// Ends a server session the console no longer holds the cookie of (crash
// recovery, FT-1), knowing only its identifier: res.device revoke, behind Odoo's
// identity check (docs/odoo.md, The server's own audit records). The check reads
// the password from the wizard's field on 17 and 18 and from the context on 19,
// so the console does both — one sequence for every version. On 17 and 18 a
// wrong password stays stored in the wizard's row after a failed check: the
// console clears it at once.
import { z } from 'zod';
import { OdooError, isOdooError } from './odoo-error';
import { resultOf, type RpcChannel } from './rpc-channel';

export interface RevokeReport {
  /** The server knew a live session with this identifier. */
  found: boolean;
  /** The server no longer lists it among its live sessions. */
  revoked: boolean;
}

const DeviceIds = z.array(z.object({ id: z.number().int() }));
const IdentityCheckAction = z.looseObject({
  res_model: z.literal('res.users.identitycheck'),
  res_id: z.number().int().positive(),
});

async function liveDevices(admin: RpcChannel, identifier: string): Promise<number[]> {
  const answer = await admin.callKw('res.device', 'search_read', [[['session_identifier', '=', identifier]]], { fields: ['id'] });
  return resultOf(answer, DeviceIds, 'devices').map((row) => row.id);
}

export async function revokeByIdentifier(admin: RpcChannel, identifier: string, adminPassword: string): Promise<RevokeReport> {
  const ids = await liveDevices(admin, identifier);
  if (ids.length === 0) return { found: false, revoked: false };

  const revoke = await admin.callKw('res.device', 'revoke', [ids]);
  const check = IdentityCheckAction.safeParse(revoke.result);
  if (check.success) {
    // First revoke in this admin session: Odoo asks for the password through a wizard.
    await passIdentityCheck(admin, check.data.res_id, adminPassword);
  }
  return { found: true, revoked: (await liveDevices(admin, identifier)).length === 0 };
}

async function passIdentityCheck(admin: RpcChannel, wizard: number, password: string): Promise<void> {
  // 17, 18 read the written field; 19 ignores it (not stored) and reads the context.
  await admin.callKw('res.users.identitycheck', 'write', [[wizard], { password }]);
  try {
    await admin.callKw('res.users.identitycheck', 'run_check', [[wizard]], { context: { password } });
  } catch (error) {
    // Odoo clears the field only on success: a wrong password would stay in the row.
    await admin.callKw('res.users.identitycheck', 'write', [[wizard], { password: false }]).catch(() => undefined);
    // A wrong password is a UserError; say so without Odoo's wording.
    if (isOdooError(error, 'user-error')) throw new OdooError('verification-failed', { problem: 'password' });
    throw error;
  }
}
