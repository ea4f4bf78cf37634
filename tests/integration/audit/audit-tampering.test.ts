// Issue 12.3: what the Logs show is what the chain protects. Each tampering of the
// review, done on the file with plain SQL from another connection, is refused by the
// guards; done anyway by someone who drops a guard and puts it back, it is found by
// verify (reported as a broken event is) and the Logs show the chain's values.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditRow } from '../../../src-preload/contract';
import { exportAudit } from '../../../src-main/audit/audit-export';
import { AuditQueries } from '../../../src-main/audit/audit-queries';
import { AuditStore } from '../../../src-main/audit/audit-store';
import { pruneAudit } from '../../../src-main/audit/retention';
import { attempt, end, start, tempAudit, type TempAudit } from '../../support/audit/fixtures';

const REASON = 'Customer cannot see the invoice menu, ticket 4711';

/** Three sessions: ended, refused, ended. Ids 1..3; events 1..7. */
async function seed(temp: TempAudit): Promise<void> {
  const database = temp.open();
  const store = new AuditStore(database);
  for (const [i, allowed] of [true, false, true].entries()) {
    const id = await store.recordAttempt(attempt({ reason: `${REASON} (${i + 1})`, allowed, refusal: allowed ? null : 'rate-limited' }));
    if (!allowed) continue;
    await store.recordStart(id, start({ sessionIdentifier: String(i).repeat(42) }));
    await store.recordEnd(id, end());
  }
  database.close();
}

/** Someone with the file and the sqlite3 shell: no audit_guard function on their connection. */
function plainSql(file: string, statements: string): void {
  const raw = new Database(file);
  try {
    raw.exec(statements);
  } finally {
    raw.close();
  }
}

/** The same, determined: the guard trigger dropped for the statement, then put back exactly as it was. */
function pastTheGuard(file: string, trigger: string, statements: string): void {
  const raw = new Database(file);
  try {
    const sql = raw.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?").pluck().get(trigger) as string;
    raw.exec(`DROP TRIGGER ${trigger}; ${statements}; ${sql};`);
  } finally {
    raw.close();
  }
}

