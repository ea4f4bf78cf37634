// Migration 9 (issue 13, point 2): a console's start entry is written beside the
// verification, before the console knows which impersonate.log row its switch
// created, so it names the mark instead — the highest id before the switch
// (`impersonateLogAfter`). The column keeps that mark; mirror-links.ts fills the
// entry's impersonate_log_id once the row is mirrored. The partial index holds only
// the start entries still waiting for their row. No entry written before this
// version has the field, so nothing is read back from `raw`. Like every migration,
// it never changes once shipped.
import type { Migration } from './migration';

export const startLinksMigration: Migration = {
  version: 9,
  name: 'start entries that name the impersonate.log mark',
  up: `
ALTER TABLE server_logs ADD COLUMN impersonate_log_after INTEGER;
CREATE INDEX server_logs_unlinked_starts ON server_logs (server)
  WHERE kind = 'console' AND impersonate_log_id IS NULL AND impersonate_log_after IS NOT NULL;
`,
};
