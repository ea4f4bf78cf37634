// One console, two servers (production and staging) mirrored into one local
// database. Their ids overlap and their write_dates have nothing in common:
// staging's history is older than production's cursor. Each server's rows,
// cursors and last-sync time must stay its own.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditDatabase } from '../../../src-main/audit/audit-database';
import { AuditQueries } from '../../../src-main/audit/audit-queries';
import { AuditStore } from '../../../src-main/audit/audit-store';
import { canonicalJson } from '../../../src-main/audit/hash-chain';
import { MirrorSync } from '../../../src-main/audit/mirror-sync';
import { pruneAudit } from '../../../src-main/audit/retention';
import type { ServerLogRow } from '../../../src-main/core/ports/server-logs';
import { latestSyncAt } from '../../../src-main/audit/sync-state';
import { AuditQuery } from '../../../src-preload/contract';
import {
  SERVER_KEY,
  STAGING_KEY,
  attempt,
  consoleRow,
  end,
  impersonateRow,
  mirroredId,
  serverTime,
  start,
  tempAudit,
  type TempAudit,
} from '../../support/audit/fixtures';
import { MemoryLogSource } from '../../support/audit/memory-log-source';

const DAY = 86_400;
const PRODUCTION_AT = Date.UTC(2025, 2, 20);
const STAGING_AT = Date.UTC(2025, 2, 21);

/** A session identifier of the history below. */
const identifier = (who: string, i: number) => `${who}-${i}`.padEnd(42, 'x');

/**
 * n sessions of other consoles on one server, `origin` seconds after 1 March: session i
 * is impersonate.log row i+1 and console entry 901+i, which names it and its own identifier.
 */
function history(origin: number, who: string, n = 12): ServerLogRow[] {
  return Array.from({ length: n }, (_, i) => {
    const entry = consoleRow(901 + i, serverTime(origin + i * 60), `${who}: support ticket number ${i}`);
    return [
      impersonateRow(i + 1, serverTime(origin + i * 60), { targetName: `${who} target ${i}` }),
      { ...entry, message: { ...entry.message!, sessionIdentifier: identifier(who, i), impersonateLogId: i + 1 } },
    ];
  }).flat();
}

/** One server's mirror, as `kind:serverId:raw`, and the same for what that server holds. */
function mirrorOf(database: AuditDatabase, server: string): string[] {
  const rows = database.raw.prepare('SELECT kind, server_id, raw FROM server_logs WHERE server = ?').all(server) as Array<{
    kind: string;
    server_id: number;
    raw: string;
  }>;
  return rows.map((row) => `${row.kind}:${row.server_id}:${row.raw}`).sort();
}
function held(source: MemoryLogSource): string[] {
  return source.all().map((row) => `${row.kind}:${row.serverId}:${canonicalJson(row)}`).sort();
}

