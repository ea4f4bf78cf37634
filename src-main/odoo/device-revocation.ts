// Ends a server session the console no longer holds the cookie of (crash
// recovery, FT-1), knowing only its 42-character identifier: res.device revoke,
// behind Odoo's identity check (docs/odoo.md, The server's own audit records).
import { z } from 'zod';
import { OdooError, isOdooError } from './odoo-error';
import { resultOf, type RpcChannel } from './rpc-channel';

export interface RevokeReport {
  /** The server knew a live session with this identifier. */
  found: boolean;
  revoked: boolean;
}

const DeviceIds = z.array(z.object({ id: z.number().int() }));
const IdentityCheckAction = z.looseObject({
  res_model: z.literal('res.users.identitycheck'),
  res_id: z.number().int().positive(),
});

export async function revokeByIdentifier(admin: RpcChannel, identifier: string, adminPassword: string): Promise<RevokeReport> {
  const answer = await admin.callKw('res.device', 'search_read', [[['session_identifier', '=', identifier]]], { fields: ['id'] });
  const ids = resultOf(answer, DeviceIds, 'devices').map((row) => row.id);
  if (ids.length === 0) return { found: false, revoked: false };

  const revoke = await admin.callKw('res.device', 'revoke', [ids]);
  const check = IdentityCheckAction.safeParse(revoke.result);
  if (check.success) {
    // First revoke in this session: Odoo asks for the password through a wizard.
    const wizard = check.data.res_id;
    await admin.callKw('res.users.identitycheck', 'write', [[wizard], { password: adminPassword }]);
    try {
      await admin.callKw('res.users.identitycheck', 'run_check', [[wizard]]);
    } catch (error) {
      // A wrong password is a UserError; say so without Odoo's wording.
      if (isOdooError(error, 'user-error')) throw new OdooError('verification-failed', { problem: 'password' });
      throw error;
    }
  }
  return { found: true, revoked: true };
}
