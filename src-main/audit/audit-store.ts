// The audit store as the impersonation flow sees it (AuditLedger). Every call
// is one synchronous IMMEDIATE transaction: the session row and its chained
// event commit together, and with synchronous=FULL they are on disk when the
// promise resolves (AU-1, AU-2). Nothing here accepts a secret: the session
// identifier is refused if it is longer than Odoo's 42 characters (SS-10).
import { REASON_MAX, SESSION_IDENTIFIER_LENGTH } from '../../src-preload/limits';
import {
  ConsoleError,
  rateLimitKey,
  type AttemptRecord,
  type AuditLedger,
  type ChangesAllowedRecord,
  type ConnectRefusalRecord,
  type EndRecord,
  type OpenSession,
  type ServerSettingRecord,
  type OpenWarmSession,
  type StartRecord,
  type TimelineBound,
  type TimelineEntry,
  type TimelineSummary,
  type WarmEnd,
} from '../core';
import type { AuditDatabase } from './audit-database';
import { unclaimedLogRows } from './log-row-claims';
import type { LocalOutcome, SessionRow } from './schema';
import { appendSessionEvents, changesAllowedEvent, summaryEvent, timelineEvents } from './session-timeline';

/** Names and logins are Odoo strings; capped so a refused junk attempt has a bounded size (LD-4). */
export const MAX_NAME_LENGTH = 200;
export const MAX_DETAIL_LENGTH = 1000;

/** Caps by code points so a cut never leaves half a surrogate pair. */
export function cap(text: string, max: number): string {
  if (text.length <= max) return text;
  return Array.from(text).slice(0, max).join('').slice(0, max);
}

function capOrNull(text: string | null, max: number): string | null {
  return text === null ? null : cap(text, max);
}

/** The connection key as sessions.connection_key holds it; the mirror keys its rows the same way, so the two join. */
export function storedConnectionKey(key: string): string {
  return cap(key, 2 * MAX_NAME_LENGTH);
}

export class AuditStore implements AuditLedger {
  constructor(private readonly database: AuditDatabase) {}

  async recordAttempt(record: AttemptRecord): Promise<number> {
    const { db, sql, events, health } = this.database;
    const row = {
      connection_key: storedConnectionKey(record.connectionKey),
      // The rate limiter looks attempts up by this same key (core/rate-limiter.ts).
      limiter_key: rateLimitKey(record.serverKey, record.admin),
      admin_uid: record.admin.uid,
      admin_login: cap(record.admin.login, MAX_NAME_LENGTH),
      admin_name: cap(record.admin.name, MAX_NAME_LENGTH),
      target_id: record.target.id,
      target_login: capOrNull(record.target.login, MAX_NAME_LENGTH),
      target_name: capOrNull(record.target.name, MAX_NAME_LENGTH),
      reason: cap(record.reason, REASON_MAX),
      allowed: record.allowed ? 1 : 0,
      refusal: record.allowed ? null : cap(record.refusal ?? 'refused', MAX_NAME_LENGTH),
      outcome: (record.allowed ? 'attempted' : 'refused') as LocalOutcome,
      attempt_at_ms: record.at.getTime(),
      attempt_at: record.at.toISOString(),
      app_version: cap(record.appVersion, MAX_NAME_LENGTH),
      client_host: cap(record.clientHost, MAX_NAME_LENGTH),
      end_detail: capOrNull(record.detail ?? null, MAX_DETAIL_LENGTH),
    };
    return health.write(() =>
      sql.transaction(() => {
        const id = Number(sql.run(db.insertInto('sessions').values(row)).lastInsertRowid);
        const { limiter_key: _key, attempt_at_ms: _ms, ...payload } = row;
        events.append({ at: record.at, type: 'attempt', sessionId: id, payload });
        return id;
      }),
    );
  }

  async recordServerSession(sessionId: number, sessionIdentifier: string, at: Date, impersonateLogIds: readonly number[] = []): Promise<void> {
    assertIdentifier(sessionIdentifier);
    const candidates = [...new Set(impersonateLogIds.filter((id) => Number.isSafeInteger(id) && id > 0))].sort((a, b) => a - b).slice(0, 20);
    const changes = {
      session_identifier: sessionIdentifier,
      // One candidate is the row; several wait for the end to tell which (ImpersonateLogWatch).
      ...(candidates.length === 1 ? { impersonate_log_id: candidates[0]! } : {}),
      ...(candidates.length > 1 ? { impersonate_log_candidates: JSON.stringify(candidates) } : {}),
    };
    this.transition(sessionId, ['attempted'], 'audit.sessionNotPending', () => changes, { at, type: 'server-session' });
  }

  async recordStart(sessionId: number, record: StartRecord): Promise<void> {
    assertIdentifier(record.sessionIdentifier);
    const changes = {
      outcome: 'open' as LocalOutcome,
      started_at_client: record.startedAtClient.toISOString(),
      started_at_server: record.startedAtServer,
      session_identifier: record.sessionIdentifier,
      client_ip: capOrNull(record.clientIp, MAX_NAME_LENGTH),
      server_ip: capOrNull(record.serverIp, MAX_NAME_LENGTH),
      server_log_id: record.serverLogId,
      ...(record.changesMode ? { changes_mode: record.changesMode } : {}),
    };
    this.transition(sessionId, ['attempted'], 'audit.sessionNotPending', () => changes, {
      at: record.startedAtClient,
      type: 'start',
    });
  }