describe('the mirror of two servers in one database', () => {
  let temp: TempAudit;
  let database: AuditDatabase;
  let production: MemoryLogSource;
  let staging: MemoryLogSource;
  let productionSync: MirrorSync;
  let stagingSync: MirrorSync;

  beforeEach(() => {
    temp = tempAudit('audit-two-servers-');
    database = temp.open();
    // Same ids on both; staging's rows are all older than production's cursor will be.
    production = new MemoryLogSource(history(10 * DAY, 'production'));
    staging = new MemoryLogSource(history(0, 'staging'));
    productionSync = new MirrorSync(database, production, { serverKey: SERVER_KEY, pageSize: 5, clock: { now: () => PRODUCTION_AT } });
    stagingSync = new MirrorSync(database, staging, { serverKey: STAGING_KEY, pageSize: 5, clock: { now: () => STAGING_AT } });
  });
  afterEach(() => temp.cleanup());

  it('mirrors both fully, with no differences, even when one is older than the other\'s cursor', async () => {
    const first = await productionSync.syncOnce();
    const second = await stagingSync.syncOnce();

    expect(first).toMatchObject({ inserted: 24, updated: 0, differences: 0 });
    expect(second).toMatchObject({ inserted: 24, updated: 0, differences: 0 });
    expect(mirrorOf(database, SERVER_KEY)).toEqual(held(production));
    expect(mirrorOf(database, STAGING_KEY)).toEqual(held(staging));
    // Syncing again, in either order, changes nothing and reports nothing.
    for (const sync of [productionSync, stagingSync, productionSync]) {
      expect(await sync.syncOnce()).toMatchObject({ inserted: 0, updated: 0, differences: 0 });
    }
    expect(database.raw.prepare("SELECT count(*) FROM audit_events WHERE type = 'mirror-difference'").pluck().get()).toBe(0);
  });

  it('keeps a position and a last-sync time per server, and the latest over both for the offline screen', async () => {
    await productionSync.syncOnce();
    const productionPositions = [productionSync.position('impersonate'), productionSync.position('console')];
    expect(stagingSync.position('impersonate')).toEqual({ newest: null, passAfterId: 0, passNewest: null });
    expect(stagingSync.lastSyncAt()).toBeNull();

    await stagingSync.syncOnce();

    expect([productionSync.position('impersonate'), productionSync.position('console')]).toEqual(productionPositions);
    expect(productionSync.position('console')).toEqual({ newest: serverTime(10 * DAY + 11 * 60), passAfterId: 0, passNewest: null });
    expect(stagingSync.position('console')).toEqual({ newest: serverTime(11 * 60), passAfterId: 0, passNewest: null });
    expect(productionSync.lastSyncAt()).toBe(new Date(PRODUCTION_AT).toISOString());
    expect(stagingSync.lastSyncAt()).toBe(new Date(STAGING_AT).toISOString());
    expect(latestSyncAt(database)).toBe(new Date(STAGING_AT).toISOString());
  });

  it('leaves the other server\'s rows untouched when one server changes', async () => {
    await productionSync.syncOnce();
    await stagingSync.syncOnce();
    const productionRows = database.raw.prepare('SELECT * FROM server_logs WHERE server = ? ORDER BY id').all(SERVER_KEY);

    staging.put(impersonateRow(1, serverTime(DAY), { dateEnd: serverTime(DAY), targetName: 'staging target 0' }));
    staging.put(consoleRow(950, serverTime(DAY), 'staging: a new entry'));
    expect(await stagingSync.syncOnce()).toMatchObject({ inserted: 1, updated: 1, differences: 0 });

    expect(database.raw.prepare('SELECT * FROM server_logs WHERE server = ? ORDER BY id').all(SERVER_KEY)).toEqual(productionRows);
    expect(mirrorOf(database, STAGING_KEY)).toEqual(held(staging));
  });

  it('gives the Logs screen one row per impersonation of each server, each opening to its own server', async () => {
    await productionSync.syncOnce();
    await stagingSync.syncOnce();
    const queries = new AuditQueries(database);

    // 48 server records, 24 sessions: each entry merged with its own server's log row, never the other's.
    const page = queries.list(AuditQuery.parse({ filters: { source: 'server' }, pageSize: 500 }));
    expect(page.total).toBe(24);
    expect(new Set(page.rows.map((row) => row.id)).size).toBe(24);
    expect(page.rows.every((row) => row.provenance.consoleEntry && row.provenance.odooLog)).toBe(true);

    const fieldsOf = (id: string) => Object.fromEntries(queries.session(id).fields.map((field) => [field.name, field.value]));
    expect(fieldsOf(mirroredId(database, 'console', 901, STAGING_KEY))).toMatchObject({
      connection_key: STAGING_KEY,
      server_id: '901',
      reason: 'staging: support ticket number 0',
    });
    expect(fieldsOf(mirroredId(database, 'console', 901, SERVER_KEY))).toMatchObject({
      connection_key: SERVER_KEY,
      server_id: '901',
      reason: 'production: support ticket number 0',
    });
  });

  it('compares a console entry only with the local session of the same server, and counts the other server\'s in the stats', async () => {
    const store = new AuditStore(database);
    // A session on production whose start wrote production's entry 901; staging's 901 is someone else's.
    const id = await store.recordAttempt(attempt({ reason: 'production: support ticket number 0', at: new Date(PRODUCTION_AT) }));
    await store.recordServerSession(id, identifier('production', 0), new Date(PRODUCTION_AT), [1]);
    await store.recordStart(id, start({ serverLogId: 901, sessionIdentifier: identifier('production', 0), startedAtClient: new Date(PRODUCTION_AT) }));

    expect((await stagingSync.syncOnce()).differences).toBe(0);
    expect((await productionSync.syncOnce()).differences).toBe(0);

    const queries = new AuditQueries(database);
    const counted = queries.stats({}).days.reduce((sum, day) => sum + day.count, 0);
    // The local session, production's 11 other sessions and all 12 of staging's: production's 901 and
    // impersonate.log 1 are the session itself; staging's 901 and 1, with the same ids, are staging's own.
    expect(counted).toBe(1 + 11 + 12);
    expect(queries.list(AuditQuery.parse({ pageSize: 100 })).total).toBe(24);
    const own = queries.session(`local:${id}`);
    expect(own.provenance).toMatchObject({ recordedHere: true, consoleEntry: true, odooLog: true });
    expect(own.serverRecords.map((r) => r.fields.find((f) => f.name === 'connection_key')?.value)).toEqual([SERVER_KEY, SERVER_KEY]);
  });

  it('reports a console entry that disagrees with the local session of its own server', async () => {
    const store = new AuditStore(database);
    const id = await store.recordAttempt(attempt({ connectionKey: STAGING_KEY, reason: 'What the console was told on staging' }));
    await store.recordStart(id, start({ serverLogId: 901, sessionIdentifier: identifier('staging', 0) }));

    expect((await productionSync.syncOnce()).differences).toBe(0);
    expect((await stagingSync.syncOnce()).differences).toBe(1);
    const payload = database.raw.prepare("SELECT payload FROM audit_events WHERE type = 'mirror-difference'").pluck().get() as string;
    expect(JSON.parse(payload)).toMatchObject({ server: STAGING_KEY, serverId: 901, localSessionId: id, fields: ['reason'] });
  });
});

