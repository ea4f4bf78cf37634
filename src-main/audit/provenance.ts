// Where one impersonation's records come from, and whether they agree (AU-8). Pure:
// merged-rows.ts hands in the records the keys link (this console's record as the
// chain says it, the console's start and end entries, Odoo's impersonate.log row).
// "Confirms" means the server's copy agrees — nothing more: any internal Odoo user may
// rewrite impersonate.log rows and a Settings administrator may delete ir.logging
// entries, so what proves this console's record is its own hash chain.
import type { Provenance } from '../../src-preload/contract';
import type { ServerLogRecord } from './schema';
import type { ReplayedSession } from './session-replay';

export interface LinkedRecords {
  /** This console's record, as replaying its events gives it (or as stored, if it has none). */
  local: ReplayedSession | null;
  /** A console's start entry of the same session. */
  start: ServerLogRecord | null;
  /** Its first end entry (the console's, or the tripwire's). */
  end: ServerLogRecord | null;
  /** Odoo's impersonate.log row the session names. */
  log: ServerLogRecord | null;
}

type Expectation = { present: boolean; differences: string[] };

export function provenanceOf(records: LinkedRecords): Provenance {
  const { local, start, end, log } = records;
  const base = { recordedHere: local !== null, consoleEntry: start !== null || end !== null, odooLog: log !== null };
  if (local === null && start === null && end === null) {
    return { ...base, outsideConsole: log !== null, agreement: 'none', differences: [] };
  }
  const checks = local ? againstLocal(local, records) : betweenServerRecords(records);
  if (checks === null) return { ...base, outsideConsole: false, agreement: 'none', differences: [] };
  const differences = checks.flatMap((check) => check.differences);
  const agreement = differences.length > 0 ? 'differs' : checks.every((check) => check.present) ? 'confirms' : 'pending';
  return { ...base, outsideConsole: false, agreement, differences };
}

/** What the server should hold of this console's own session, and how it compares. Null: nothing (never started). */
function againstLocal(local: ReplayedSession, { start, end, log }: LinkedRecords): Expectation[] | null {
  if (local.started_at_client === null) return null;
  const checks: Expectation[] = [];
  const startDiffs: string[] = [];
  if (start) {
    if (start.reason !== local.reason) startDiffs.push('reason');
    if (start.admin_user_id !== local.admin_uid) startDiffs.push('admin');
    if (start.target_user_id !== local.target_id) startDiffs.push('target');
  }
  checks.push({ present: start !== null, differences: startDiffs });
  const ended = local.outcome === 'ended' && local.server_end_pending === 0;
  if (ended) {
    const endDiffs = end && end.end_cause !== null && end.end_cause !== local.end_cause ? ['end-cause'] : [];
    checks.push({ present: end !== null, differences: endDiffs });
  }
  if (local.impersonate_log_id !== null) checks.push(logCheck(log, local.admin_uid, local.target_id, ended ? 'ended' : 'open'));
  return checks;
}

/** Another console's session: its entries and Odoo's row must tell one story. */
function betweenServerRecords({ start, end, log }: LinkedRecords): Expectation[] {
  const entry = start ?? end!;
  const named = entry.impersonate_log_id ?? end?.impersonate_log_id ?? null;
  const checks: Expectation[] = [];
  if (named !== null) {
    const state = end !== null ? 'ended' : log?.date_end ? 'ended' : 'open';
    checks.push(logCheck(log, entry.admin_user_id, entry.target_user_id, state));
    // Odoo's row closed with no end entry: the console never said how it ended (yet).
    if (log?.date_end && end === null) checks.push({ present: false, differences: [] });
  } else {
    checks.push({ present: false, differences: [] });
  }
  return checks;
}

function logCheck(log: ServerLogRecord | null, adminUid: number | null, targetUid: number | null, state: 'open' | 'ended'): Expectation {
  if (log === null) return { present: false, differences: [] };
  const differences: string[] = [];
  if (adminUid !== null && log.admin_user_id !== adminUid) differences.push('odoo-log-admin');
  if (targetUid !== null && log.target_user_id !== null && log.target_user_id !== targetUid) differences.push('odoo-log-target');
  if (state === 'ended' && log.date_end === null) differences.push('odoo-log-open');
  if (state === 'open' && log.date_end !== null) differences.push('odoo-log-closed');
  return { present: true, differences };
}
