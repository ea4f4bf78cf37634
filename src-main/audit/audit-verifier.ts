// audit.verify (AU-6): is what the Logs show of this console's records what the chain
// protects? In order, naming the first thing that does not hold:
// 1. the events' hash chain, from its anchor to its head (hash-chain.ts);
// 2. the anchor: retention writes one only with a 'pruned' event that names it, so an
//    anchor the chain does not confirm was inserted by someone else (it would let
//    every event under it be deleted unseen);
// 3. the session rows: each one must be what replaying its events gives
//    (session-replay.ts), every session the events describe must still have its row
//    unless a 'pruned' event says retention removed it, and no row may lack events;
// 4. the guards: every trigger that keeps the tables as the console leaves them is
//    still there (after the rest, so that what was done with a trigger dropped and put
//    back is named for what it is).
// Streamed (two cursors walked side by side), so a large store is checked in bounded memory.
import Database from 'better-sqlite3';
import type { ChainStatus } from '../../src-preload/contract';
import type { AuditDatabase } from './audit-database';
import { inRanges } from './id-ranges';
import { migrate } from './migrations';
import type { SessionRow } from './schema';
import { differingColumns, replaySession, SESSION_CHANGES, type SessionEvent } from './session-replay';
import { GUARD_TRIGGERS } from './write-guard';

export type RecordBreak =
  | 'guard-removed' // a trigger guarding the tables was dropped
  | 'anchor-unconfirmed' // an anchor no 'pruned' event of the chain names
  | 'session-altered' // a session row differs from what its events say
  | 'session-deleted' // a session row is gone and retention did not remove it
  | 'session-unrecorded'; // a session row the console never wrote

interface Pruning {
  eventId: number;
  removed: unknown;
  /** Retention before the removed ids were named: what it removed was older than this. */
  legacyCutoff: string | null;
}

export function verifyAudit(database: AuditDatabase): ChainStatus {
  const chain = database.events.verify();
  if (!chain.ok) return chain;
  const broken = (id: number, reason: RecordBreak, record: number | null = null): ChainStatus => ({
    ok: false,
    checked: chain.checked,
    records: 0,
    firstBroken: { id, reason, record },
  });
  const anchor = database.events.anchor();
  if (anchor.upToId > 0 && !anchorConfirmed(database, anchor)) return broken(anchor.upToId, 'anchor-unconfirmed');
  const sessions = verifySessions(database, prunings(database));
  if ('reason' in sessions) return broken(sessions.eventId, sessions.reason, sessions.record);
  if (!guardsIntact(database)) return broken(0, 'guard-removed');
  return { ok: true, checked: chain.checked, records: sessions.records, firstBroken: null };
}

let expectedGuards: Map<string, string> | null = null;

/** Every guard trigger is there, exactly as the migrations wrote it (not dropped, not replaced by a no-op). */
function guardsIntact(database: AuditDatabase): boolean {
  expectedGuards ??= migratedInMemory(database.nativeBinding);
  const present = guardTriggers(database.raw);
  return GUARD_TRIGGERS.every((name) => present.get(name) !== undefined && present.get(name) === expectedGuards!.get(name));
}

/** The guard triggers as the migrations create them, from an empty database in memory. */
function migratedInMemory(nativeBinding: string | undefined): Map<string, string> {
  const raw = new Database(':memory:', nativeBinding ? { nativeBinding } : {});
  try {
    migrate(raw);
    return guardTriggers(raw);
  } finally {
    raw.close();
  }
}

function guardTriggers(raw: Database.Database): Map<string, string> {
  const rows = raw.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").all() as Array<{ name: string; sql: string }>;
  return new Map(rows.map((row) => [row.name, row.sql]));
}

