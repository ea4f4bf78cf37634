// A session row as its chained events say it is (AU-6 for what the Logs show). The
// store writes each change of a session together with an event whose payload is
// exactly that change — the attempt's event holds the row as inserted, every later
// one the columns it set (audit-store.ts) — so replaying a session's events in order
// gives its row. The `sessions` table is then an index for searching and sorting;
// what the Logs show of this console's records is the replay, and a row that differs
// from it was changed outside the console.
import type { SessionRow } from './schema';

/** The events that change a session row; others (a mirror difference) only mention it. */
export const SESSION_CHANGES: ReadonlySet<string> = new Set(['attempt', 'server-session', 'start', 'failure', 'refusal', 'end', 'end-confirmed']);

export interface SessionEvent {
  id: number;
  type: string;
  payload: string;
}

/** Columns the replay does not hold: the rate limiter's key (from the server's uuid, never shown) and the row id. */
const NOT_CHAINED = new Set(['id', 'limiter_key']);

/** What a row holds before its first event: every optional column empty. */
const EMPTY: Partial<Record<keyof SessionRow, unknown>> = {
  target_login: null,
  target_name: null,
  refusal: null,
  started_at_client: null,
  started_at_server: null,
  ended_at_client: null,
  ended_at_server: null,
  duration_seconds: null,
  client_ip: null,
  server_ip: null,
  session_identifier: null,
  server_log_id: null,
  end_cause: null,
  server_end_pending: 0,
  failure: null,
  end_detail: null,
  impersonate_log_id: null,
  impersonate_log_candidates: null,
  changes_mode: null,
};

export type ReplayedSession = Omit<SessionRow, 'limiter_key'>;

/**
 * The row the events describe, or null when they do not begin with its attempt (a row
 * the console never wrote, or whose first event is gone). `events` in chain order.
 */
export function replaySession(sessionId: number, events: readonly SessionEvent[]): ReplayedSession | null {
  const changes = events.filter((event) => SESSION_CHANGES.has(event.type));
  if (changes[0]?.type !== 'attempt') return null;
  const row: Record<string, unknown> = { ...EMPTY, id: sessionId };
  for (const event of changes) {
    const payload = parsePayload(event.payload);
    if (payload === null) return null;
    Object.assign(row, payload);
  }
  // The attempt's time in milliseconds is its ISO time's (audit-store.ts writes both from one Date).
  row.attempt_at_ms = typeof row.attempt_at === 'string' ? Date.parse(row.attempt_at) : null;
  return row as unknown as ReplayedSession;
}

/** The columns where `row` differs from `replayed` (empty: the row is what the chain says). */
export function differingColumns(row: SessionRow, replayed: ReplayedSession): string[] {
  const differing: string[] = [];
  for (const column of Object.keys(row) as Array<keyof SessionRow>) {
    if (NOT_CHAINED.has(column)) continue;
    const chained = (replayed as Record<string, unknown>)[column] ?? null;
    if (!sameValue(row[column] ?? null, chained)) differing.push(column);
  }
  return differing;
}

function sameValue(a: unknown, b: unknown): boolean {
  // SQLite hands back integers as numbers and the payload holds them as JSON numbers.
  return a === b || (typeof a === 'number' && typeof b === 'number' && Object.is(a, b));
}

function parsePayload(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