describe('retention with two servers', () => {
  let temp: TempAudit;
  beforeEach(() => {
    temp = tempAudit('audit-two-servers-retention-');
  });
  afterEach(() => temp.cleanup());

  const day = (n: number) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000);

  it('deletes a session only once its own server\'s entry is mirrored, and keeps mirror rows its own server\'s sessions need', async () => {
    const database = temp.open();
    const store = new AuditStore(database);
    const session = async (serverLogId: number, ended: boolean) => {
      const id = await store.recordAttempt(attempt({ at: day(0) }));
      await store.recordStart(id, start({ startedAtClient: day(0), serverLogId }));
      if (ended) await store.recordEnd(id, end({ endedAtClient: new Date(day(0).getTime() + 60_000) }));
      return id;
    };
    const ended = await session(11, true);
    const open = await session(12, false);
    const entries = [consoleRow(11, '2025-01-01 00:00:00', 'x'), consoleRow(12, '2025-01-01 00:00:00', 'y')];
    const clock = { now: () => day(41).getTime() };
    await new MirrorSync(database, new MemoryLogSource(entries), { serverKey: STAGING_KEY, clock }).syncOnce();
    const serverRows = () =>
      database.raw.prepare('SELECT server, server_id FROM server_logs ORDER BY server, server_id').all() as Array<{ server: string; server_id: number }>;

    // Staging holds entries 11 and 12, but the sessions are production's: not synced, they stay;
    // staging's own rows are old, closed and needed by none of staging's sessions, so they go.
    expect(pruneAudit(database, 30, day(41))).toMatchObject({ sessions: 0, serverRows: 2 });
    expect(database.raw.prepare('SELECT id FROM sessions ORDER BY id').pluck().all()).toEqual([ended, open]);
    expect(serverRows()).toEqual([]);

    await new MirrorSync(database, new MemoryLogSource(entries), { serverKey: SERVER_KEY, clock }).syncOnce();

    // Now production's copy is safe locally: the ended session goes with its entry; the open one's entry stays.
    expect(pruneAudit(database, 30, day(41))).toMatchObject({ sessions: 1, serverRows: 1 });
    expect(database.raw.prepare('SELECT id FROM sessions ORDER BY id').pluck().all()).toEqual([open]);
    expect(serverRows()).toEqual([{ server: SERVER_KEY, server_id: 12 }]);
    expect(database.events.verify().ok).toBe(true);
  });
});