function anchorConfirmed(database: AuditDatabase, anchor: { upToId: number; hash: string }): boolean {
  const stored = database.raw.prepare('SELECT at FROM audit_chain_anchor ORDER BY id DESC LIMIT 1').get() as { at: string } | undefined;
  // Retention's event names the anchor; one written before it did so has the anchor's own time.
  const confirmation = database.raw.prepare(
    `SELECT 1 FROM audit_events WHERE type = 'pruned' AND id > ? AND (
       (json_extract(payload, '$.anchor.upToId') = ? AND json_extract(payload, '$.anchor.hash') = ?)
       OR (json_type(payload, '$.anchor') IS NULL AND at = ?)) LIMIT 1`,
  );
  return confirmation.get(anchor.upToId, anchor.upToId, anchor.hash, stored?.at ?? '') !== undefined;
}

function prunings(database: AuditDatabase): Pruning[] {
  const rows = database.raw.prepare("SELECT id, payload FROM audit_events WHERE type = 'pruned' ORDER BY id").all() as Array<{ id: number; payload: string }>;
  return rows.map((row) => {
    const payload = JSON.parse(row.payload) as { removedSessions?: unknown; cutoff?: unknown };
    return {
      eventId: row.id,
      removed: payload.removedSessions ?? null,
      legacyCutoff: payload.removedSessions === undefined && typeof payload.cutoff === 'string' ? payload.cutoff : null,
    };
  });
}

type SessionsVerdict = { records: number } | { eventId: number; reason: RecordBreak; record: number };

function verifySessions(database: AuditDatabase, pruned: Pruning[]): SessionsVerdict {
  const rows = database.raw.prepare('SELECT * FROM sessions ORDER BY id').iterate() as IterableIterator<SessionRow>;
  const events = database.raw
    .prepare('SELECT id, session_id, type, payload FROM audit_events WHERE session_id IS NOT NULL ORDER BY session_id, id')
    .iterate() as IterableIterator<SessionEvent & { session_id: number }>;
  let row = rows.next();
  let event = events.next();
  let records = 0;
  try {
    while (!row.done || !event.done) {
      const sessionId = Math.min(row.done ? Infinity : row.value.id, event.done ? Infinity : event.value.session_id);
      const own: SessionEvent[] = [];
      while (!event.done && event.value.session_id === sessionId) {
        own.push(event.value);
        event = events.next();
      }
      const stored = !row.done && row.value.id === sessionId ? row.value : null;
      if (stored) row = rows.next();
      const problem = judge(sessionId, stored, own, pruned);
      if (problem) return problem;
      if (stored) records += 1;
    }
  } finally {
    rows.return?.();
    events.return?.();
  }
  return { records };
}

function judge(sessionId: number, stored: SessionRow | null, events: SessionEvent[], pruned: Pruning[]): SessionsVerdict | null {
  const changes = events.filter((event) => SESSION_CHANGES.has(event.type));
  if (stored === null) {
    if (removedByRetention(sessionId, events, pruned)) return null;
    return { eventId: events[0]!.id, reason: 'session-deleted', record: sessionId };
  }
  const replayed = replaySession(sessionId, events);
  if (replayed === null) return { eventId: changes[0]?.id ?? 0, reason: 'session-unrecorded', record: sessionId };
  if (differingColumns(stored, replayed).length > 0) {
    return { eventId: changes[changes.length - 1]!.id, reason: 'session-altered', record: sessionId };
  }
  return null;
}

function removedByRetention(sessionId: number, events: SessionEvent[], pruned: Pruning[]): boolean {
  const last = events[events.length - 1]!.id;
  const attemptAt = attemptTime(events);
  return pruned.some(
    (p) =>
      p.eventId > last &&
      (inRanges(p.removed, sessionId) || (p.legacyCutoff !== null && attemptAt !== null && attemptAt < p.legacyCutoff)),
  );
}

function attemptTime(events: SessionEvent[]): string | null {
  const attempt = events.find((event) => event.type === 'attempt');
  if (!attempt) return null;
  try {
    const at = (JSON.parse(attempt.payload) as { attempt_at?: unknown }).attempt_at;
    return typeof at === 'string' ? at : null;
  } catch {
    return null;
  }
}