describe('what the Logs show is what the chain protects (AU-6)', () => {
  let temp: TempAudit;
  beforeEach(async () => {
    temp = tempAudit();
    await seed(temp);
  });
  afterEach(() => temp.cleanup());

  const queries = () => new AuditQueries(temp.open());

  it('verifies the untouched store: every event and every session record', () => {
    expect(queries().verify()).toEqual({ ok: true, checked: 7, records: 3, firstBroken: null });
  });

  it('refuses to edit a reason in sessions with plain SQL, and finds the edit made past the guard', () => {
    expect(() => plainSql(temp.file, `UPDATE sessions SET reason = 'Routine check' WHERE id = 1`)).toThrow(/audit_guard/);
    pastTheGuard(temp.file, 'sessions_guard_update', `UPDATE sessions SET reason = 'Routine check' WHERE id = 1`);
    const database = temp.open();
    const logs = new AuditQueries(database);
    // Reported as a broken event is: not ok, naming the session's last event (its end, event 3) and the record.
    expect(logs.verify()).toEqual({ ok: false, checked: 7, records: 0, firstBroken: { id: 3, reason: 'session-altered', record: 1 } });
    // The Logs, the details and the exports show what the chain recorded, marked as changed outside the console.
    const row = logs.list({ page: 0, pageSize: 10, filters: { source: 'local' }, sort: { field: 'startedAt', dir: 'asc' } }).rows.find((r) => r.id === 'local:1');
    expect(row).toMatchObject({ id: 'local:1', reason: `${REASON} (1)`, integrity: 'altered' });
    expect(logs.session('local:1')).toMatchObject({ reason: `${REASON} (1)`, integrity: 'altered' });
    expect(logs.session('local:1').fields).toContainEqual({ name: 'reason', value: `${REASON} (1)` });
    const exported = JSON.parse(exportAudit(database, { format: 'json', filters: { source: 'all' } }, new Date()).content) as { rows: AuditRow[] };
    expect(exported.rows.find((r) => r.id === 'local:1')).toMatchObject({ reason: `${REASON} (1)`, integrity: 'altered' });
    expect(JSON.stringify(exported)).not.toContain('Routine check');
  });

  it('refuses to delete session rows with plain SQL, and finds the rows deleted past the guard', () => {
    expect(() => plainSql(temp.file, 'DELETE FROM sessions WHERE id IN (2, 3)')).toThrow(/audit_guard/);
    pastTheGuard(temp.file, 'sessions_guard_delete', 'DELETE FROM sessions WHERE id IN (2, 3)');
    // The first deleted session's first event (its attempt, event 4) and the record.
    expect(queries().verify()).toMatchObject({ ok: false, firstBroken: { id: 4, reason: 'session-deleted', record: 2 } });
  });

  it('finds a session row the console never wrote', () => {
    pastTheGuard(
      temp.file,
      'sessions_guard_update',
      `INSERT INTO sessions (connection_key, limiter_key, admin_uid, admin_login, admin_name, target_id, reason, allowed, outcome,
         attempt_at_ms, attempt_at, app_version, client_host)
       VALUES ('https://odoo.example.com|prod', 'x', 2, 'admin', 'Ada Admin', 7, 'An alibi', 1, 'ended', 0, '2025-03-01T09:00:00.000Z', '0.1.0', 'h')`,
    );
    const logs = queries();
    expect(logs.verify()).toMatchObject({ ok: false, firstBroken: { reason: 'session-unrecorded', record: 4 } });
    expect(logs.session('local:4')).toMatchObject({ reason: 'An alibi', integrity: 'unrecorded' });
  });

  it('refuses a fake anchor, from another program and from the console itself outside retention', () => {
    const head = () => new Database(temp.file).prepare('SELECT last_id, hash FROM audit_chain_head').get() as { last_id: number; hash: string };
    const { last_id: lastId, hash } = head();
    const insert = `INSERT INTO audit_chain_anchor (up_to_id, hash, pruned, at) VALUES (${lastId}, '${hash}', ${lastId}, '2025-03-02T00:00:00.000Z')`;
    expect(() => plainSql(temp.file, insert)).toThrow(/audit_guard/);
    const database = temp.open();
    expect(() => database.raw.exec(insert)).toThrow(/written only by retention/);
    // Then the delete trigger still protects every event.
    expect(() => database.raw.exec('DELETE FROM audit_events')).toThrow(/append-only/);
  });

  it('finds a fake anchor inserted past the guard, with the events under it deleted', () => {
    const raw = new Database(temp.file);
    const { last_id: lastId, hash } = raw.prepare('SELECT last_id, hash FROM audit_chain_head').get() as { last_id: number; hash: string };
    raw.close();
    pastTheGuard(
      temp.file,
      'audit_chain_anchor_guard',
      `INSERT INTO audit_chain_anchor (up_to_id, hash, pruned, at) VALUES (${lastId}, '${hash}', ${lastId}, '2025-03-02T00:00:00.000Z');
       DELETE FROM audit_events`,
    );
    // Before: "ok with 0 events checked". Now the chain does not confirm the anchor.
    expect(queries().verify()).toEqual({ ok: false, checked: 0, records: 0, firstBroken: { id: lastId, reason: 'anchor-unconfirmed', record: null } });
  });

  it('finds a guard dropped, or replaced by one that lets everything through', () => {
    plainSql(temp.file, 'DROP TRIGGER sessions_guard_delete');
    expect(queries().verify()).toMatchObject({ ok: false, firstBroken: { id: 0, reason: 'guard-removed' } });
    plainSql(temp.file, 'CREATE TRIGGER sessions_guard_delete BEFORE DELETE ON sessions WHEN 0 BEGIN SELECT 1; END');
    expect(queries().verify()).toMatchObject({ ok: false, firstBroken: { reason: 'guard-removed' } });
  });

  it('accepts what retention removes, and the anchor it writes', () => {
    const database = temp.open();
    const result = pruneAudit(database, 1, new Date('2025-06-01T00:00:00.000Z'));
    // The refused attempt goes (the ended ones wait for their server copy); its events are pruned with the prefix.
    expect(result).toMatchObject({ sessions: 1 });
    expect(new AuditQueries(database).verify()).toMatchObject({ ok: true, records: 2, firstBroken: null });
  });
});
