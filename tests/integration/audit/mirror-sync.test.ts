import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditDatabase } from '../../../src-main/audit/audit-database';
import { AuditStore } from '../../../src-main/audit/audit-store';
import { canonicalJson } from '../../../src-main/audit/hash-chain';
import { MirrorSync } from '../../../src-main/audit/mirror-sync';
import type { SyncProgress } from '../../../src-preload/contract';
import { SERVER_KEY, attempt, consoleRow, impersonateRow, serverTime, start, tempAudit, type TempAudit } from '../../support/audit/fixtures';
import { MemoryLogSource } from '../../support/audit/memory-log-source';

const clock = { now: () => Date.UTC(2025, 2, 2) };

/** The mirror as `kind:id:<the row as the server sent it>`, in a stable order. */
function mirrored(database: AuditDatabase): string[] {
  const rows = database.raw.prepare('SELECT kind, server_id, raw FROM server_logs').all() as Array<{ kind: string; server_id: number; raw: string }>;
  return rows.map((row) => `${row.kind}:${row.server_id}:${row.raw}`).sort();
}

/** What the mirror should hold: every server row, in the same encoding. */
function serverSet(source: MemoryLogSource): string[] {
  return source.all().map((row) => `${row.kind}:${row.serverId}:${canonicalJson(row)}`).sort();
}

/** Server rows whose write_dates collide a lot, so pages split rows sharing one write_date. */
const serverRows = fc
  .array(fc.record({ kind: fc.constantFrom('impersonate' as const, 'console' as const), second: fc.integer({ min: 0, max: 6 }) }), {
    maxLength: 60,
  })
  .map((specs) =>
    specs.map((spec, index) =>
      spec.kind === 'impersonate'
        ? impersonateRow(index + 1, serverTime(spec.second * 60))
        : consoleRow(index + 1, serverTime(spec.second * 60), `Reason number ${index} for the check`),
    ),
  );

