// Crash recovery (FT-1): sessions the audit shows as started and never ended are revoked
// on the server by their 42-character identifier and closed as 'recovered'.
//
// Decisions:
// - Recovery runs per connection, when the console is connected to it: only that
//   connection's admin API session can revoke its sessions.
// - 'revoked' and 'not-found' (already gone) close the record.
// - 'unsupported' (Odoo 17.0 has no res.device): the connector closes what it can (the
//   server's impersonate.log row, when it is certain which) and says what stays open
//   and for how long; the record is closed with that in its detail, and the report
//   lists the session under `leftOpen` so the admin is told (docs/odoo.md, Versions).
//   Retrying could never succeed, and the cookie only ever lived in the crashed process.
// - A row without an identifier closes the same way (nothing to revoke by).
// - A revoke that fails (network, identity check refused) leaves the record open and is
//   reported; the next recovery tries again. Closing it would hide a live session.
import type { Clock } from './clock';
import type { AuditLedger, LeftOpen, OdooImpersonationPort, OpenSession } from './ports';

export interface RecoveredSession {
  sessionId: number;
  sessionIdentifier: string | null;
  detail: string;
}

/** A session the server could not end: who, since when, and what the connector found. */
export interface LeftOpenSession extends LeftOpen {
  sessionId: number;
  targetName: string;
  /** UTC "YYYY-MM-DD HH:MM:SS": the server's start time, else the console's. */
  startedAt: string | null;
}

export interface RecoveryReport {
  recovered: RecoveredSession[];
  /** Recovered locally, but still valid on a server that cannot revoke by identifier (Odoo 17). */
  leftOpen: LeftOpenSession[];
  /** Still open: the revoke failed; `error` is the failure's message (never a secret). */
  failed: Array<{ sessionId: number; sessionIdentifier: string | null; error: string }>;
}

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
  const open = (await ledger.openSessions()).filter(
    (row) => row.connectionKey === connectionKey && !exclude?.has(row.sessionId),
  );
  for (const row of open) {
    let detail: string;
    try {
      const outcome = await revoke(odoo, row);
      detail = typeof outcome === 'string' ? outcome : leftOpenDetail(outcome);
      if (typeof outcome !== 'string') report.leftOpen.push(leftOpenSession(row, outcome));
    } catch (error) {
      report.failed.push({
        sessionId: row.sessionId,
        sessionIdentifier: row.sessionIdentifier,
        error: error instanceof Error ? error.message : String(error),
      });
      continue;
    }
    await ledger.recordEnd(row.sessionId, {
      endedAtClient: new Date(clock.now()),
      endedAtServer: null,
      cause: 'recovered',
      serverEndPending: false,
      detail,
    });
    report.recovered.push({ sessionId: row.sessionId, sessionIdentifier: row.sessionIdentifier, detail });
  }
  return report;
}

export type RecoveryPort = Pick<OdooImpersonationPort, 'revokeByIdentifier' | 'closeUnrevocable'>;

async function revoke(odoo: RecoveryPort, row: OpenSession): Promise<string | LeftOpen> {
  if (!row.sessionIdentifier) return 'no session identifier was recorded; nothing to revoke';
  switch (await odoo.revokeByIdentifier(row.sessionIdentifier)) {
    case 'revoked':
      return 'revoked on the server by its identifier';
    case 'not-found':
      return 'no live session under its identifier on the server';
    case 'unsupported':
      return odoo.closeUnrevocable(row);
  }
}

function leftOpenSession(row: OpenSession, left: LeftOpen): LeftOpenSession {
  const client = row.startedAtClient?.toISOString().slice(0, 19).replace('T', ' ') ?? null;
  return { ...left, sessionId: row.sessionId, targetName: row.targetName ?? row.targetLogin ?? String(row.targetId), startedAt: row.startedAtServer ?? client };
}

/** The record's end detail: exactly what was and was not done on the server. */
function leftOpenDetail(left: LeftOpen): string {
  const days = Math.round(left.maxInactivitySeconds / 86_400);
  const cleanup =
    left.cleanup === 'ran' ? `its clean-up job last ran ${left.cleanupLastRun} UTC` : left.cleanup === 'never' ? 'its clean-up job never ran' : 'its clean-up job is inactive';
  const logRow = left.serverLogClosed ? "the server's impersonate.log row was closed" : "the server's impersonate.log row was left as it was (not matched with certainty)";
  return `the server cannot revoke by identifier (no res.device): ${logRow}; the session stays valid on the server until unused for ${days} days and the server's clean-up job runs (${cleanup})`;
}
