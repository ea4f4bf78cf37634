// The numbers both processes (and main's layers) must agree on, in one place, as
// plain values (no zod) so the renderer can show them without bundling the
// schemas. Main enforces every one of them; the UI only says them.

/** The hard limit of a session (SS-3); Settings may lower it, never raise it. */
export const MAX_SESSION_MINUTES = 60;
/** The shortest session limit Settings accepts. */
export const MIN_SESSION_MINUTES = 5;

/** At most this many attempts per admin and connection in any rolling window (LD-3)… */
export const RATE_LIMIT_ATTEMPTS = 5;
/** …of this length. */
export const RATE_LIMIT_WINDOW_MS = 60_000;

/** The reason's length, trimmed, in Unicode code points (IN-1). */
export const REASON_MIN = 10;
export const REASON_MAX = 500;

/**
 * The length of a session's identifier, the only form of a session the console
 * stores or sends (SS-10): Odoo's own (the first 42 of an 84-character id) on 18
 * and 19, a one-way digest of the same length on 17 (src-main/odoo/session-identifier.ts).
 */
export const SESSION_IDENTIFIER_LENGTH = 42;
