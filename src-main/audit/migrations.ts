// Numbered migrations, in code so that the packaged app carries them inside its
// bundle (no migration folder to ship). Each runs in its own transaction and
// bumps PRAGMA user_version, so a crash mid-upgrade leaves the previous version.
// From migration 5 on, `sessions` rows and anchors are guarded (write-guard.ts): a
// later migration that must change them does so inside `guard.allow`, and appends
// the chained event that says what it changed, or the verifier will say it was tampered with.
import type Database from 'better-sqlite3';
import { ftsTableOver } from './fts-table';
import { mergedRowsMigration } from './migration-merged-rows';
import { searchIndexesMigration } from './migration-search-indexes';
import { startLinksMigration } from './migration-start-links';
import type { Migration } from './migration';

export type { Migration } from './migration';

// Migration 3's views, as shipped (migration 5 replaces them: merged-views.ts).
const localRowsView = `
CREATE VIEW local_audit_rows AS
SELECT 'local:' || s.id AS id, 'local' AS source, s.id AS row_key,
       s.admin_login AS admin, s.admin_name AS admin_alt,
       COALESCE(s.target_login, s.target_name, '#' || s.target_id) AS target, s.target_name AS target_alt,
       COALESCE(s.started_at_client, s.attempt_at) AS started_at, s.ended_at_client AS ended_at,
       s.duration_seconds, s.reason, s.client_ip, s.server_ip,
       CASE s.outcome WHEN 'attempted' THEN 'open' ELSE s.outcome END AS outcome,
       s.end_cause, COALESCE(s.refusal, s.failure) AS refusal
FROM sessions s`;

// A mirrored row's id names the local row, not the Odoo id: two servers (staging
// and production) hand out the same Odoo ids, and the Logs screen shows both.
const serverRowsView = `
CREATE VIEW server_audit_rows AS
SELECT 'server:' || l.kind || ':' || l.id AS id, 'server' AS source, l.id AS row_key,
       COALESCE(l.admin, '#' || l.admin_user_id, '?') AS admin, NULL AS admin_alt,
       COALESCE(l.target, '#' || l.target_user_id, '?') AS target, NULL AS target_alt,
       l.started_at, l.ended_at, l.duration_seconds, l.reason, l.client_ip, l.server_ip,
       l.outcome, l.end_cause, NULL AS refusal
FROM server_logs l`;

