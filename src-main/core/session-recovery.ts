// Crash recovery (FT-1): sessions the audit shows as started and never ended are ended
// on their server and closed as 'recovered' — one story on every version:
// 1. the session itself: revoked by its 42-character identifier (res.device, Odoo 18
//    and 19); Odoo 17 cannot, and the record says for how long it stays valid;
// 2. the server's record of it: the impersonate.log row it recorded gets its date_end
//    (only back_to_origin_login closes it otherwise), unless the server forbids it;
// 3. the console's own word on the server: an ir.logging end entry saying it ended as
//    'recovered', when, and what 1 and 2 did;
// 4. the local record, closed as 'recovered' with the same detail.
//
// Decisions:
// - Recovery runs per connection, when the console is connected to it: only that
//   connection's admin API session can revoke its sessions.
// - 'revoked' and 'not-found' (already gone) end the session; 'unsupported' (Odoo 17)
//   adds it to `leftOpen` so the admin is told what stays valid and how to end it.
//   Retrying could never succeed, and the cookie only ever lived in the crashed process.
// - A row without an identifier closes the same way (nothing to revoke by).
// - A step that cannot reach the server (1 or 2 rejects) leaves the record open and is
//   reported; the next recovery tries again, and every step is safe to repeat (a
//   revoked session is 'not-found', a closed row 'already-closed'). Closing the record
//   would hide a live session.
// - A log row the server refuses to close, or an end entry that cannot be written,
//   does not hold the record back: its detail, and the report, say so.
import type { Clock } from './clock';
import type { AuditLedger, LeftOpen, OdooImpersonationPort, OpenSession, RevokeOutcome, ServerLogClosing } from './ports';

export interface RecoveredSession {
  sessionId: number;
  sessionIdentifier: string | null;
  targetName: string;
  /** UTC "YYYY-MM-DD HH:MM:SS": the server's start time, else the console's. */
  startedAt: string | null;
  revoke: RevokeOutcome | 'no-identifier';
  logRow: ServerLogClosing;
  /** The ir.logging entry saying it ended as 'recovered' was written. */
  endEntry: boolean;
  detail: string;
}

/** A session the server could not end: who, since when, and what the connector found. */
export interface LeftOpenSession extends LeftOpen {
  sessionId: number;
  targetName: string;
  startedAt: string | null;
}

export interface RecoveryReport {
  recovered: RecoveredSession[];
  /** Recovered locally, but still valid on a server that cannot revoke by identifier (Odoo 17). */
  leftOpen: LeftOpenSession[];
  /** Still open: a step could not reach the server; `error` is the failure's message (never a secret). */
  failed: Array<{ sessionId: number; sessionIdentifier: string | null; error: string }>;
  /** Warm sessions (issue 13) a previous run left behind, revoked by identifier; absent when none. */
  warm?: Array<{ sessionIdentifier: string; revoke: RevokeOutcome }>;
}

export type RecoveryPort = Pick<OdooImpersonationPort, 'revokeByIdentifier' | 'closeServerLog' | 'unrevocableFacts' | 'writeServerEndEntry'>;

export async function recoverOpenSessions(options: {
  ledger: AuditLedger;
  clock: Clock;
  connectionKey: string;
  odoo: RecoveryPort;
  /** Rows this console is still running (never revoke the live session). */
  exclude?: ReadonlySet<number>;
}): Promise<RecoveryReport> {
  const { ledger, clock, connectionKey, odoo, exclude } = options;
  const report: RecoveryReport = { recovered: [], leftOpen: [], failed: [] };
  const open = (await ledger.openSessions()).filter((row) => row.connectionKey === connectionKey && !exclude?.has(row.sessionId));
  for (const row of open) {
    let revoke: RevokeOutcome | 'no-identifier';
    let logRow: ServerLogClosing;
    let left: LeftOpen | null = null;
    try {
      revoke = row.sessionIdentifier ? await odoo.revokeByIdentifier(row.sessionIdentifier) : 'no-identifier';
      logRow = await odoo.closeServerLog(row);
      if (revoke === 'unsupported') {
        left = { ...(await odoo.unrevocableFacts(row)), serverLogClosed: logRow.outcome === 'closed' || logRow.outcome === 'already-closed' };
      }
    } catch (error) {
      report.failed.push({ sessionId: row.sessionId, sessionIdentifier: row.sessionIdentifier, error: error instanceof Error ? error.message : String(error) });
      continue;
    }
    const endedAt = new Date(clock.now());
    const done = [revokeDetail(revoke), logRowDetail(logRow), ...(left ? [leftOpenDetail(left)] : [])].join('; ');
    const entry = await writeEndEntry(odoo, row, endedAt, logRow, done);
    const endEntry = entry === 'written';
    const detail =
      entry === 'written' ? done : entry === 'failed' ? `${done}; the ir.logging end entry could not be written` : `${done}; no ir.logging end entry (no identifier to name the session by)`;
    await ledger.recordEnd(row.sessionId, {
      endedAtClient: endedAt,
      endedAtServer: logRow.outcome === 'closed' ? logRow.at : null,
      cause: 'recovered',
      serverEndPending: false,
      detail,
      impersonateLogId: logRow.rowId,
    });
    const facts = { sessionId: row.sessionId, targetName: row.targetName ?? row.targetLogin ?? String(row.targetId), startedAt: startedAt(row) };
    report.recovered.push({ ...facts, sessionIdentifier: row.sessionIdentifier, revoke, logRow, endEntry, detail });
    if (left) report.leftOpen.push({ ...left, ...facts });
  }
  return report;
}

