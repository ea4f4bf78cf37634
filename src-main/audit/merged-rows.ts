// The rows the views select (merged-views.ts), as the Logs show them (AU-6, AU-8):
// - this console's records from what the audit chain protects — each session's events
//   replayed (session-replay.ts); a stored row that differs is shown as the chain has
//   it and marked 'altered', a row without events is marked 'unrecorded';
// - every record the keys link to it — the console's entries, Odoo's impersonate.log
//   row — read to say where the impersonation is known and whether those agree
//   (provenance.ts). Server data is the server's: it never overwrites a local value.
// Per shown row a handful of lookups on indexed keys, so a page costs the same at any size.
import type { AuditRow } from '../../src-preload/contract';
import type { AuditDatabase } from './audit-database';
import { provenanceOf, type LinkedRecords } from './provenance';
import type { AuditRowsView, ServerLogRecord, SessionRow } from './schema';
import { differingColumns, replaySession, type ReplayedSession, type SessionEvent } from './session-replay';

export interface LocalRecord {
  stored: SessionRow;
  /** What the chain says; null when it holds no attempt for this row. */
  replayed: ReplayedSession | null;
  events: Array<SessionEvent & { at: string }>;
  integrity: AuditRow['integrity'];
}

/** Everything the keys of one view row link to. */
export interface MergedRecords extends LinkedRecords {
  view: AuditRowsView;
  localRecord: LocalRecord | null;
}

export class MergedRows {
  private readonly sessionRow;
  private readonly sessionEvents;
  private readonly entries;
  private readonly entryById;
  private readonly logRow;

  constructor(private readonly database: AuditDatabase) {
    const raw = database.raw;
    this.sessionRow = raw.prepare('SELECT * FROM sessions WHERE id = ?');
    // The timeline's entries (issue 17.3) are read apart (session-timeline.ts): a row needs only its lifecycle.
    this.sessionEvents = raw.prepare(
      "SELECT id, at, type, payload FROM audit_events WHERE session_id = ? AND type NOT IN ('timeline', 'timeline-bound', 'timeline-summary') ORDER BY id",
    );
    this.entries = raw.prepare(
      "SELECT * FROM server_logs WHERE server = ? AND kind = 'console' AND session_identifier = ? ORDER BY server_id",
    );
    this.entryById = raw.prepare("SELECT * FROM server_logs WHERE id = ? AND kind = 'console'");
    this.logRow = raw.prepare("SELECT * FROM server_logs WHERE server = ? AND kind = 'impersonate' AND server_id = ?");
  }

  /** The view's rows as the contract's, in the same order. */
  toRows(rows: readonly AuditRowsView[]): AuditRow[] {
    return rows.map((row) => toAuditRow(this.records(row)));
  }

  /** One view row with its local record (checked against the chain) and its server records. */
  records(view: AuditRowsView): MergedRecords {
    const localRecord = view.origin === 'here' ? this.localRecord(view.row_key) : null;
    const local = localRecord ? (localRecord.replayed ?? withoutKey(localRecord.stored)) : null;
    const own = view.origin === 'console' ? (this.entryById.get(view.row_key) as ServerLogRecord | undefined) ?? null : null;
    const server = local?.connection_key ?? view.server;
    const identifier = local?.session_identifier ?? own?.session_identifier ?? null;
    const entries = identifier !== null ? (this.entries.all(server, identifier) as ServerLogRecord[]) : own ? [own] : [];
    const start = entries.find((entry) => entry.event === 'start') ?? null;
    const end = entries.find((entry) => entry.event === 'end' || entry.event === 'tampered') ?? null;
    const logId =
      view.origin === 'odoo' ? view.impersonate_log_id : (local?.impersonate_log_id ?? start?.impersonate_log_id ?? end?.impersonate_log_id ?? null);
    const log = logId !== null ? ((this.logRow.get(server, logId) as ServerLogRecord | undefined) ?? null) : null;
    return { view, localRecord, local, start, end, log };
  }

  private localRecord(sessionId: number): LocalRecord | null {
    const stored = this.sessionRow.get(sessionId) as SessionRow | undefined;
    if (!stored) return null;
    const events = this.sessionEvents.all(sessionId) as Array<SessionEvent & { at: string }>;
    const replayed = replaySession(sessionId, events);
    const integrity = replayed === null ? 'unrecorded' : differingColumns(stored, replayed).length > 0 ? 'altered' : 'chained';
    return { stored, replayed, events, integrity };
  }
}

function withoutKey(row: SessionRow): ReplayedSession {
  const { limiter_key: _key, ...rest } = row;
  return rest;
}

export function toAuditRow(records: MergedRecords): AuditRow {
  const { view, local, localRecord } = records;
  const provenance = provenanceOf(records);
  if (local && localRecord) {
    // This console's record: every value from what the chain protects.
    return {
      id: view.id,
      source: 'local',
      admin: local.admin_name,
      adminLogin: local.admin_login,
      target: local.target_name ?? local.target_login ?? `#${local.target_id}`,
      targetLogin: local.target_login,
      startedAt: local.started_at_client ?? local.attempt_at,
      endedAt: local.ended_at_client,
      durationSeconds: local.duration_seconds,
      reason: local.reason,
      clientIp: local.client_ip,
      serverIp: local.server_ip,
      outcome: local.outcome === 'attempted' ? 'open' : local.outcome,
      endCause: local.end_cause,
      refusal: local.refusal ?? local.failure,
      provenance,
      integrity: localRecord.integrity,
    };
  }
  return {
    id: view.id,
    source: view.source,
    admin: view.admin,
    adminLogin: view.admin_alt,
    target: view.target,
    targetLogin: view.target_alt,
    startedAt: view.started_at,
    endedAt: view.ended_at,
    durationSeconds: view.duration_seconds,
    reason: view.reason,
    clientIp: view.client_ip,
    serverIp: view.server_ip,
    outcome: view.outcome,
    endCause: view.end_cause,
    refusal: view.refusal,
    provenance,
    integrity: view.source === 'local' ? 'unrecorded' : 'server',
  };
}
