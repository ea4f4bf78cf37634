// Crash recovery closes the server's record of the orphan too (FT-1): Odoo's
// impersonate.log row stays open until back_to_origin_login, which the crashed process
// can no longer call, so the console writes its date_end itself (an administrator may:
// docs/odoo.md, The server's own audit records). Which row is a key the session
// recorded at its start (impersonate-log-watch.ts), never a guess. A record made
// before the console kept that key falls back to the one open row of that admin and
// target started within seconds before the server's start time, where there is
// exactly one. The row is touched only while it still names this admin and target,
// and a server that forbids the write (a module release, an access rule) is reported,
// not fought: the row then stays open and the admin is told.
import { z } from 'zod';
import type { OpenSession, ServerLogClosing } from '../core';
import { isOdooError } from './odoo-error';
import { odooTimeOrNull } from './odoo-time';
import { resultOf, type RpcChannel } from './rpc-channel';

/** How long before the Date header of impersonate_login's answer the module may have dated its row. */
const START_WINDOW_SECONDS = 10;

const Many2one = z.union([z.tuple([z.number().int(), z.union([z.string(), z.literal(false)])]), z.literal(false)]);
const LogRows = z.array(
  z.object({ id: z.number().int(), user_id: Many2one, impersonated_partner_id: Many2one, date_end: z.union([z.string(), z.literal(false)]) }),
);
const IdRows = z.array(z.object({ id: z.number().int() }));
const PartnerRows = z.array(z.object({ partner_id: Many2one }));

export async function closeOrphanLogRow(admin: RpcChannel, orphan: OpenSession): Promise<ServerLogClosing> {
  const uncertain: ServerLogClosing = { outcome: 'uncertain', rowId: null, at: null };
  if (orphan.impersonateLogIds.length > 1) return uncertain;
  const partnerId = await targetPartner(admin, orphan.targetId);
  const rowId = orphan.impersonateLogIds[0] ?? (partnerId === null ? null : await matchByStart(admin, orphan, partnerId));
  if (rowId === null) return uncertain;
  const answer = await admin.callKw('impersonate.log', 'search_read', [[['id', '=', rowId]]], {
    fields: ['id', 'user_id', 'impersonated_partner_id', 'date_end'],
  });
  const row = resultOf(answer, LogRows, 'impersonate-log')[0];
  if (!row) return { outcome: 'not-found', rowId, at: null };
  const names = (field: z.infer<typeof Many2one>, id: number | null) => field !== false && field[0] === id;
  if (!names(row.user_id, orphan.adminUid) || !names(row.impersonated_partner_id, partnerId)) return { outcome: 'rewritten', rowId, at: null };
  if (row.date_end !== false) return { outcome: 'already-closed', rowId, at: row.date_end };
  const now = odooTimeOrNull(answer.serverDate);
  try {
    await admin.callKw('impersonate.log', 'write', [[rowId], { date_end: now }]);
  } catch (error) {
    // The server forbids it: say what it said. Anything else (the network) rejects: recovery tries again later.
    if (isOdooError(error, 'access-error') || isOdooError(error, 'user-error')) {
      return { outcome: 'refused', rowId, at: null, message: String(error.params?.message ?? error.kind) };
    }
    throw error;
  }
  return { outcome: 'closed', rowId, at: now };
}

async function targetPartner(admin: RpcChannel, targetId: number): Promise<number | null> {
  const users = await admin.callKw('res.users', 'search_read', [[['id', '=', targetId]]], { fields: ['partner_id'], context: { active_test: false } });
  const partner = resultOf(users, PartnerRows, 'target-partner')[0]?.partner_id;
  return partner ? partner[0] : null;
}

/** A whole second moved by `seconds`: with `>=` and `<`, whole-second literals mean the same on every version. */
function shifted(second: string, seconds: number): string | null {
  const ms = Date.parse(`${second.replace(' ', 'T')}Z`);
  return Number.isNaN(ms) ? null : odooTimeOrNull(new Date(ms + seconds * 1000));
}

/** A record without the row's key: the one open row of that admin and target started just before the server's start time. */
async function matchByStart(admin: RpcChannel, orphan: OpenSession, partnerId: number): Promise<number | null> {
  const from = orphan.startedAtServer && shifted(orphan.startedAtServer, -START_WINDOW_SECONDS);
  const to = orphan.startedAtServer && shifted(orphan.startedAtServer, 1);
  if (!from || !to) return null;
  const domain = [
    ['user_id', '=', orphan.adminUid],
    ['impersonated_partner_id', '=', partnerId],
    ['date_end', '=', false],
    ['date_start', '>=', from],
    ['date_start', '<', to],
  ];
  const rows = resultOf(await admin.callKw('impersonate.log', 'search_read', [domain], { fields: ['id'] }), IdRows, 'impersonate-log');
  // Two open rows of the same admin and target in that window: another console's may be live. Touch neither.
  return rows.length === 1 ? rows[0]!.id : null;
}
