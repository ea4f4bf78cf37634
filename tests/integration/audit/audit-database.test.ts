import Database from 'better-sqlite3';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAuditDatabase } from '../../../src-main/audit/audit-database';
import { AuditStore } from '../../../src-main/audit/audit-store';
import { LATEST_VERSION, migrate, migrations } from '../../../src-main/audit/migrations';
import { attempt, end, start, tempAudit, type TempAudit } from '../../support/audit/fixtures';

async function seed(temp: TempAudit, count: number): Promise<void> {
  const database = temp.open();
  const store = new AuditStore(database);
  for (let i = 0; i < count; i += 1) {
    const id = await store.recordAttempt(attempt({ reason: `Ticket ${i}: customer cannot open the sales menu` }));
    await store.recordStart(id, start());
    await store.recordEnd(id, end());
  }
  database.raw.pragma('wal_checkpoint(TRUNCATE)');
  database.close();
}

/** A second, raw connection: the way someone with the file would tamper with it. */
function tamper(file: string, statements: string): void {
  const raw = new Database(file);
  try {
    raw.exec(`DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete; ${statements}`);
  } finally {
    raw.close();
  }
}

describe('opening the audit database', () => {
  let temp: TempAudit;
  beforeEach(() => {
    temp = tempAudit();
  });
  afterEach(() => temp.cleanup());

  it('creates the schema on a new file and reports no rebuild', () => {
    const database = temp.open();
    expect(database.rebuilt).toBe(false);
    expect(database.movedTo).toBeNull();
    expect(database.raw.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
  });

  it("carries a version-3 mirror cursor over as the newest write_date mirrored (migration 4, SY-1)", () => {
    const raw = new Database(temp.file);
    migrate(raw, migrations.slice(0, 3));
    raw.prepare("INSERT INTO sync_cursors (server, kind, write_date, server_id) VALUES ('https://odoo.example.com|prod', 'console', '2025-03-01 10:00:00', 912)").run();
    migrate(raw, migrations.slice(0, 4));
    expect(raw.prepare('SELECT * FROM sync_positions').all()).toEqual([
      { server: 'https://odoo.example.com|prod', kind: 'console', newest_write_date: '2025-03-01 10:00:00', pass_after_id: 0, pass_newest_write_date: null },
    ]);
    raw.close();
  });

  it('merges by keys from migration 5 on: the mirror keeps each entry\'s event, log row and logins, and reads everything again once', async () => {
    const raw = new Database(temp.file);
    migrate(raw, migrations.slice(0, 4));
    const message = { event: 'start', admin: { uid: 2, login: 'ada', name: 'Ada Admin' }, target: { id: 7, login: 'marc', name: 'Marc Demo' }, impersonateLogId: 31 };
    const insert = raw.prepare(`INSERT INTO server_logs (server, kind, server_id, write_date, create_date, admin, target, outcome, raw, session_identifier)
      VALUES ('s', ?, ?, '2025-03-01 10:00:00', '2025-03-01 10:00:00', ?, ?, ?, ?, ?)`);
    insert.run('console', 5, 'ada', 'Marc Demo', 'started', JSON.stringify({ kind: 'console', message }), 'x'.repeat(42));
    insert.run('impersonate', 31, 'Ada Admin', 'Marc Demo', 'open', JSON.stringify({ kind: 'impersonate' }), null);
    raw.prepare("INSERT INTO sync_positions (server, kind, newest_write_date) VALUES ('s', 'console', '2025-03-01 10:00:00')").run();
    raw.close();
    const database = temp.open();
    expect(database.raw.prepare('SELECT kind, event, impersonate_log_id, admin, admin_login, target_login FROM server_logs ORDER BY id').all()).toEqual([
      { kind: 'console', event: 'start', impersonate_log_id: 31, admin: 'Ada Admin', admin_login: 'ada', target_login: 'marc' },
      { kind: 'impersonate', event: null, impersonate_log_id: 31, admin: 'Ada Admin', admin_login: null, target_login: null },
    ]);
    expect(database.raw.prepare('SELECT newest_write_date, pass_after_id FROM sync_positions').all()).toEqual([{ newest_write_date: null, pass_after_id: 0 }]);
    // The two records are one impersonation now: the entry is the row, the log row merges into it.
    expect(database.raw.prepare('SELECT id, origin, impersonate_log_id FROM audit_rows').all()).toEqual([
      { id: 'server:console:1', origin: 'console', impersonate_log_id: 31 },
    ]);
  });

  it('passes the native binding path on to better-sqlite3', () => {
    expect(() => openAuditDatabase({ file: temp.file, nativeBinding: `${temp.dir}/missing/better_sqlite3.node` })).toThrow();
  });

  it('moves a file with a broken header aside with its -wal and -shm, starts a new one and says so (FT-5)', async () => {
    await seed(temp, 3);
    const bytes = readFileSync(temp.file);
    bytes.write('garbage garbage!', 0); // the 16-byte "SQLite format 3" magic
    writeFileSync(temp.file, bytes);
    writeFileSync(`${temp.file}-wal`, Buffer.alloc(0));
    writeFileSync(`${temp.file}-shm`, Buffer.alloc(0));
    const database = openAuditDatabase({ file: temp.file, now: () => Date.UTC(2025, 2, 1, 12) });
    try {
      expect(database.rebuilt).toBe(true);
      expect(database.movedTo).toBe(`${temp.file}.corrupt-2025-03-01T12-00-00-000Z`);
      for (const suffix of ['', '-wal', '-shm']) expect(existsSync(`${database.movedTo}${suffix}`)).toBe(true);
      expect(database.raw.prepare('SELECT count(*) FROM sessions').pluck().get()).toBe(0);
      const rebuiltEvent = database.raw.prepare('SELECT type, payload FROM audit_events').get();
      expect(rebuiltEvent).toEqual({ type: 'store-rebuilt', payload: JSON.stringify({ movedTo: database.movedTo }) });
      expect(database.events.verify().ok).toBe(true);
    } finally {
      database.close();
    }
  });

  it('detects flipped bytes inside the b-tree pages with integrity_check and rebuilds (FT-5)', async () => {
    await seed(temp, 40);
    const bytes = readFileSync(temp.file);
    const pageSize = bytes.readUInt16BE(16);
    // Flip the headers of every page after the schema page: cell counts and pointers become nonsense.
    for (let page = 1; page * pageSize < bytes.length; page += 1) {
      for (let offset = 0; offset < 12; offset += 1) bytes[page * pageSize + offset]! ^= 0x5a;
    }
    writeFileSync(temp.file, bytes);
    const database = temp.open();
    expect(database.rebuilt).toBe(true);
    expect(readdirSync(temp.dir).some((name) => name.includes('.corrupt-'))).toBe(true);
  });

  it('finds a reason edited in the file by byte surgery, which integrity_check cannot see (AU-6)', async () => {
    await seed(temp, 5);
    const bytes = readFileSync(temp.file);
    const needle = Buffer.from('Ticket 2: customer');
    let at = bytes.indexOf(needle);
    let edits = 0;
    while (at !== -1) {
      bytes.write('Ticket 9', at); // same length: the page stays well-formed
      edits += 1;
      at = bytes.indexOf(needle, at + 1);
    }
    expect(edits).toBeGreaterThan(0);
    writeFileSync(temp.file, bytes);
    const database = temp.open();
    expect(database.rebuilt).toBe(false);
    const status = database.events.verify();
    expect(status.ok).toBe(false);
    expect(status.firstBroken?.reason).toBe('row-altered');
  });
});

describe('verifying the chain on disk', () => {
  let temp: TempAudit;
  beforeEach(async () => {
    temp = tempAudit();
    await seed(temp, 4); // 12 events, ids 1..12
  });
  afterEach(() => temp.cleanup());

  const verify = () => {
    const database = temp.open();
    const status = database.events.verify();
    database.close();
    return status;
  };

  it('verifies an untouched file', () => {
    expect(verify()).toEqual({ ok: true, checked: 12, records: 0, firstBroken: null });
  });

  it('names the edited row', () => {
    tamper(temp.file, `UPDATE audit_events SET payload = replace(payload, 'banner', 'timeout') WHERE id = 6`);
    expect(verify().firstBroken).toEqual({ id: 6, reason: 'row-altered', record: null });
  });

  it('names the row after a deleted one', () => {
    tamper(temp.file, 'DELETE FROM audit_events WHERE id = 5');
    expect(verify().firstBroken).toEqual({ id: 6, reason: 'link-broken', record: null });
  });

  it('notices a deleted tail', () => {
    tamper(temp.file, 'DELETE FROM audit_events WHERE id >= 11');
    expect(verify().firstBroken).toEqual({ id: 12, reason: 'tail-missing', record: null });
  });

  it('notices an inserted row', () => {
    tamper(
      temp.file,
      `UPDATE audit_events SET id = id + 100 WHERE id >= 8;
       UPDATE audit_events SET id = id - 99 WHERE id >= 108;
       INSERT INTO audit_events (id, at, type, session_id, payload, prev_hash, hash)
         SELECT 8, at, type, session_id, payload, prev_hash, hash FROM audit_events WHERE id = 7;`,
    );
    expect(verify().ok).toBe(false);
    expect(verify().firstBroken!.id).toBeGreaterThanOrEqual(8);
  });

  it('notices two rows swapped', () => {
    tamper(
      temp.file,
      `UPDATE audit_events SET id = -3 WHERE id = 3;
       UPDATE audit_events SET id = 3 WHERE id = 4;
       UPDATE audit_events SET id = 4 WHERE id = -3;`,
    );
    expect(verify().firstBroken).toEqual({ id: 3, reason: 'link-broken', record: null });
  });
});
