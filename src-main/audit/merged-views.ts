// The Logs screen's rows as SQL: one row per impersonation, whatever recorded it
// (migration 5; docs/security.md AU-8). The sources are linked by keys, never by
// times or names:
// - this console's own record (`sessions`) and the console's ir.logging entries of
//   any console share the server (the connection key) and the session identifier;
// - Odoo's impersonate.log row is the one the session's start found above the mark
//   (sessions.impersonate_log_id, or the entry's `impersonateLogId`).
// Each impersonation has one primary row, in this order: this console's record; else
// a console's start entry; else, for a session whose start entry is gone, its first
// end entry; else the impersonate.log row alone — an impersonation made outside any
// console. The other records of the same impersonation are not rows of their own:
// merged-rows.ts shows them as the row's provenance. Views hold no data: what they
// select is what the tables hold, and the local values shown are checked against the
// audit chain on read (session-integrity.ts).

/** A console entry that ends a session: the console's end entry, or the tripwire's. */
const END_EVENTS = `('end', 'tampered')`;

export const LOCAL_ROWS_VIEW = `
CREATE VIEW local_audit_rows AS
SELECT 'local:' || s.id AS id, 'local' AS source, s.id AS row_key, 'here' AS origin,
       s.admin_name AS admin, s.admin_login AS admin_alt,
       COALESCE(s.target_name, s.target_login, '#' || s.target_id) AS target, s.target_login AS target_alt,
       COALESCE(s.started_at_client, s.attempt_at) AS started_at, s.ended_at_client AS ended_at,
       s.duration_seconds, s.reason, s.client_ip, s.server_ip,
       CASE s.outcome WHEN 'attempted' THEN 'open' ELSE s.outcome END AS outcome,
       s.end_cause, COALESCE(s.refusal, s.failure) AS refusal,
       s.connection_key AS server, s.session_identifier, s.impersonate_log_id
FROM sessions s`;

// The end and the impersonate.log row of a console primary, found by key.
const firstEnd = (entry: string) => `(
  SELECT x.id FROM server_logs x
  WHERE x.server = ${entry}.server AND x.kind = 'console' AND x.session_identifier = ${entry}.session_identifier
    AND x.event IN ${END_EVENTS}
  ORDER BY x.server_id LIMIT 1)`;

const ended = `COALESCE(e.ended_at, i.ended_at)`;
const started = `COALESCE(c.started_at, i.started_at)`;

export const SERVER_ROWS_VIEW = `
CREATE VIEW server_audit_rows AS
SELECT 'server:console:' || c.id AS id, 'server' AS source, c.id AS row_key, 'console' AS origin,
       COALESCE(c.admin, c.admin_login, '#' || c.admin_user_id, '?') AS admin, c.admin_login AS admin_alt,
       COALESCE(c.target, c.target_login, '#' || c.target_user_id, '?') AS target, c.target_login AS target_alt,
       ${started} AS started_at, ${ended} AS ended_at,
       CASE WHEN ${ended} IS NULL OR ${started} IS NULL THEN NULL
            ELSE MAX(0, CAST(ROUND((julianday(${ended}) - julianday(${started})) * 86400) AS INTEGER)) END AS duration_seconds,
       c.reason, c.client_ip, c.server_ip,
       CASE WHEN e.id IS NOT NULL OR i.date_end IS NOT NULL THEN 'ended' WHEN i.id IS NOT NULL THEN 'open' ELSE 'started' END AS outcome,
       e.end_cause, NULL AS refusal,
       c.server, c.session_identifier, COALESCE(c.impersonate_log_id, e.impersonate_log_id) AS impersonate_log_id
FROM server_logs c
LEFT JOIN server_logs e ON e.id = ${firstEnd('c')}
LEFT JOIN server_logs i ON i.server = c.server AND i.kind = 'impersonate' AND i.server_id = COALESCE(c.impersonate_log_id, e.impersonate_log_id)
WHERE c.kind = 'console'
  AND (
    -- a start entry, or an entry the console could not read (shown as it is)
    (c.event = 'start' OR c.event IS NULL OR c.session_identifier IS NULL)
    -- an end entry whose start entry is gone: the first one stands for its session
    OR (c.event IN ${END_EVENTS}
        AND c.id = ${firstEnd('c')}
        AND NOT EXISTS (SELECT 1 FROM server_logs y WHERE y.server = c.server AND y.kind = 'console'
                        AND y.session_identifier = c.session_identifier AND y.event = 'start'))
  )
  AND NOT EXISTS (SELECT 1 FROM sessions s WHERE s.connection_key = c.server AND s.session_identifier = c.session_identifier)
UNION ALL
SELECT 'server:impersonate:' || i.id AS id, 'server' AS source, i.id AS row_key, 'odoo' AS origin,
       COALESCE(i.admin, i.admin_login, '#' || i.admin_user_id, '?') AS admin, i.admin_login AS admin_alt,
       COALESCE(i.target, i.target_login, '#' || i.target_user_id, '?') AS target, i.target_login AS target_alt,
       i.started_at, i.ended_at, i.duration_seconds, NULL AS reason, NULL AS client_ip, NULL AS server_ip,
       i.outcome, NULL AS end_cause, NULL AS refusal,
       i.server, NULL AS session_identifier, i.server_id AS impersonate_log_id
FROM server_logs i
WHERE i.kind = 'impersonate'
  AND NOT EXISTS (SELECT 1 FROM sessions s WHERE s.connection_key = i.server AND s.impersonate_log_id = i.server_id)
  AND NOT EXISTS (SELECT 1 FROM server_logs c WHERE c.server = i.server AND c.kind = 'console' AND c.impersonate_log_id = i.server_id)`;

export const AUDIT_ROWS_VIEW = `
CREATE VIEW audit_rows AS SELECT * FROM local_audit_rows UNION ALL SELECT * FROM server_audit_rows`;