  async recordChangesAllowed(sessionId: number, record: ChangesAllowedRecord): Promise<void> {
    appendSessionEvents(this.database, sessionId, [changesAllowedEvent({ ...record, reason: cap(record.reason, REASON_MAX) })]);
  }

  async recordTimeline(sessionId: number, entries: readonly TimelineEntry[], bound: TimelineBound | null): Promise<void> {
    appendSessionEvents(this.database, sessionId, timelineEvents(entries, bound));
  }

  async recordTimelineSummary(sessionId: number, at: Date, summary: TimelineSummary): Promise<void> {
    appendSessionEvents(this.database, sessionId, [summaryEvent(at, summary)]);
  }

  async recordFailure(sessionId: number, at: Date, reason: string): Promise<void> {
    const changes = { outcome: 'failed' as LocalOutcome, failure: cap(reason, MAX_DETAIL_LENGTH), ended_at_client: at.toISOString() };
    this.transition(sessionId, ['attempted'], 'audit.sessionNotPending', () => changes, { at, type: 'failure' });
  }

  async recordRefusal(sessionId: number, at: Date, refusal: string): Promise<void> {
    const changes = { outcome: 'refused' as LocalOutcome, refusal: cap(refusal, MAX_NAME_LENGTH), ended_at_client: at.toISOString() };
    this.transition(sessionId, ['attempted'], 'audit.sessionNotPending', () => changes, { at, type: 'refusal' });
  }

  async recordEnd(sessionId: number, record: EndRecord): Promise<void> {
    const current = this.session(sessionId);
    // The end told which candidate log row was this session's: kept once, never replaced.
    const logRow = (session: SessionRow) =>
      session.impersonate_log_id === null && record.impersonateLogId != null ? { impersonate_log_id: record.impersonateLogId } : {};
    if (current.outcome === 'ended' && current.server_end_pending === 1) {
      // FT-3: the server-side end finally went through; the first end stays as recorded.
      const changes = (session: SessionRow) => ({
        server_end_pending: record.serverEndPending ? 1 : 0,
        ended_at_server: record.endedAtServer,
        ...logRow(session),
      });
      this.transition(sessionId, ['ended'], 'audit.sessionNotOpen', changes, { at: record.endedAtClient, type: 'end-confirmed' });
      return;
    }
    this.transition(
      sessionId,
      ['attempted', 'open'],
      'audit.sessionNotOpen',
      (session) => ({
        outcome: 'ended' as LocalOutcome,
        ended_at_client: record.endedAtClient.toISOString(),
        ended_at_server: record.endedAtServer,
        end_cause: record.cause,
        server_end_pending: record.serverEndPending ? 1 : 0,
        end_detail: capOrNull(record.detail, MAX_DETAIL_LENGTH),
        duration_seconds: durationSeconds(session.started_at_client, record.endedAtClient),
        ...logRow(session),
      }),
      { at: record.endedAtClient, type: 'end' },
    );
  }

  async recordConnectRefusal(record: ConnectRefusalRecord): Promise<void> {
    const payload = {
      connection_key: storedConnectionKey(record.connectionKey),
      login: cap(record.login, MAX_NAME_LENGTH),
      action: record.action,
      causes: record.causes.map((cause) => cap(cause, MAX_NAME_LENGTH)).slice(0, 10),
      app_version: cap(record.appVersion, MAX_NAME_LENGTH),
      client_host: cap(record.clientHost, MAX_NAME_LENGTH),
    };
    this.#appendConsoleEvent(record.at, 'connect-refused', payload);
  }

  /** A safety setting of a connection changed (issue 17.2: changes allowed from the start), chained before it applies. */
  async recordSettingChange(change: { at: Date; connectionKey: string; setting: string; value: boolean; clientHost: string }): Promise<void> {
    const payload = {
      connection_key: storedConnectionKey(change.connectionKey),
      setting: cap(change.setting, MAX_NAME_LENGTH),
      value: change.value,
      client_host: cap(change.clientHost, MAX_NAME_LENGTH),
    };
    this.#appendConsoleEvent(change.at, 'setting-changed', payload);
  }

  /** The one change the console makes to the server's settings (the base-URL freeze), on the admin's word. */
  async recordServerSetting(record: ServerSettingRecord): Promise<void> {
    const payload = {
      connection_key: storedConnectionKey(record.connectionKey),
      login: cap(record.login, MAX_NAME_LENGTH),
      setting: record.setting,
      value: cap(record.value, MAX_DETAIL_LENGTH),
      previous: capOrNull(record.previous, MAX_DETAIL_LENGTH),
      app_version: cap(record.appVersion, MAX_NAME_LENGTH),
      client_host: cap(record.clientHost, MAX_NAME_LENGTH),
    };
    this.#appendConsoleEvent(record.at, 'server-setting', payload);
  }

