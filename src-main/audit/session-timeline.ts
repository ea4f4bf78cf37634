// A session's timeline in the audit store (issue 17.3): each entry is a chained event
// of the session (type 'timeline'), so it carries the same tamper evidence as the
// session's own events (AU-6); a batch is one transaction. "Allow changes" is an
// event too ('changes-allowed', with the second reason), as are the bounds the
// timeline reached ('timeline-bound') and its summary at the stop
// ('timeline-summary'). Nothing here is a value of Odoo's: entries hold names and ids
// (core/view-policy/view-call.ts).
import { sql } from 'kysely';
import type { SessionTimeline, TimelineEntry as TimelineEntryView, TimelineFilter } from '../../src-preload/contract';
import { ConsoleError, type ChangesAllowedRecord, type TimelineBound, type TimelineEntry, type TimelineSummary } from '../core';
import type { AuditDatabase } from './audit-database';
import type { AuditEventType } from './event-log';

/** The event types of a session that belong to its timeline, not to its lifecycle (the Logs show them apart). */
export const TIMELINE_EVENT_TYPES: readonly AuditEventType[] = ['timeline', 'timeline-bound', 'timeline-summary'];

const MAX_TEXT = 200;

function capped(text: string | null): string | null {
  return text === null ? null : text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;
}

/** An entry as its event's payload (snake_case, like the session's own events). */
export function timelinePayload(entry: TimelineEntry): Record<string, unknown> {
  return {
    kind: entry.kind,
    route: capped(entry.route),
    model: capped(entry.model),
    method: capped(entry.method),
    ids: entry.ids.slice(0, 20),
    id_count: entry.idCount,
    action: capped(entry.action),
    allowed: entry.allowed,
    refusal: entry.refusal,
    writes: entry.writes,
    page: capped(entry.page),
    count: entry.count,
  };
}

/** Appends events of an open session in one transaction (it must be open: entries come from its view). */
export function appendSessionEvents(database: AuditDatabase, sessionId: number, events: ReadonlyArray<{ at: Date; type: AuditEventType; payload: Record<string, unknown> }>): void {
  const { db, sql: runner, events: log, health } = database;
  if (events.length === 0) return;
  health.write(() =>
    runner.transaction(() => {
      const session = runner.first(db.selectFrom('sessions').select('outcome').where('id', '=', sessionId));
      if (!session) throw new ConsoleError('not-found', 'audit.sessionNotFound', { id: String(sessionId) });
      if (session.outcome !== 'open') throw new ConsoleError('audit-conflict', 'audit.sessionNotOpen', { id: String(sessionId), outcome: session.outcome });
      for (const event of events) log.append({ at: event.at, type: event.type, sessionId, payload: event.payload });
    }),
  );
}

export function timelineEvents(entries: readonly TimelineEntry[], bound: TimelineBound | null) {
  return [
    ...entries.map((entry) => ({ at: entry.at, type: 'timeline' as const, payload: timelinePayload(entry) })),
    ...(bound ? [{ at: bound.at, type: 'timeline-bound' as const, payload: { what: bound.what, itemised: bound.itemised, limit: bound.limit } }] : []),
  ];
}

export function changesAllowedEvent(record: ChangesAllowedRecord) {
  return { at: record.at, type: 'changes-allowed' as const, payload: { reason: record.reason, server_log_id: record.serverLogId } };
}

export function summaryEvent(at: Date, summary: TimelineSummary) {
  return { at, type: 'timeline-summary' as const, payload: { ...summary } };
}

interface StoredEvent {
  at: string;
  type: string;
  payload: string;
}

/** The timeline of `local:<id>` as the Logs show it; a server row has none (its end entry holds the summary). */
export function readSessionTimeline(database: AuditDatabase, id: string, filter: TimelineFilter): SessionTimeline {
  const local = /^local:(\d{1,15})$/.exec(id);
  if (!local) {
    if (!/^server:(impersonate|console):\d{1,15}$/.test(id)) throw new ConsoleError('audit-invalid', 'audit.invalidSessionId', { id: id.slice(0, 100) });
    return { available: false, changesMode: null, changesAllowed: null, entries: [], total: 0, bounds: [] };
  }
  const sessionId = Number(local[1]);
  const { db, sql: runner } = database;
  const session = runner.first(db.selectFrom('sessions').select(['changes_mode']).where('id', '=', sessionId));
  if (!session) throw new ConsoleError('not-found', 'audit.sessionNotFound', { id });
  const events = runner.all<StoredEvent>(
    db
      .selectFrom('audit_events')
      .select(['at', 'type', 'payload'])
      .where('session_id', '=', sessionId)
      .where('type', 'in', ['timeline', 'timeline-bound', 'changes-allowed'])
      .orderBy('id'),
  );
  const entries = events.filter((event) => event.type === 'timeline').map(toEntryView);
  const unlock = events.find((event) => event.type === 'changes-allowed');
  const changesMode = session.changes_mode === 'read-only' || session.changes_mode === 'allowed-from-start' ? session.changes_mode : null;
  return {
    available: true,
    changesMode,
    changesAllowed: unlock ? { at: unlock.at, reason: String(parse(unlock.payload).reason ?? '') } : null,
    entries: entries.filter(matches(filter)),
    total: entries.length,
    bounds: events
      .filter((event) => event.type === 'timeline-bound')
      .map((event) => {
        const payload = parse(event.payload);
        return { at: event.at, what: payload.what === 'all' ? ('all' as const) : ('reads' as const), limit: Number(payload.limit ?? 0) };
      }),
  };
}

/** How many entries each local session's timeline holds (for exports). */
export function timelineCounts(database: AuditDatabase): Map<number, number> {
  const rows = database.sql.all<{ session_id: number; n: number }>({
    compile: () => sql<{ session_id: number; n: number }>`SELECT session_id, count(*) AS n FROM audit_events WHERE type = 'timeline' AND session_id IS NOT NULL GROUP BY session_id`.compile(database.db),
  });
  return new Map(rows.map((row) => [row.session_id, row.n]));
}

function matches(filter: TimelineFilter): (entry: TimelineEntryView) => boolean {
  if (filter === 'changes') return (entry) => entry.allowed && entry.writes;
  if (filter === 'refused') return (entry) => !entry.allowed;
  return () => true;
}

function toEntryView(event: StoredEvent): TimelineEntryView {
  const p = parse(event.payload);
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  return {
    at: event.at,
    kind: text(p.kind) ?? '?',
    route: text(p.route) ?? '',
    model: text(p.model),
    method: text(p.method),
    ids: Array.isArray(p.ids) ? p.ids.filter((id): id is number => typeof id === 'number') : [],
    idCount: typeof p.id_count === 'number' ? p.id_count : 0,
    action: text(p.action),
    allowed: p.allowed === true,
    refusal: text(p.refusal),
    writes: p.writes === true,
    page: text(p.page),
    count: typeof p.count === 'number' ? p.count : 1,
  };
}

function parse(payload: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(payload);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
