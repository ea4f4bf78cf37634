// Crash recovery on a server that cannot revoke a session by its identifier
// (Odoo 17: no res.device; docs/odoo.md, Versions). The console never kept the
// session id (SS-10), so the session itself cannot be ended from here; its
// impersonate.log row is closed as on every version (orphan-log-row.ts). What is
// left to say is for how long the session stays valid — Odoo deletes a session
// unused for `sessions.max_inactivity_seconds` (7 days unless set), when its daily
// clean-up job runs, which on some servers never does.
import { z } from 'zod';
import type { LeftOpen } from '../core';
import { resultOf, type RpcChannel } from './rpc-channel';

/** Odoo's default SESSION_LIFETIME. */
export const DEFAULT_MAX_INACTIVITY_SECONDS = 7 * 24 * 3600;

const XmlIdRows = z.array(z.object({ res_id: z.number().int() }));
const CronRows = z.array(z.object({ active: z.boolean(), lastcall: z.union([z.string(), z.literal(false)]) }));

export async function unrevocableFacts(admin: RpcChannel): Promise<Omit<LeftOpen, 'serverLogClosed'>> {
  const [maxInactivitySeconds, cleanup] = await Promise.all([maxInactivity(admin), cleanupJob(admin)]);
  return { maxInactivitySeconds, ...cleanup };
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
