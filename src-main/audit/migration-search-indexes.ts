// Migration 8 (issue 13, point 4): the merged view finds a console session's first end
// entry by (server, kind, session_identifier) ordered by server_id (merged-views.ts,
// firstEnd). With the index ending at session_identifier the planner preferred walking
// the unique key in server_id order, reading every console entry of the server for each
// row; this one answers both the match and the order. It replaces the shorter index it
// extends. Kept in its own file; like every migration, it never changes once shipped.
// (FTS5 prefix indexes were measured too: no gain in the search bench, a file 25 %
// larger and slower inserts, so they were left out.)
import type { Migration } from './migration';

export const searchIndexesMigration: Migration = {
  version: 8,
  name: "the console entries of a session in server_id order",
  up: `
CREATE INDEX server_logs_session_entries ON server_logs (server, kind, session_identifier, server_id);
DROP INDEX server_logs_session;
`,
};
