// Links a console's start entry to its impersonate.log row when the entry names only
// the mark (migration 9): the row is the first one above the mark for the same admin
// and target that no other session claims — the one that console's impersonate_login
// created, since ids only grow and the console read the mark right before the switch.
// Linked by ids, never by times or names. Runs inside every sync transaction, after
// the pages (MirrorStatements.linkStarts, bound to one server like the sync's other
// statements): only entries still unlinked are looked at. Left as it is: two consoles
// of the same admin switching to the same target at the same moment may each take the
// other's row — two rows alike in all but their ends (docs/odoo.md, The server's own
// audit records).
//
// INDEXED BY: without statistics the planner took the (server, kind, impersonate_log_id)
// index, reading every console entry that names no row in each sync transaction; the
// partial index holds only the start entries still waiting.
export const LINK_STARTS = `
UPDATE server_logs INDEXED BY server_logs_unlinked_starts SET impersonate_log_id = (
  SELECT MIN(i.impersonate_log_id) FROM server_logs i
  WHERE i.server = server_logs.server AND i.kind = 'impersonate'
    AND i.impersonate_log_id > server_logs.impersonate_log_after
    AND i.admin_user_id = server_logs.admin_user_id AND i.target_user_id = server_logs.target_user_id
    AND NOT EXISTS (SELECT 1 FROM sessions s WHERE s.connection_key = i.server AND s.impersonate_log_id = i.server_id
                    AND s.session_identifier IS NOT server_logs.session_identifier)
    AND NOT EXISTS (SELECT 1 FROM server_logs o WHERE o.server = i.server AND o.kind = 'console' AND o.impersonate_log_id = i.server_id
                    AND o.session_identifier IS NOT server_logs.session_identifier))
WHERE server = ? AND kind = 'console' AND impersonate_log_id IS NULL AND impersonate_log_after IS NOT NULL`;
