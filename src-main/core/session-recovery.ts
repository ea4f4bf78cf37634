// Crash recovery (FT-1): sessions the audit shows as started and never ended are revoked
// on the server by their 42-character identifier and closed as 'recovered'.
//
// Decisions:
// - Recovery runs per connection, when the console is connected to it: only that
//   connection's admin API session can revoke its sessions.
// - 'revoked' and 'not-found' (already gone) close the record.
// - 'unsupported' (Odoo 17.0 has no res.device) also closes it, saying so in the detail:
//   retrying could never succeed, and the cookie only ever lived in the crashed process.
// - A row without an identifier closes the same way (nothing to revoke by).
// - A revoke that fails (network, identity check refused) leaves the record open and is
//   reported; the next recovery tries again. Closing it would hide a live session.
import type { Clock } from './clock';
import type { AuditLedger, OdooImpersonationPort, OpenSession } from './ports';

export interface RecoveredSession {
  sessionId: number;
  sessionIdentifier: string | null;
  detail: string;
}

export interface RecoveryReport {
  recovered: RecoveredSession[];
  /** Still open: the revoke failed; `error` is the failure's message (never a secret). */
  failed: Array<{ sessionId: number; sessionIdentifier: string | null; error: string }>;
}

export async function recoverOpenSessions(options: {
  ledger: AuditLedger;
  clock: Clock;
  connectionKey: string;
  odoo: Pick<OdooImpersonationPort, 'revokeByIdentifier'>;
  /** Rows this console is still running (never revoke the live session). */
  exclude?: ReadonlySet<number>;
}): Promise<RecoveryReport> {
  const { ledger, clock, connectionKey, odoo, exclude } = options;
  const report: RecoveryReport = { recovered: [], failed: [] };
  const open = (await ledger.openSessions()).filter(
    (row) => row.connectionKey === connectionKey && !exclude?.has(row.sessionId),
  );
  for (const row of open) {
    let detail: string;
    try {
      detail = await revoke(odoo, row);
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

async function revoke(odoo: Pick<OdooImpersonationPort, 'revokeByIdentifier'>, row: OpenSession): Promise<string> {
  if (!row.sessionIdentifier) return 'no session identifier was recorded; nothing to revoke';
  switch (await odoo.revokeByIdentifier(row.sessionIdentifier)) {
    case 'revoked':
      return 'revoked on the server by its identifier';
    case 'not-found':
      return 'no live session under its identifier on the server';
    case 'unsupported':
      return 'the server cannot revoke by identifier (no res.device); left to expire';
  }
}
