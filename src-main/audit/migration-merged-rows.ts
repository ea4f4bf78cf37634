// Migration 5 (issue 12): one row per impersonation, merged by keys (merged-views.ts),
// and the session rows and chain anchors guarded (write-guard.ts). Kept apart from
// migrations.ts for its size; like every migration, it never changes once shipped.
import { ftsTableOver } from './fts-table';
import type { Migration } from './migration';
import { AUDIT_ROWS_VIEW, LOCAL_ROWS_VIEW, SERVER_ROWS_VIEW } from './merged-views';

// Migration 5's FTS over the mirror: names and logins, whatever the source.
const serverLogsFts = `${ftsTableOver('server_logs', ['reason', 'admin', 'admin_login', 'target', 'target_login'])}
INSERT INTO server_logs_fts (server_logs_fts) VALUES ('rebuild');`;

export const mergedRowsMigration: Migration = {
  version: 5,
  name: 'one row per impersonation, merged by keys; session rows and anchors guarded',
  up: `
-- The session's impersonate.log row (docs/odoo.md, The server's own audit records):
-- its id when the start found exactly one candidate or the end told them apart, and
-- the candidates (a JSON array) while it could not.
ALTER TABLE sessions ADD COLUMN impersonate_log_id INTEGER;
ALTER TABLE sessions ADD COLUMN impersonate_log_candidates TEXT;
CREATE INDEX sessions_identifier ON sessions (connection_key, session_identifier);
CREATE INDEX sessions_impersonate_log ON sessions (connection_key, impersonate_log_id);

-- The mirror's keys and the people as every source names them: the console entry's
-- event and the impersonate.log row it names (an impersonate.log row names itself),
-- and logins beside the display names (admin, target).
ALTER TABLE server_logs ADD COLUMN event TEXT;
ALTER TABLE server_logs ADD COLUMN impersonate_log_id INTEGER;
ALTER TABLE server_logs ADD COLUMN admin_login TEXT;
ALTER TABLE server_logs ADD COLUMN target_login TEXT;
UPDATE server_logs SET
  event = json_extract(raw, '$.message.event'),
  impersonate_log_id = json_extract(raw, '$.message.impersonateLogId'),
  admin_login = json_extract(raw, '$.message.admin.login'),
  admin = COALESCE(json_extract(raw, '$.message.admin.name'), json_extract(raw, '$.message.admin.login'), admin),
  target_login = json_extract(raw, '$.message.target.login'),
  target = COALESCE(json_extract(raw, '$.message.target.name'), target)
WHERE kind = 'console';
UPDATE server_logs SET impersonate_log_id = server_id WHERE kind = 'impersonate';
CREATE INDEX server_logs_session ON server_logs (server, kind, session_identifier);
CREATE INDEX server_logs_impersonate_log ON server_logs (server, kind, impersonate_log_id);
-- Read every row again at the next sync, so that impersonate.log rows get their logins.
UPDATE sync_positions SET newest_write_date = NULL, pass_after_id = 0, pass_newest_write_date = NULL;

DROP TRIGGER server_logs_fts_insert;
DROP TRIGGER server_logs_fts_delete;
DROP TRIGGER server_logs_fts_update;
DROP TABLE server_logs_fts;
${serverLogsFts}

DROP VIEW audit_rows;
DROP VIEW local_audit_rows;
DROP VIEW server_audit_rows;
${LOCAL_ROWS_VIEW};
${SERVER_ROWS_VIEW};
${AUDIT_ROWS_VIEW};

-- AU-5, AU-6: a session row changes, and session rows or anchors are written, only
-- while the console's own code does it (write-guard.ts); any other program's statement
-- fails on the missing function. An anchor must also be a point of the chain, above
-- the last one.
CREATE TRIGGER sessions_guard_update BEFORE UPDATE ON sessions
WHEN audit_guard('session-update') = 0
BEGIN SELECT RAISE(ABORT, 'sessions change only through the console'); END;
CREATE TRIGGER sessions_guard_delete BEFORE DELETE ON sessions
WHEN audit_guard('session-delete') = 0
BEGIN SELECT RAISE(ABORT, 'sessions are removed only by retention'); END;
CREATE TRIGGER audit_chain_anchor_guard BEFORE INSERT ON audit_chain_anchor
WHEN audit_guard('anchor-insert') = 0
  OR NOT EXISTS (SELECT 1 FROM audit_events e WHERE e.id = NEW.up_to_id AND e.hash = NEW.hash)
  OR NEW.up_to_id <= COALESCE((SELECT MAX(up_to_id) FROM audit_chain_anchor), 0)
BEGIN SELECT RAISE(ABORT, 'audit_chain_anchor is written only by retention, at a point of the chain'); END;
`,
};