export const migrations: readonly Migration[] = [
  {
    // The 42 of session_identifier is SESSION_IDENTIFIER_LENGTH (src-preload/limits.ts),
    // written out because a migration, once shipped, never changes.
    version: 1,
    name: 'sessions and the append-only event chain',
    up: `
CREATE TABLE sessions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  connection_key TEXT NOT NULL,
  limiter_key TEXT NOT NULL,
  admin_uid INTEGER NOT NULL,
  admin_login TEXT NOT NULL,
  admin_name TEXT NOT NULL,
  target_id INTEGER NOT NULL,
  target_login TEXT,
  target_name TEXT,
  reason TEXT NOT NULL,
  allowed INTEGER NOT NULL CHECK (allowed IN (0, 1)),
  refusal TEXT,
  outcome TEXT NOT NULL CHECK (outcome IN ('refused', 'attempted', 'failed', 'open', 'ended')),
  attempt_at_ms INTEGER NOT NULL,
  attempt_at TEXT NOT NULL,
  started_at_client TEXT,
  started_at_server TEXT,
  ended_at_client TEXT,
  ended_at_server TEXT,
  duration_seconds INTEGER,
  client_ip TEXT,
  server_ip TEXT,
  session_identifier TEXT CHECK (session_identifier IS NULL OR length(session_identifier) <= 42),
  server_log_id INTEGER,
  app_version TEXT NOT NULL,
  client_host TEXT NOT NULL,
  end_cause TEXT,
  server_end_pending INTEGER NOT NULL DEFAULT 0,
  failure TEXT,
  end_detail TEXT
);
CREATE INDEX sessions_limiter ON sessions (limiter_key, attempt_at_ms);
CREATE INDEX sessions_unfinished ON sessions (outcome) WHERE outcome IN ('attempted', 'open');
CREATE INDEX sessions_started ON sessions (COALESCE(started_at_client, attempt_at));
CREATE INDEX sessions_server_log ON sessions (server_log_id) WHERE server_log_id IS NOT NULL;

CREATE TABLE audit_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  type TEXT NOT NULL,
  session_id INTEGER,
  payload TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_events_session ON audit_events (session_id) WHERE session_id IS NOT NULL;

CREATE TABLE audit_chain_anchor (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  up_to_id INTEGER NOT NULL,
  hash TEXT NOT NULL,
  pruned INTEGER NOT NULL,
  at TEXT NOT NULL
);
CREATE TABLE audit_chain_head (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  last_id INTEGER NOT NULL,
  hash TEXT NOT NULL
);

-- AU-5: events are never changed; only retention may remove a prefix, and only
-- once an anchor covering it has been written (retention.ts).
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
WHEN OLD.id > COALESCE((SELECT MAX(up_to_id) FROM audit_chain_anchor), 0)
BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
CREATE TRIGGER audit_chain_anchor_no_update BEFORE UPDATE ON audit_chain_anchor
BEGIN SELECT RAISE(ABORT, 'audit_chain_anchor is append-only'); END;
CREATE TRIGGER audit_chain_anchor_no_delete BEFORE DELETE ON audit_chain_anchor
BEGIN SELECT RAISE(ABORT, 'audit_chain_anchor is append-only'); END;
CREATE TRIGGER audit_chain_head_no_delete BEFORE DELETE ON audit_chain_head
BEGIN SELECT RAISE(ABORT, 'audit_chain_head cannot be deleted'); END;
`,
  },
  {
    version: 2,
    name: 'server mirror and sync cursors',
    up: `
-- Every mirrored row and cursor belongs to one server: the connection key
-- (normalised base URL + database, as sessions.connection_key holds it), so one
-- console may mirror staging and production side by side.
CREATE TABLE server_logs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  server TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('impersonate', 'console')),
  server_id INTEGER NOT NULL,
  write_date TEXT NOT NULL,
  create_date TEXT NOT NULL,
  admin_user_id INTEGER,
  admin TEXT,
  target_user_id INTEGER,
  target TEXT,
  target_partner_id INTEGER,
  date_start TEXT,
  date_end TEXT,
  started_at TEXT,
  ended_at TEXT,
  duration_seconds INTEGER,
  reason TEXT,
  client_ip TEXT,
  server_ip TEXT,
  session_identifier TEXT,
  end_cause TEXT,
  outcome TEXT NOT NULL CHECK (outcome IN ('started', 'open', 'ended')),
  raw TEXT NOT NULL,
  -- Its index serves the sync's per-row lookup and the joins from
  -- (sessions.connection_key, sessions.server_log_id) to the console entries.
  UNIQUE (server, kind, server_id)
);
CREATE INDEX server_logs_started ON server_logs (started_at);
CREATE INDEX server_logs_create_date ON server_logs (create_date);

CREATE TABLE sync_cursors (
  server TEXT NOT NULL,
  kind TEXT NOT NULL,
  write_date TEXT NOT NULL,
  server_id INTEGER NOT NULL,
  PRIMARY KEY (server, kind)
);
-- Keys: 'last_sync_at:' || server (mirror-sync.ts).
CREATE TABLE sync_state (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
`,
  },
  {
    version: 3,
    name: 'full-text search over reasons and names, and the Logs screen rows',
    up: `
${ftsTableOver('sessions', ['reason', 'admin_login', 'admin_name', 'target_login', 'target_name'])}
${ftsTableOver('server_logs', ['reason', 'admin', 'target'])}
${localRowsView};
${serverRowsView};
CREATE VIEW audit_rows AS SELECT * FROM local_audit_rows UNION ALL SELECT * FROM server_audit_rows;
`,
  },
  {
    version: 4,
    name: 'the mirror reads a look-back window by id instead of after a (write_date, id) cursor',
    // SY-1 (docs/security.md): per server and kind, the newest write_date a finished
    // pass mirrored, and the pass in progress (the last id it read, the newest
    // write_date it met), moved in the same transaction as the rows. The old
    // cursor's write_date was the newest one read: it carries over.
    up: `
CREATE TABLE sync_positions (
  server TEXT NOT NULL,
  kind TEXT NOT NULL,
  newest_write_date TEXT,
  pass_after_id INTEGER NOT NULL DEFAULT 0,
  pass_newest_write_date TEXT,
  PRIMARY KEY (server, kind)
);
INSERT INTO sync_positions (server, kind, newest_write_date) SELECT server, kind, write_date FROM sync_cursors;
DROP TABLE sync_cursors;
`,
  },
  mergedRowsMigration,
  {
    // Issue 13: the admin's warm sessions (authenticated while the reason is typed, not
    // impersonating), recorded before use so that crash recovery revokes one left behind.
    // Not chained: no attempt, no impersonation; an attempt that uses one records the same
    // identifier on its own (chained) session row first. 42: SESSION_IDENTIFIER_LENGTH.
    version: 6,
    name: 'warm sessions, recorded before use',
    up: `
CREATE TABLE warm_sessions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  connection_key TEXT NOT NULL,
  session_identifier TEXT NOT NULL CHECK (length(session_identifier) <= 42),
  created_at TEXT NOT NULL,
  ended_at TEXT,
  end_cause TEXT
);
CREATE INDEX warm_sessions_open ON warm_sessions (connection_key, ended_at);
`,
  },
  {
    version: 7,
    name: "each session's changes mode: read-only, or changes allowed from the start",
    // Issue 17.2: the choice is recorded with each session (its start event says it
    // too, so the replay of the chain has it: session-replay.ts). Adding a column
    // changes no row (no trigger fires, every row reads NULL), so the guards of
    // migration 5 need not be opened.
    // NULL for sessions recorded before it. "Allow changes" during a session and
    // the session's timeline are chained events of their own, not columns.
    up: `
ALTER TABLE sessions ADD COLUMN changes_mode TEXT CHECK (changes_mode IS NULL OR changes_mode IN ('read-only', 'allowed-from-start'));
`,
  },
  searchIndexesMigration,
  startLinksMigration,
];

export const LATEST_VERSION = migrations[migrations.length - 1]?.version ?? 0;

/** Applies every migration above the file's user_version; answers the versions applied. */
export function migrate(raw: Database.Database, list: readonly Migration[] = migrations): number[] {
  const current = raw.pragma('user_version', { simple: true }) as number;
  const applied: number[] = [];
  for (const migration of list) {
    if (migration.version <= current) continue;
    raw.transaction(() => {
      raw.exec(migration.up);
      // PRAGMA takes no bound parameters; the version is a number from this file.
      raw.pragma(`user_version = ${Math.trunc(migration.version)}`);
    }).immediate();
    applied.push(migration.version);
  }
  return applied;
}
