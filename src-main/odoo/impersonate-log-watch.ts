// The server's impersonate.log as the tripwire reads it, through the admin API
// session (docs/odoo.md, The server's own audit records): the highest id before
// impersonate_login is the mark — a row above it was created while the session
// runs, since ids only grow — and the row the console's own call created is an open
// one above the mark for this admin and the target's partner. That is almost always
// exactly one row; when two consoles of the same admin switch to the same target at
// the same moment it is several, and every one is kept until the end tells them apart
// (the row this session's back_to_origin_login closed is its own). Every internal user
// may rewrite user_id, so later readings take every row above the mark, whatever it says.
import { z } from 'zod';
import type { ImpersonateLogRow, ImpersonateLogWatch } from '../core';
import { OdooError } from './odoo-error';
import { orNull, resultOf, type RpcChannel } from './rpc-channel';

// search_read gives a many2one as [id, display name], or false.
const Many2one = z.union([z.tuple([z.number().int(), z.union([z.string(), z.literal(false)])]), z.literal(false)]);
const OdooDate = z.union([z.string(), z.literal(false)]);
const LogRows = z.array(z.object({ id: z.number().int(), user_id: Many2one, impersonated_partner_id: Many2one, date_end: OdooDate }));
const EndRows = z.array(z.object({ id: z.number().int(), date_end: OdooDate }));
const IdRows = z.array(z.object({ id: z.number().int() }));

/** More rows than this in one reading would be a flood; the first ones are enough to judge. */
const MAX_ROWS = 200;

/** The highest impersonate.log id right now (0 for an empty log). */
export async function readLogMark(admin: RpcChannel): Promise<number> {
  const answer = await admin.callKw('impersonate.log', 'search_read', [[]], { fields: ['id'], order: 'id desc', limit: 1 });
  return resultOf(answer, IdRows, 'impersonate-log-mark')[0]?.id ?? 0;
}

/** An impersonate.log row as read here: the tripwire's reading, and whether it is still open. */
export type LogRowReading = ImpersonateLogRow & { open: boolean };

/** impersonate.log rows above `afterId`, oldest first. */
export async function readLogRowsAfter(admin: RpcChannel, afterId: number): Promise<LogRowReading[]> {
  const answer = await admin.callKw('impersonate.log', 'search_read', [[['id', '>', afterId]]], {
    fields: ['id', 'user_id', 'impersonated_partner_id', 'date_end'],
    order: 'id asc',
    limit: MAX_ROWS,
  });
  return resultOf(answer, LogRows, 'impersonate-log-rows').map((row) => ({
    id: row.id,
    impersonatorUid: row.user_id ? row.user_id[0] : null,
    impersonatorName: row.user_id ? orNull(row.user_id[1]) : null,
    targetPartnerId: row.impersonated_partner_id ? row.impersonated_partner_id[0] : null,
    targetName: row.impersonated_partner_id ? orNull(row.impersonated_partner_id[1]) : null,
    open: row.date_end === false,
  }));
}

/**
 * Right after impersonate_login: the open rows it may have created (this admin, the
 * target's partner, above the mark). None found means the log does not say what the
 * console just did — refused like any other unverified start (AZ-6).
 */
export async function watchFrom(admin: RpcChannel, afterId: number, adminUid: number, targetPartnerId: number): Promise<ImpersonateLogWatch> {
  const rows = await readLogRowsAfter(admin, afterId);
  const own = rows.filter((row) => row.open && row.impersonatorUid === adminUid && row.targetPartnerId === targetPartnerId);
  if (own.length === 0) throw new OdooError('verification-failed', { problem: 'log-row' });
  return { afterId, ownRowIds: own.map((row) => row.id), targetPartnerId };
}

/** Which of `ids` are still open (date_end false) right now. */
export async function openLogRows(admin: RpcChannel, ids: readonly number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const answer = await admin.callKw('impersonate.log', 'search_read', [[['id', 'in', [...ids]]]], { fields: ['id', 'date_end'] });
  return new Set(resultOf(answer, EndRows, 'impersonate-log-rows').filter((row) => row.date_end === false).map((row) => row.id));
}

/**
 * The one candidate this session's back_to_origin_login closed: open before the call,
 * closed after it. Null when that is not exactly one row (the other session ended in
 * between too): the candidates then stay as they are, and nothing is guessed.
 */
export function closedByThisEnd(candidates: readonly number[], openBefore: ReadonlySet<number>, openAfter: ReadonlySet<number>): number | null {
  const closed = candidates.filter((id) => openBefore.has(id) && !openAfter.has(id));
  return closed.length === 1 ? closed[0]! : null;
}
