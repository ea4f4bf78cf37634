// Kysely's view of the audit database. Column names are the SQL ones
// (snake_case); migrations.ts is the source of truth for their constraints.
import type { Generated, Selectable } from 'kysely';

/** Lifecycle of a local row: an allowed attempt is `attempted` until it starts or fails. */
export type LocalOutcome = 'refused' | 'attempted' | 'failed' | 'open' | 'ended';

export interface SessionsTable {
  id: Generated<number>;
  connection_key: string;
  /** `${admin.uid}@${serverKey}` (core/rate-limiter.ts): what the rate limiter counts by. */
  limiter_key: string;
  admin_uid: number;
  admin_login: string;
  admin_name: string;
  target_id: number;
  target_login: string | null;
  target_name: string | null;
  reason: string;
  allowed: number;
  refusal: string | null;
  outcome: LocalOutcome;
  attempt_at_ms: number;
  attempt_at: string;
  started_at_client: string | null;
  started_at_server: string | null;
  ended_at_client: string | null;
  ended_at_server: string | null;
  duration_seconds: number | null;
  client_ip: string | null;
  server_ip: string | null;
  session_identifier: string | null;
  server_log_id: number | null;
  app_version: string;
  client_host: string;
  end_cause: string | null;
  server_end_pending: Generated<number>;
  failure: string | null;
  end_detail: string | null;
  /** The session's impersonate.log row (migration 5): the only candidate, or the one its end closed. */
  impersonate_log_id: number | null;
  /** JSON array of the candidate rows, while the start could not tell which was this session's. */
  impersonate_log_candidates: string | null;
  /** Issue 17.2: 'read-only' or 'allowed-from-start'; null for sessions recorded before it. */
  changes_mode: string | null;
}

export interface AuditEventsTable {
  id: number;
  at: string;
  type: string;
  session_id: number | null;
  /** Canonical JSON (sorted keys): exactly what the hash covers. */
  payload: string;
  prev_hash: string;
  hash: string;
}

export interface ChainAnchorTable {
  id: Generated<number>;
  /** Every event with id <= up_to_id has been pruned; `hash` is the last one's. */
  up_to_id: number;
  hash: string;
  pruned: number;
  at: string;
}

export interface ChainHeadTable {
  singleton: number;
  last_id: number;
  hash: string;
}

export interface ServerLogsTable {
  id: Generated<number>;
  /** The connection key of the server the row was read from (sessions.connection_key). */
  server: string;
  kind: 'impersonate' | 'console';
  server_id: number;
  write_date: string;
  create_date: string;
  admin_user_id: number | null;
  admin: string | null;
  target_user_id: number | null;
  target: string | null;
  target_partner_id: number | null;
  date_start: string | null;
  date_end: string | null;
  started_at: string | null;
  ended_at: string | null;
  duration_seconds: number | null;
  reason: string | null;
  client_ip: string | null;
  server_ip: string | null;
  session_identifier: string | null;
  end_cause: string | null;
  outcome: 'started' | 'open' | 'ended';
  /** Canonical JSON of the server row as last read: what differences are judged on. */
  raw: string;
  /** Console entries: 'start', 'end' or 'tampered' (migration 5). */
  event: string | null;
  /**
   * Console entries: the impersonate.log row their session names, or, for a start entry
   * that names the mark, the row found above it (mirror-links.ts); impersonate.log rows: their own id.
   */
  impersonate_log_id: number | null;
  admin_login: string | null;
  target_login: string | null;
  /** Console start entries written beside the verification: the impersonate.log mark they name (migration 9). */
  impersonate_log_after: number | null;
}

/** Where the mirror of one server's kind stands (SY-1; mirror-position.ts). */
export interface SyncPositionsTable {
  server: string;
  kind: string;
  /** The newest write_date mirrored by a finished pass (UTC "YYYY-MM-DD HH:MM:SS"). */
  newest_write_date: string | null;
  /** The pass in progress: the last id it read (0: none yet)… */
  pass_after_id: Generated<number>;
  /** …and the newest write_date it met. */
  pass_newest_write_date: string | null;
}

export interface SyncStateTable {
  key: string;
  value: string;
}

/** One row of the Logs screen: one impersonation, whatever recorded it (merged-views.ts). */
export interface AuditRowsView {
  id: string;
  source: 'local' | 'server';
  row_key: number;
  /** The primary record: this console's ('here'), a console's entry ('console'), Odoo's log alone ('odoo'). */
  origin: 'here' | 'console' | 'odoo';
  admin: string;
  admin_alt: string | null;
  target: string;
  target_alt: string | null;
  started_at: string | null;
  ended_at: string | null;
  duration_seconds: number | null;
  reason: string | null;
  client_ip: string | null;
  server_ip: string | null;
  outcome: 'refused' | 'failed' | 'started' | 'ended' | 'open';
  end_cause: string | null;
  refusal: string | null;
  /** The connection key of the server the impersonation ran on. */
  server: string;
  session_identifier: string | null;
  impersonate_log_id: number | null;
}

export interface AuditSchema {
  sessions: SessionsTable;
  audit_events: AuditEventsTable;
  audit_chain_anchor: ChainAnchorTable;
  audit_chain_head: ChainHeadTable;
  server_logs: ServerLogsTable;
  sync_positions: SyncPositionsTable;
  sync_state: SyncStateTable;
  local_audit_rows: AuditRowsView;
  server_audit_rows: AuditRowsView;
  audit_rows: AuditRowsView;
}

export type SessionRow = Selectable<SessionsTable>;
export type ServerLogRecord = Selectable<ServerLogsTable>;