  /** A chained event of the console itself, belonging to no session (a refused connect, a setting). */
  #appendConsoleEvent(at: Date, type: 'connect-refused' | 'setting-changed' | 'server-setting', payload: Record<string, unknown>): void {
    const { sql, events, health } = this.database;
    health.write(() => sql.transaction(() => events.append({ at, type, sessionId: null, payload })));
  }

  async openSessions(): Promise<OpenSession[]> {
    const { db, sql } = this.database;
    const rows = sql.all(db.selectFrom('sessions').selectAll().where('outcome', 'in', ['attempted', 'open']).orderBy('id'));
    return rows.map((row) => ({
      sessionId: row.id,
      connectionKey: row.connection_key,
      sessionIdentifier: row.session_identifier,
      adminUid: row.admin_uid,
      adminLogin: row.admin_login,
      adminName: row.admin_name,
      targetId: row.target_id,
      targetLogin: row.target_login,
      targetName: row.target_name,
      reason: row.reason,
      startedAtClient: row.started_at_client === null ? null : new Date(row.started_at_client),
      startedAtServer: row.started_at_server,
      clientIp: row.client_ip,
      serverIp: row.server_ip,
      clientHost: row.client_host,
      appVersion: row.app_version,
      impersonateLogIds: unclaimedLogRows(this.database, row),
    }));
  }

  async attemptTimes(key: string, sinceMs: number): Promise<number[]> {
    const { db, sql } = this.database;
    // Served by the (limiter_key, attempt_at_ms) index: a handful of rows, whatever the table size.
    const rows = sql.all(
      db
        .selectFrom('sessions')
        .select('attempt_at_ms')
        .where('limiter_key', '=', key)
        .where('attempt_at_ms', '>=', sinceMs)
        .orderBy('attempt_at_ms'),
    );
    return rows.map((row) => row.attempt_at_ms);
  }

  async recordWarmSession(connectionKey: string, sessionIdentifier: string, at: Date): Promise<number> {
    assertIdentifier(sessionIdentifier);
    const { raw, health } = this.database;
    return health.write(() =>
      Number(
        raw
          .prepare('INSERT INTO warm_sessions (connection_key, session_identifier, created_at) VALUES (?, ?, ?)')
          .run(storedConnectionKey(connectionKey), sessionIdentifier, at.toISOString()).lastInsertRowid,
      ),
    );
  }

  async recordWarmSessionEnd(id: number, at: Date, end: WarmEnd): Promise<void> {
    const { raw, health } = this.database;
    health.write(() => raw.prepare('UPDATE warm_sessions SET ended_at = ?, end_cause = ? WHERE id = ? AND ended_at IS NULL').run(at.toISOString(), end, id));
  }

  async openWarmSessions(): Promise<OpenWarmSession[]> {
    const rows = this.database.raw
      .prepare('SELECT id, connection_key, session_identifier, created_at FROM warm_sessions WHERE ended_at IS NULL ORDER BY id')
      .all() as Array<{ id: number; connection_key: string; session_identifier: string; created_at: string }>;
    return rows.map((row) => ({ id: row.id, connectionKey: row.connection_key, sessionIdentifier: row.session_identifier, createdAt: row.created_at }));
  }

  private session(sessionId: number): SessionRow {
    const { db, sql } = this.database;
    const row = sql.first(db.selectFrom('sessions').selectAll().where('id', '=', sessionId));
    if (!row) throw new ConsoleError('not-found', 'audit.sessionNotFound', { id: String(sessionId) });
    return row;
  }

  /** Checks the session's state and applies the change plus its event in one transaction. */
  private transition(
    sessionId: number,
    from: LocalOutcome[],
    conflictKey: string,
    changes: (session: SessionRow) => Partial<SessionRow>,
    event: { at: Date; type: 'server-session' | 'start' | 'failure' | 'refusal' | 'end' | 'end-confirmed' },
  ): void {
    const { db, sql, events, health, guard } = this.database;
    health.write(() =>
      sql.transaction(() => {
        const session = this.session(sessionId);
        if (!from.includes(session.outcome)) {
          throw new ConsoleError('audit-conflict', conflictKey, { id: String(sessionId), outcome: session.outcome });
        }
        const update = changes(session);
        // The payload is exactly the change: replaying a session's events gives its row (session-replay.ts).
        guard.allow('session-update', () => sql.run(db.updateTable('sessions').set(update).where('id', '=', sessionId)));
        events.append({ at: event.at, type: event.type, sessionId, payload: update });
      }),
    );
  }
}

function durationSeconds(startedAtClient: string | null, endedAt: Date): number | null {
  if (startedAtClient === null) return null;
  return Math.max(0, Math.round((endedAt.getTime() - Date.parse(startedAtClient)) / 1000));
}

/** Refused before it reaches the disk: a longer value would be the full session id (SS-10). */
function assertIdentifier(sessionIdentifier: string): void {
  if (sessionIdentifier.length > SESSION_IDENTIFIER_LENGTH) {
    throw new ConsoleError('audit-invalid', 'audit.sessionIdentifierTooLong', { max: SESSION_IDENTIFIER_LENGTH });
  }
}
