// Crash recovery on a server that cannot revoke a session by its identifier
// (Odoo 17: no res.device; docs/odoo.md, Versions). The console never kept the
// session id (SS-10), so the session itself cannot be ended from here. What it can
// do: close the server's impersonate.log row of that session, when exactly one
// open row matches it, and find out for how long the session stays valid — Odoo
// deletes a session unused for `sessions.max_inactivity_seconds` (7 days unless
// set), when its daily clean-up job runs, which on some servers never does.
import { z } from 'zod';
import type { LeftOpen, OpenSession } from '../core';
import { odooTimeOrNull } from './odoo-time';
import { resultOf, type RpcChannel } from './rpc-channel';

/** Odoo's default SESSION_LIFETIME. */
export const DEFAULT_MAX_INACTIVITY_SECONDS = 7 * 24 * 3600;
/** How long before the Date header of impersonate_login's answer the module may have dated its row. */
const START_WINDOW_SECONDS = 10;

const IdRows = z.array(z.object({ id: z.number().int() }));
const PartnerRows = z.array(z.object({ partner_id: z.union([z.tuple([z.number().int(), z.string()]), z.literal(false)]) }));
const XmlIdRows = z.array(z.object({ res_id: z.number().int() }));
const CronRows = z.array(z.object({ active: z.boolean(), lastcall: z.union([z.string(), z.literal(false)]) }));

export async function closeUnrevocable(admin: RpcChannel, orphan: OpenSession): Promise<LeftOpen> {
  const [serverLogClosed, maxInactivitySeconds, cleanup] = await Promise.all([closeLogRow(admin, orphan), maxInactivity(admin), cleanupJob(admin)]);
  return { serverLogClosed, maxInactivitySeconds, ...cleanup };
}

/** A whole second moved by `seconds`: with `>=` and `<`, whole-second literals mean the same on every version. */
function shifted(second: string, seconds: number): string | null {
  const ms = Date.parse(`${second.replace(' ', 'T')}Z`);
  return Number.isNaN(ms) ? null : odooTimeOrNull(new Date(ms + seconds * 1000));
}

async function closeLogRow(admin: RpcChannel, orphan: OpenSession): Promise<boolean> {
  const from = orphan.startedAtServer && shifted(orphan.startedAtServer, -START_WINDOW_SECONDS);
  const to = orphan.startedAtServer && shifted(orphan.startedAtServer, 1);
  if (!from || !to) return false; // without the server's start time nothing can be matched with certainty
  const users = await admin.callKw('res.users', 'search_read', [[['id', '=', orphan.targetId]]], { fields: ['partner_id'], context: { active_test: false } });
  const partner = resultOf(users, PartnerRows, 'target-partner')[0]?.partner_id;
  if (!partner) return false;
  const domain = [
    ['user_id', '=', orphan.adminUid],
    ['impersonated_partner_id', '=', partner[0]],
    ['date_end', '=', false],
    ['date_start', '>=', from],
    ['date_start', '<', to],
  ];
  const answer = await admin.callKw('impersonate.log', 'search_read', [domain], { fields: ['id'] });
  const rows = resultOf(answer, IdRows, 'impersonate-log');
  const now = odooTimeOrNull(answer.serverDate);
  // Two open rows of the same admin and target in that window: another console's may be live. Touch neither.
  if (rows.length !== 1 || now === null) return false;
  await admin.callKw('impersonate.log', 'write', [[rows[0]!.id], { date_end: now }]);
  return true;
}

async function maxInactivity(admin: RpcChannel): Promise<number> {
  const answer = await admin.callKw('ir.config_parameter', 'get_param', ['sessions.max_inactivity_seconds']);
  const value = Number(resultOf(answer, z.union([z.string(), z.literal(false)]), 'max-inactivity'));
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_MAX_INACTIVITY_SECONDS;
}

async function cleanupJob(admin: RpcChannel): Promise<Pick<LeftOpen, 'cleanup' | 'cleanupLastRun'>> {
  const job = await admin.callKw('ir.model.data', 'search_read', [[['module', '=', 'base'], ['name', '=', 'autovacuum_job']]], { fields: ['res_id'] });
  const id = resultOf(job, XmlIdRows, 'cleanup-job')[0]?.res_id;
  if (id === undefined) return { cleanup: 'off', cleanupLastRun: null };
  const cron = resultOf(await admin.callKw('ir.cron', 'read', [[id], ['active', 'lastcall']]), CronRows, 'cleanup-job')[0];
  if (!cron || !cron.active) return { cleanup: 'off', cleanupLastRun: null };
  return cron.lastcall === false ? { cleanup: 'never', cleanupLastRun: null } : { cleanup: 'ran', cleanupLastRun: cron.lastcall };
}
