// The server's impersonate.log as the tripwire reads it, through the admin API
// session (docs/odoo.md, The server's own audit records): the highest id before
// impersonate_login is the mark — a row above it was created while the session
// runs, since ids only grow — and the row the console's own call created is the one
// above the mark for this admin and the target's partner. Every internal user may
// rewrite user_id, so later readings take every row above the mark, whatever it says.
import { z } from 'zod';
import type { ImpersonateLogRow, ImpersonateLogWatch } from '../core';
import { OdooError } from './odoo-error';
import { orNull, resultOf, type RpcChannel } from './rpc-channel';

// search_read gives a many2one as [id, display name], or false.
const Many2one = z.union([z.tuple([z.number().int(), z.union([z.string(), z.literal(false)])]), z.literal(false)]);
const LogRows = z.array(z.object({ id: z.number().int(), user_id: Many2one, impersonated_partner_id: Many2one }));
const IdRows = z.array(z.object({ id: z.number().int() }));

/** More rows than this in one reading would be a flood; the first ones are enough to judge. */
const MAX_ROWS = 200;

/** The highest impersonate.log id right now (0 for an empty log). */
export async function readLogMark(admin: RpcChannel): Promise<number> {
  const answer = await admin.callKw('impersonate.log', 'search_read', [[]], { fields: ['id'], order: 'id desc', limit: 1 });
  return resultOf(answer, IdRows, 'impersonate-log-mark')[0]?.id ?? 0;
}

/** impersonate.log rows above `afterId`, oldest first. */
export async function readLogRowsAfter(admin: RpcChannel, afterId: number): Promise<ImpersonateLogRow[]> {
  const answer = await admin.callKw('impersonate.log', 'search_read', [[['id', '>', afterId]]], {
    fields: ['id', 'user_id', 'impersonated_partner_id'],
    order: 'id asc',
    limit: MAX_ROWS,
  });
  return resultOf(answer, LogRows, 'impersonate-log-rows').map((row) => ({
    id: row.id,
    impersonatorUid: row.user_id ? row.user_id[0] : null,
    impersonatorName: row.user_id ? orNull(row.user_id[1]) : null,
    targetPartnerId: row.impersonated_partner_id ? row.impersonated_partner_id[0] : null,
    targetName: row.impersonated_partner_id ? orNull(row.impersonated_partner_id[1]) : null,
  }));
}

/**
 * Right after impersonate_login: the row it created. None found means the log does not
 * say what the console just did — refused like any other unverified start (AZ-6).
 */
export async function watchFrom(admin: RpcChannel, afterId: number, adminUid: number, targetPartnerId: number): Promise<ImpersonateLogWatch> {
  const rows = await readLogRowsAfter(admin, afterId);
  const own = rows.find((row) => row.impersonatorUid === adminUid && row.targetPartnerId === targetPartnerId);
  if (!own) throw new OdooError('verification-failed', { problem: 'log-row' });
  return { afterId, ownRowId: own.id, targetPartnerId };
}
