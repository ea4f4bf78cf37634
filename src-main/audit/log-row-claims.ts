// Which impersonate.log row is an open session's, for crash recovery (FT-1): the row
// it recorded, or — when its start found several candidates (two consoles of the same
// admin switching to the same target at once) and the crash came before its end could
// tell them apart — the candidates no other session is known to have: another local
// session of the same server that holds the row, or a console entry of another
// session that names it (mirrored from the server). Known facts only: what is left is
// never narrowed by time or name.
import type { AuditDatabase } from './audit-database';
import type { SessionRow } from './schema';

export function unclaimedLogRows(database: AuditDatabase, session: Pick<SessionRow, 'id' | 'connection_key' | 'session_identifier' | 'impersonate_log_id' | 'impersonate_log_candidates'>): number[] {
  if (session.impersonate_log_id !== null) return [session.impersonate_log_id];
  const candidates = parseCandidates(session.impersonate_log_candidates);
  if (candidates.length === 0) return [];
  const claimedHere = database.raw.prepare(
    'SELECT 1 FROM sessions WHERE connection_key = ? AND impersonate_log_id = ? AND id <> ? LIMIT 1',
  );
  const claimedByEntry = database.raw.prepare(
    `SELECT 1 FROM server_logs WHERE server = ? AND kind = 'console' AND impersonate_log_id = ?
       AND (session_identifier IS NULL OR session_identifier <> ?) LIMIT 1`,
  );
  return candidates.filter(
    (id) =>
      claimedHere.get(session.connection_key, id, session.id) === undefined &&
      claimedByEntry.get(session.connection_key, id, session.session_identifier ?? '') === undefined,
  );
}

/** The stored JSON array of candidate ids; anything else reads as none. */
export function parseCandidates(text: string | null): number[] {
  if (!text) return [];
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((id): id is number => Number.isSafeInteger(id) && id > 0) : [];
  } catch {
    return [];
  }
}