/** The console's end entry on the server: the session's facts, 'recovered', when, and what was done. */
async function writeEndEntry(
  odoo: RecoveryPort,
  row: OpenSession,
  endedAt: Date,
  logRow: ServerLogClosing,
  detail: string,
): Promise<'written' | 'failed' | 'skipped'> {
  if (!row.sessionIdentifier) return 'skipped';
  try {
    await odoo.writeServerEndEntry(
      {
        admin: { uid: row.adminUid, login: row.adminLogin, name: row.adminName },
        target: { id: row.targetId, login: row.targetLogin ?? '', name: row.targetName ?? row.targetLogin ?? '' },
        reason: row.reason,
        sessionIdentifier: row.sessionIdentifier,
        serverIp: row.serverIp,
        clientIp: row.clientIp,
        clientHost: row.clientHost,
        appVersion: row.appVersion,
        startedAtClient: row.startedAtClient ?? endedAt,
        impersonateLogIds: row.impersonateLogIds,
      },
      { endedAtClient: endedAt, cause: 'recovered', impersonateLogId: logRow.rowId, detail },
    );
    return 'written';
  } catch {
    return 'failed';
  }
}

function startedAt(row: OpenSession): string | null {
  return row.startedAtServer ?? row.startedAtClient?.toISOString().slice(0, 19).replace('T', ' ') ?? null;
}

function revokeDetail(revoke: RevokeOutcome | 'no-identifier'): string {
  switch (revoke) {
    case 'revoked':
      return 'revoked on the server by its identifier';
    case 'not-found':
      return 'no live session under its identifier on the server';
    case 'unsupported':
      return 'the server cannot revoke by identifier (no res.device)';
    case 'no-identifier':
      return 'no session identifier was recorded; nothing to revoke';
  }
}

function logRowDetail(closing: ServerLogClosing): string {
  const row = closing.rowId === null ? "the server's impersonate.log row" : `the server's impersonate.log row ${closing.rowId}`;
  switch (closing.outcome) {
    case 'closed':
      return `${row} was closed at ${closing.at ?? '?'} UTC`;
    case 'already-closed':
      return `${row} was already closed (${closing.at ?? '?'} UTC)`;
    case 'refused':
      return `${row} stays open: the server refused to close it (${closing.message ?? 'refused'})`;
    case 'not-found':
      return `${row} is no longer on the server`;
    case 'rewritten':
      return `${row} was left as it was: it no longer names this administrator and user`;
    case 'uncertain':
      return `${row} was left as it was (not known with certainty)`;
  }
}

/** What stays open on a server that cannot revoke (Odoo 17), for the record's detail. */
function leftOpenDetail(left: LeftOpen): string {
  const days = Math.round(left.maxInactivitySeconds / 86_400);
  const cleanup =
    left.cleanup === 'ran' ? `its clean-up job last ran ${left.cleanupLastRun} UTC` : left.cleanup === 'never' ? 'its clean-up job never ran' : 'its clean-up job is inactive';
  return `the session stays valid on the server until unused for ${days} days and the server's clean-up job runs (${cleanup})`;
}
