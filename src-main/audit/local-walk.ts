// A page of a search over local sessions, by start time, found by walking the start-time
// index (sessions_started) from the page's end and keeping what the full-text index
// matched, instead of reading the start time of every match and sorting them all
// (issue 13). A walk reads about wanted ÷ density index entries; the sort reads one
// table row per match. The walk is taken only where it reads fewer: a search matching
// a good share of the sessions. Only unfiltered searches (a filter would need the row)
// and only the local part (the merged server rows have no such index).
import { sql, type RawBuilder } from 'kysely';

/**
 * Whether walking reads less than sorting: matches ÷ sessions is the density, so the
 * walk reads about wanted × sessions ÷ matches entries, each a fraction (about 1/16,
 * measured) of what a row read costs the sort.
 */
export function walkPays(matches: number, sessions: number, wanted: number): boolean {
  if (matches === 0 || sessions === 0) return false;
  return (wanted * sessions) / matches < matches * 16;
}

/** The highest session id: the count of sessions at most, read from the end of the table. */
export const SESSIONS_BOUND = sql<{ n: number | null }>`SELECT max(id) AS n FROM sessions`;

/**
 * The first `wanted` local matches in start-time order, as the keys the page is sorted on
 * (source, row_key, started_at). The ORDER BY is the index's own expression and the
 * rowid after it, so SQLite walks the index instead of sorting; `+id` keeps it from
 * looking the matches up by id instead.
 */
export function walkedKeys(match: string, dir: 'asc' | 'desc', wanted: number): RawBuilder<unknown> {
  const order = sql.raw(dir === 'asc' ? 'ASC' : 'DESC');
  return sql`SELECT 'local' AS source, id AS row_key, COALESCE(started_at_client, attempt_at) AS started_at
    FROM sessions INDEXED BY sessions_started
    WHERE +id IN (SELECT rowid FROM sessions_fts WHERE sessions_fts MATCH ${match})
    ORDER BY COALESCE(started_at_client, attempt_at) ${order}, id ${order}
    LIMIT ${wanted}`;
}
