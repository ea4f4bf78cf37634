// Migration 7 (issue 13, point 4): what a search and the merged rows read, indexed for
// it. Kept in its own file so that its number is trivial to change; like every
// migration, it never changes once shipped.
// - Prefix indexes on both full-text tables: every search matches its last word as a
//   prefix (fts-query.ts), and without them FTS5 merges the doclist of every term with
//   that prefix; a two-letter prefix cost ~5 ms over 1 000 000 sessions, ~1 ms with them.
//   The tables are rebuilt from their content (the same rows, columns and tokenizer as
//   migrations 3 and 5 index), in this migration's transaction.
// - The merged view finds a console session's first end entry by (server, kind,
//   session_identifier) ordered by server_id (merged-views.ts, firstEnd). With the
//   index ending at session_identifier the planner preferred walking the unique key in
//   server_id order, reading every console entry of the server for each row; this one
//   answers both the match and the order. It replaces the shorter index it extends.
import { ftsTableOver } from './fts-table';
import type { Migration } from './migration';

const PREFIX = '2 3';

const rebuiltFts = (table: string, columns: readonly string[]) => `
DROP TRIGGER ${table}_fts_insert;
DROP TRIGGER ${table}_fts_delete;
DROP TRIGGER ${table}_fts_update;
DROP TABLE ${table}_fts;
${ftsTableOver(table, columns, { prefix: PREFIX })}
INSERT INTO ${table}_fts (${table}_fts) VALUES ('rebuild');`;

export const searchIndexesMigration: Migration = {
  version: 7,
  name: 'prefix indexes for full-text search; the console entries of a session in server_id order',
  up: `
${rebuiltFts('sessions', ['reason', 'admin_login', 'admin_name', 'target_login', 'target_name'])}
${rebuiltFts('server_logs', ['reason', 'admin', 'admin_login', 'target', 'target_login'])}
CREATE INDEX server_logs_session_entries ON server_logs (server, kind, session_identifier, server_id);
DROP INDEX server_logs_session;
`,
};
