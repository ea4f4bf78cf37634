import Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { durabilitySettings, type AuditDatabase } from '../../../src-main/audit/audit-database';
import { AuditStore } from '../../../src-main/audit/audit-store';
import { verifyAudit } from '../../../src-main/audit/audit-verifier';
import { rateLimitKey } from '../../../src-main/core/rate-limiter';
import { ConsoleError } from '../../../src-main/core/console-error';
import { MirrorSync } from '../../../src-main/audit/mirror-sync';
import { SERVER_KEY, attempt, consoleRow, end, start, tempAudit, type TempAudit } from '../../support/audit/fixtures';
import { MemoryLogSource } from '../../support/audit/memory-log-source';

describe('AuditStore (AuditLedger on a real SQLite file)', () => {
  let temp: TempAudit;
  let database: AuditDatabase;
  let store: AuditStore;

  beforeEach(() => {
    temp = tempAudit();
    database = temp.open();
    store = new AuditStore(database);
  });
  afterEach(() => temp.cleanup());

  it('runs in WAL mode with synchronous=FULL and keeps a -wal file next to the database (AU-3)', async () => {
    await store.recordAttempt(attempt());
    expect(durabilitySettings(database.raw)).toEqual({ journalMode: 'wal', synchronous: 2 });
    expect(existsSync(`${temp.file}-wal`)).toBe(true);
  });

  it('records an allowed attempt, its start and its end with every AU-1 field', async () => {
    const id = await store.recordAttempt(attempt());
    await store.recordStart(id, start());
    await store.recordEnd(id, end({ cause: 'tray' }));
    const row = database.raw.prepare('SELECT * FROM sessions WHERE id = ?').get(id) as Record<string, unknown>;
    expect(row).toMatchObject({
      admin_login: 'admin@example.com',
      admin_name: 'Ada Admin',
      target_login: 'marc@example.com',
      reason: 'Customer cannot see the invoice menu, ticket 4711',
      outcome: 'ended',
      attempt_at: '2025-03-01T10:00:00.000Z',
      started_at_client: '2025-03-01T10:00:02.000Z',
      started_at_server: '2025-03-01 10:00:02',
      ended_at_client: '2025-03-01T10:20:02.000Z',
      ended_at_server: '2025-03-01 10:20:02',
      duration_seconds: 1200,
      client_ip: '10.0.0.5',
      server_ip: '203.0.113.9',
      session_identifier: 'a'.repeat(42),
      server_log_id: 501,
      app_version: '0.1.0',
      client_host: 'helpdesk-laptop',
      end_cause: 'tray',
    });
    const types = database.raw.prepare('SELECT type FROM audit_events WHERE session_id = ? ORDER BY id').pluck().all(id);
    expect(types).toEqual(['attempt', 'start', 'end']);
    expect(verifyAudit(database)).toEqual({ ok: true, checked: 3, records: 1, firstBroken: null });
  });

  it('records a refused attempt with why, and never lets it start', async () => {
    const id = await store.recordAttempt(attempt({ allowed: false, refusal: 'administrator' }));
    const row = database.raw.prepare('SELECT outcome, refusal FROM sessions WHERE id = ?').get(id);
    expect(row).toEqual({ outcome: 'refused', refusal: 'administrator' });
    await expect(store.recordStart(id, start())).rejects.toMatchObject({ kind: 'audit-conflict', key: 'audit.sessionNotPending' });
  });

  it('records an allowed attempt that failed before starting', async () => {
    const id = await store.recordAttempt(attempt());
    await store.recordFailure(id, new Date('2025-03-01T10:00:03Z'), 'ir.logging write refused');
    const row = database.raw.prepare('SELECT outcome, failure FROM sessions WHERE id = ?').get(id);
    expect(row).toEqual({ outcome: 'failed', failure: 'ir.logging write refused' });
    expect(await store.openSessions()).toEqual([]);
  });

  it('lists started-and-never-ended sessions, and allowed attempts that never started, for crash recovery', async () => {
    const pending = await store.recordAttempt(attempt());
    const open = await store.recordAttempt(attempt());
    await store.recordStart(open, start());
    const closed = await store.recordAttempt(attempt());
    await store.recordStart(closed, start());
    await store.recordEnd(closed, end());
    const sessions = await store.openSessions();
    expect(sessions.map((s) => s.sessionId)).toEqual([pending, open]);
    expect(sessions[1]).toMatchObject({ sessionIdentifier: 'a'.repeat(42), adminLogin: 'admin@example.com' });
    expect(sessions[0]).toMatchObject({ sessionIdentifier: null, startedAtClient: null });
    await store.recordEnd(open, end({ cause: 'recovered' }));
    expect((await store.openSessions()).map((s) => s.sessionId)).toEqual([pending]);
  });

  it('puts the fresh server session’s identifier on the record before the start, for recovery after a crash mid-start', async () => {
    const id = await store.recordAttempt(attempt());
    await store.recordServerSession(id, 'i'.repeat(42), new Date('2025-03-01T10:00:01Z'));
    expect((await store.openSessions()).find((open) => open.sessionId === id)).toMatchObject({ sessionIdentifier: 'i'.repeat(42), startedAtClient: null });
    await expect(store.recordServerSession(id, 'j'.repeat(84), new Date())).rejects.toBeInstanceOf(ConsoleError);
    await store.recordStart(id, start());
    const events = database.raw.prepare('SELECT type FROM audit_events WHERE session_id = ? ORDER BY id').all(id) as { type: string }[];
    expect(events.map((event) => event.type)).toEqual(['attempt', 'server-session', 'start']);
  });

  it("keeps the session's impersonate.log row with it: the only candidate at once, several until the end tells which", async () => {
    const single = await store.recordAttempt(attempt());
    await store.recordServerSession(single, 'i'.repeat(42), new Date('2025-03-01T10:00:01Z'), [17]);
    const twin = await store.recordAttempt(attempt());
    await store.recordServerSession(twin, 'j'.repeat(42), new Date('2025-03-01T10:00:01Z'), [19, 18]);
    const column = (id: number) => database.raw.prepare('SELECT impersonate_log_id, impersonate_log_candidates FROM sessions WHERE id = ?').get(id);
    expect(column(single)).toEqual({ impersonate_log_id: 17, impersonate_log_candidates: null });
    expect(column(twin)).toEqual({ impersonate_log_id: null, impersonate_log_candidates: '[18,19]' });
    expect((await store.openSessions()).map((open) => [open.sessionId, open.impersonateLogIds])).toEqual([
      [single, [17]],
      [twin, [18, 19]],
    ]);
    await store.recordStart(twin, start({ sessionIdentifier: 'j'.repeat(42) }));
    await store.recordEnd(twin, end({ impersonateLogId: 19 }));
    expect(column(twin)).toEqual({ impersonate_log_id: 19, impersonate_log_candidates: '[18,19]' });
    // What it set is on the chain: the row is still what its events say.
    expect(verifyAudit(database)).toMatchObject({ ok: true, records: 2 });
  });

  it('leaves crash recovery only the candidates no other session is known to have', async () => {
    const crashed = await store.recordAttempt(attempt());
    await store.recordServerSession(crashed, 'k'.repeat(42), new Date('2025-03-01T10:00:01Z'), [30, 31, 32]);
    // Row 30 is this console's other session; 31 is named by another console's entry on the same server.
    const other = await store.recordAttempt(attempt());
    await store.recordServerSession(other, 'l'.repeat(42), new Date('2025-03-01T10:00:01Z'), [30]);
    const entry = consoleRow(77, '2025-03-01 10:00:02', 'elsewhere');
    await new MirrorSync(database, new MemoryLogSource([{ ...entry, message: { ...entry.message!, sessionIdentifier: 'm'.repeat(42), impersonateLogId: 31 } }]), {
      serverKey: SERVER_KEY,
    }).syncOnce();
    expect((await store.openSessions()).find((open) => open.sessionId === crashed)?.impersonateLogIds).toEqual([32]);
  });

  it('refuses to end a session twice, but records the late server-side end of a pending stop (FT-3)', async () => {
    const id = await store.recordAttempt(attempt());
    await store.recordStart(id, start());
    await store.recordEnd(id, end({ serverEndPending: true, endedAtServer: null }));
    await store.recordEnd(id, end({ serverEndPending: false, endedAtServer: '2025-03-01 10:25:00' }));
    const row = database.raw.prepare('SELECT end_cause, server_end_pending, ended_at_server FROM sessions WHERE id = ?').get(id);
    expect(row).toEqual({ end_cause: 'banner', server_end_pending: 0, ended_at_server: '2025-03-01 10:25:00' });
    await expect(store.recordEnd(id, end())).rejects.toMatchObject({ key: 'audit.sessionNotOpen' });
  });

  it('refuses a session identifier longer than 42 characters: that would be the full session id (SS-10)', async () => {
    const id = await store.recordAttempt(attempt());
    await expect(store.recordStart(id, start({ sessionIdentifier: 'x'.repeat(64) }))).rejects.toMatchObject({
      key: 'audit.sessionIdentifierTooLong',
    });
    expect(database.raw.prepare("SELECT count(*) FROM sessions WHERE session_identifier IS NOT NULL").pluck().get()).toBe(0);
  });

  it('answers attempt times per server and admin, refused ones included, for the rate limiter', async () => {
    const key = attempt().serverKey;
    for (const [seconds, allowed] of [[0, true], [10, false], [20, true]] as const) {
      await store.recordAttempt(attempt({ at: new Date(Date.UTC(2025, 2, 1, 10, 0, seconds)), allowed, refusal: allowed ? null : 'rate-limited' }));
    }
    await store.recordAttempt(attempt({ admin: { uid: 3, login: 'other', name: 'Other' } }));
    const since = Date.UTC(2025, 2, 1, 10, 0, 5);
    expect(await store.attemptTimes(rateLimitKey(key, { uid: 2 }), since)).toEqual([
      Date.UTC(2025, 2, 1, 10, 0, 10),
      Date.UTC(2025, 2, 1, 10, 0, 20),
    ]);
    const plan = database.raw
      .prepare('EXPLAIN QUERY PLAN SELECT attempt_at_ms FROM sessions WHERE limiter_key = ? AND attempt_at_ms >= ? ORDER BY attempt_at_ms')
      .all('k', 0) as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join(' ')).toContain('sessions_limiter');
  });

  it('keeps the attempt history across a restart', async () => {
    await store.recordAttempt(attempt());
    database.close();
    const reopened = new AuditStore(temp.open());
    expect(await reopened.attemptTimes(rateLimitKey(attempt().serverKey, { uid: 2 }), 0)).toHaveLength(1);
  });

  it('keys attempts on the server, and leaves rows keyed the old way untouched (no migration: the window is 60 s)', async () => {
    database.raw
      .prepare(
        `INSERT INTO sessions (connection_key, limiter_key, admin_uid, admin_login, admin_name, target_id, reason, allowed, outcome, attempt_at_ms, attempt_at, app_version, client_host)
         VALUES ('https://odoo.example.com|prod', '2@https://odoo.example.com|prod', 2, 'admin', 'Admin', 7, 'an attempt of an older version', 1, 'refused', 1, '1970-01-01T00:00:00.001Z', '0.0.9', 'h')`,
      )
      .run();
    const uuidKey = 'uuid:8c8fbd3e-ec03-11f1-9cfc-02fc00000001';
    await store.recordAttempt(attempt({ serverKey: uuidKey }));
    database.close();
    const reopened = temp.open();
    const keys = reopened.raw.prepare('SELECT limiter_key FROM sessions ORDER BY id').pluck().all();
    expect(keys).toEqual(['2@https://odoo.example.com|prod', `2@${uuidKey}`]);
  });

  it('refuses UPDATE and DELETE on audit events, even through a raw connection (AU-5)', async () => {
    await store.recordAttempt(attempt());
    const other = new Database(temp.file);
    try {
      expect(() => other.prepare("UPDATE audit_events SET type = 'x'").run()).toThrow(/append-only/);
      expect(() => other.prepare('DELETE FROM audit_events').run()).toThrow(/append-only/);
    } finally {
      other.close();
    }
  });

  it('bounds the storage of 10 000 refused junk attempts (LD-4)', async () => {
    const junk = 'é'.repeat(5000);
    for (let i = 0; i < 10_000; i += 1) {
      await store.recordAttempt(
        attempt({
          allowed: false,
          refusal: 'reason-too-long'.repeat(100),
          reason: junk,
          admin: { uid: 2, login: 'admin@example.com', name: 'n'.repeat(5000) },
          target: { id: 7, login: 'l'.repeat(5000), name: 't'.repeat(5000) },
          at: new Date(Date.UTC(2025, 2, 1) + i * 1000),
        }),
      );
    }
    const reason = database.raw.prepare('SELECT reason FROM sessions ORDER BY id DESC LIMIT 1').pluck().get() as string;
    expect(reason).toHaveLength(500);
    database.raw.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = statSync(temp.file).size;
    // Each attempt is capped (reason 500 characters, names 200), stored in its row, in its
    // chained event and in the full-text index: worst case (2-byte characters) about 6.5 KB.
    expect(bytes / 10_000).toBeLessThan(8 * 1024);
    expect(statSync(`${temp.file}-wal`).size).toBeLessThanOrEqual(8 * 1024 * 1024);
  }, 120_000);

  it('rolls back cleanly on a full disk and then refuses every write with a clear error (FT-6)', async () => {
    await store.recordAttempt(attempt());
    const pages = database.raw.pragma('page_count', { simple: true }) as number;
    database.raw.pragma(`max_page_count = ${pages + 2}`);
    let failure: unknown = null;
    let written = 1;
    for (let i = 0; i < 200 && failure === null; i += 1) {
      try {
        await store.recordAttempt(attempt({ reason: `${i} `.padEnd(500, 'x') }));
        written += 1;
      } catch (error) {
        failure = error;
      }
    }
    expect(failure).toBeInstanceOf(ConsoleError);
    expect(failure).toMatchObject({ kind: 'audit-unavailable', key: 'audit.diskFull' });
    // Even with room again, the store keeps refusing: the flow must not start what it cannot record.
    database.raw.pragma('max_page_count = 1073741823');
    await expect(store.recordAttempt(attempt())).rejects.toMatchObject({ key: 'audit.diskFull' });
    expect(database.health.unavailable?.key).toBe('audit.diskFull');
    // Nothing half-written: as many sessions as acknowledged, each with its event, chain intact.
    expect(database.raw.prepare('SELECT count(*) FROM sessions').pluck().get()).toBe(written);
    expect(database.raw.prepare("SELECT count(*) FROM audit_events WHERE type = 'attempt'").pluck().get()).toBe(written);
    expect(database.events.verify().ok).toBe(true);
    expect(database.raw.pragma('integrity_check', { simple: true })).toBe('ok');
    // Reads keep working for the Logs screen.
    expect(await store.openSessions()).toHaveLength(written);
  });
});