describe('MirrorSync', () => {
  let temp: TempAudit;
  beforeEach(() => {
    temp = tempAudit('audit-sync-');
  });
  afterEach(() => temp.cleanup());

  it('converges to the server set across shared write_dates, replays and an interruption anywhere (SY-1..4)', async () => {
    const database = temp.open();
    let round = 0;
    await fc.assert(
      fc.asyncProperty(serverRows, fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 12 }), async (rows, pageSize, failAt) => {
        round += 1;
        database.raw.exec('DELETE FROM server_logs; DELETE FROM sync_positions;');
        const source = new MemoryLogSource(rows);
        source.beforeRead = (read) => {
          if (read === failAt) throw new Error(`connection dropped (round ${round})`);
        };
        const sync = new MirrorSync(database, source, { serverKey: SERVER_KEY, pageSize, lookBackSeconds: 120, clock });
        await sync.syncOnce().catch(() => undefined); // interrupted, or finished before the failure point
        source.beforeRead = null;
        const result = await sync.syncOnce();
        expect(mirrored(database)).toEqual(serverSet(source));
        expect(result.differences).toBe(0);
        // A replay changes nothing.
        const replay = await sync.syncOnce();
        expect({ inserted: replay.inserted, updated: replay.updated, differences: replay.differences }).toEqual({ inserted: 0, updated: 0, differences: 0 });
        expect(mirrored(database)).toEqual(serverSet(source));
      }),
      { numRuns: 60 },
    );
  });

  it('mirrors every late commit dated within the window, with any id, and counts each once (SY-1)', async () => {
    const database = temp.open();
    const lookBackSeconds = 600;
    // Odd ids are on the server at the first sync; even ids were taken then but commit later, dated up to W earlier.
    const scenario = fc.record({
      first: fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 1, maxLength: 30 }),
      late: fc.array(fc.record({ slot: fc.integer({ min: 0, max: 40 }), age: fc.integer({ min: 0, max: lookBackSeconds }) }), { maxLength: 15 }),
      pageSize: fc.integer({ min: 1, max: 6 }),
    });
    await fc.assert(
      fc.asyncProperty(scenario, async ({ first, late, pageSize }) => {
        database.raw.exec('DELETE FROM server_logs; DELETE FROM sync_positions;');
        const source = new MemoryLogSource(first.map((second, i) => consoleRow(2 * i + 1, serverTime(second), `Entry ${i} of the first batch`)));
        const sync = new MirrorSync(database, source, { serverKey: SERVER_KEY, pageSize, lookBackSeconds, clock });
        await sync.syncOnce();
        const newest = Math.max(...first);
        for (const { slot, age } of late) source.put(consoleRow(2 * slot + 2, serverTime(newest - age), `Late entry in slot ${slot}`));
        const result = await sync.syncOnce();
        expect(mirrored(database)).toEqual(serverSet(source));
        expect(result.inserted).toBe(new Set(late.map((l) => l.slot)).size);
        expect(await sync.syncOnce()).toMatchObject({ inserted: 0, updated: 0, differences: 0 });
      }),
      { numRuns: 60 },
    );
  });

  it('moves its position with the rows, resumes an interrupted pass after its last id, and moves the window only when a pass ends (SY-1, SY-3, SY-4)', async () => {
    const database = temp.open();
    // Ids and write_dates in different orders, as on a real server.
    const source = new MemoryLogSource([impersonateRow(1, serverTime(5)), impersonateRow(2, serverTime(0)), impersonateRow(3, serverTime(3))]);
    const sync = new MirrorSync(database, source, { serverKey: SERVER_KEY, pageSize: 2, clock });
    source.beforeRead = (read) => {
      if (read === 2) throw new Error('dropped');
    };
    await expect(sync.syncOnce()).rejects.toThrow('dropped');
    expect(sync.position('impersonate')).toEqual({ newest: null, passAfterId: 2, passNewest: serverTime(5) });
    expect(database.raw.prepare('SELECT count(*) FROM server_logs').pluck().get()).toBe(2);
    expect(sync.lastSyncAt()).toBeNull();
    source.beforeRead = null;
    let before = source.windows.length;
    await sync.syncOnce();
    // The pass resumed after id 2, in the same window (everything: no pass had ended).
    expect(source.windows[before]).toEqual({ since: null, afterId: 2 });
    expect(sync.position('impersonate')).toEqual({ newest: serverTime(5), passAfterId: 0, passNewest: null });
    expect(sync.lastSyncAt()).toBe('2025-03-02T00:00:00.000Z');
    // The next pass reads from ten minutes before the newest write_date mirrored.
    before = source.windows.length;
    await sync.syncOnce();
    expect(source.windows[before]).toEqual({ since: serverTime(5 - 600), afterId: 0 });
  });

  it('picks up a late commit whose write_date falls inside the look-back window, once (SY-1)', async () => {
    const database = temp.open();
    const source = new MemoryLogSource([impersonateRow(1, serverTime(100))]);
    const sync = new MirrorSync(database, source, { serverKey: SERVER_KEY, lookBackSeconds: 60, clock });
    await sync.syncOnce();
    source.put(impersonateRow(2, serverTime(70))); // committed after our read, dated earlier
    const result = await sync.syncOnce();
    expect(result.inserted).toBe(1);
    expect(sync.position('impersonate')).toEqual({ newest: serverTime(100), passAfterId: 0, passNewest: null });
    expect(await sync.syncOnce()).toMatchObject({ inserted: 0, updated: 0, differences: 0 });
  });

  it('mirrors rows of one second whatever order their ids and commits come in, each once (SY-1)', async () => {
    const database = temp.open();
    const second = serverTime(200);
    const source = new MemoryLogSource([consoleRow(1, second, 'First entry of the second'), consoleRow(3, second, 'Third entry of the second')]);
    const sync = new MirrorSync(database, source, { serverKey: SERVER_KEY, pageSize: 1, clock });
    expect(await sync.syncOnce()).toMatchObject({ inserted: 2 });
    // Id 2 was taken before id 3 but committed after the read; id 4 is dated a few seconds earlier still.
    source.put(consoleRow(2, second, 'Second entry, committed late'));
    source.put(consoleRow(4, serverTime(195), 'Fourth entry, from a long transaction'));
    expect(await sync.syncOnce()).toMatchObject({ inserted: 2, updated: 0, differences: 0 });
    expect(await sync.syncOnce()).toMatchObject({ inserted: 0, updated: 0, differences: 0 });
    expect(database.raw.prepare("SELECT server_id FROM server_logs WHERE kind = 'console' ORDER BY server_id").pluck().all()).toEqual([1, 2, 3, 4]);
  });

  it('replaces a row edited within the second it was mirrored in, and says the copies differed (SY-1, AU-7)', async () => {
    const database = temp.open();
    const second = serverTime(300);
    const source = new MemoryLogSource([impersonateRow(1, second)]);
    const sync = new MirrorSync(database, source, { serverKey: SERVER_KEY, clock });
    await sync.syncOnce();
    // back_to_origin_login in the same second: write_date unchanged, date_end set.
    source.put(impersonateRow(1, second, { dateEnd: second }));
    expect(await sync.syncOnce()).toMatchObject({ inserted: 0, updated: 1, differences: 1 });
    expect(database.raw.prepare('SELECT outcome FROM server_logs').pluck().get()).toBe('ended');
    expect(await sync.syncOnce()).toMatchObject({ inserted: 0, updated: 0, differences: 0 });
  });

  it('does not see a row committed later than the window, dated before it: W bounds what a sync can catch', async () => {
    const database = temp.open();
    const source = new MemoryLogSource([impersonateRow(1, serverTime(1000))]);
    const sync = new MirrorSync(database, source, { serverKey: SERVER_KEY, lookBackSeconds: 600, clock });
    await sync.syncOnce();
    source.put(impersonateRow(2, serverTime(1000 - 601))); // a transaction that stayed open 10 minutes and a second
    expect(await sync.syncOnce()).toMatchObject({ inserted: 0 });
    source.put(impersonateRow(3, serverTime(1000 - 600))); // just inside
    expect(await sync.syncOnce()).toMatchObject({ inserted: 1 });
  });

  it('applies a normal server change (write_date moved) as an update, not a difference', async () => {
    const database = temp.open();
    const source = new MemoryLogSource([impersonateRow(1, serverTime(0))]);
    const sync = new MirrorSync(database, source, { serverKey: SERVER_KEY, clock });
    await sync.syncOnce();
    source.put(impersonateRow(1, serverTime(600), { dateStart: serverTime(0), dateEnd: serverTime(600) }));
    const result = await sync.syncOnce();
    expect(result).toMatchObject({ inserted: 0, updated: 1, differences: 0 });
    expect(database.raw.prepare('SELECT outcome, duration_seconds FROM server_logs').get()).toEqual({ outcome: 'ended', duration_seconds: 600 });
  });

  it('reports a mirror row that differs from the server without a newer write_date, keeps the server copy and records the old one (AU-7)', async () => {
    const database = temp.open();
    const source = new MemoryLogSource([impersonateRow(1, serverTime(0))]);
    const sync = new MirrorSync(database, source, { serverKey: SERVER_KEY, clock });
    await sync.syncOnce();
    database.raw.prepare("UPDATE server_logs SET raw = replace(raw, 'Marc Demo', 'Someone Else')").run();
    const result = await sync.syncOnce();
    expect(result.differences).toBe(1);
    expect(database.raw.prepare('SELECT raw FROM server_logs').pluck().get()).toContain('Marc Demo');
    const event = database.raw.prepare("SELECT payload FROM audit_events WHERE type = 'mirror-difference'").pluck().get() as string;
    expect(JSON.parse(event)).toMatchObject({ kind: 'impersonate', serverId: 1, fields: ['targetName'] });
    expect(database.events.verify().ok).toBe(true);
  });

  it('reports a console entry that disagrees with the local session it belongs to (AU-7)', async () => {
    const database = temp.open();
    const store = new AuditStore(database);
    const id = await store.recordAttempt(attempt({ reason: 'The reason typed in the console' }));
    await store.recordStart(id, start({ serverLogId: 900, sessionIdentifier: 'b'.repeat(42) }));
    const source = new MemoryLogSource([consoleRow(900, serverTime(0), 'A different reason on the server')]);
    const result = await new MirrorSync(database, source, { serverKey: SERVER_KEY, clock }).syncOnce();
    expect(result.differences).toBe(1);
    const payload = database.raw.prepare("SELECT payload FROM audit_events WHERE type = 'mirror-difference'").pluck().get() as string;
    expect(JSON.parse(payload)).toMatchObject({ serverId: 900, localSessionId: id, fields: ['reason'] });
  });

  it('reports progress as fetched / total and finishes with done', async () => {
    const database = temp.open();
    const rows = Array.from({ length: 25 }, (_, i) => impersonateRow(i + 1, serverTime(i)));
    const progress: SyncProgress[] = [];
    await new MirrorSync(database, new MemoryLogSource(rows), { serverKey: SERVER_KEY, pageSize: 10, clock }).syncOnce((p) => progress.push(p));
    expect(progress.map((p) => p.fetched)).toEqual([10, 20, 25, 25, 25]);
    expect(progress[0]).toEqual({ fetched: 10, total: 25, done: false });
    expect(progress.at(-1)).toEqual({ fetched: 25, total: 25, done: true });
  });

  it('joins a sync already running instead of starting a second one', async () => {
    const database = temp.open();
    const source = new MemoryLogSource([impersonateRow(1, serverTime(0))]);
    const sync = new MirrorSync(database, source, { serverKey: SERVER_KEY, clock });
    const [a, b] = await Promise.all([sync.syncOnce(), sync.syncOnce()]);
    expect(a).toBe(b);
    expect(source.reads).toBe(2); // one read per kind
  });

  it('refuses rows that do not come in ascending id order after the page start instead of looping on them', async () => {
    const database = temp.open();
    const broken = { readServerLogs: async () => ({ rows: [impersonateRow(1, serverTime(0)), impersonateRow(1, serverTime(0))], total: 2 }) };
    await expect(new MirrorSync(database, broken, { serverKey: SERVER_KEY, clock }).syncOnce()).rejects.toMatchObject({ key: 'audit.syncOutOfOrder' });
  });
});
