import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditDatabase } from '../../../src-main/audit/audit-database';
import { AuditStore } from '../../../src-main/audit/audit-store';
import { MirrorSync } from '../../../src-main/audit/mirror-sync';
import { pruneAudit } from '../../../src-main/audit/retention';
import { verifyAudit } from '../../../src-main/audit/audit-verifier';
import { SERVER_KEY, attempt, consoleRow, end, start, tempAudit, type TempAudit } from '../../support/audit/fixtures';
import { MemoryLogSource } from '../../support/audit/memory-log-source';

const day = (n: number) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000);

describe('retention (keep N days)', () => {
  let temp: TempAudit;
  let database: AuditDatabase;
  let store: AuditStore;
  beforeEach(() => {
    temp = tempAudit('audit-retention-');
    database = temp.open();
    store = new AuditStore(database);
  });
  afterEach(() => temp.cleanup());

  async function session(at: Date, serverLogId: number, ended = true): Promise<number> {
    const id = await store.recordAttempt(attempt({ at }));
    await store.recordStart(id, start({ startedAtClient: at, serverLogId, sessionIdentifier: 'b'.repeat(42) }));
    if (ended) await store.recordEnd(id, end({ endedAtClient: new Date(at.getTime() + 60_000) }));
    return id;
  }

  const ids = () => database.raw.prepare('SELECT id FROM sessions ORDER BY id').pluck().all();

  it('removes old synced sessions and refused attempts, keeps the unsynced and the open ones, and the chain still verifies', async () => {
    const synced = await session(day(0), 11);
    const unsynced = await session(day(1), 12);
    const refused = await store.recordAttempt(attempt({ at: day(2), allowed: false, refusal: 'portal' }));
    const open = await session(day(3), 13, false);
    const recent = await session(day(40), 14);
    await new MirrorSync(database, new MemoryLogSource([consoleRow(11, '2025-01-01 00:00:00', 'x')]), { serverKey: SERVER_KEY, clock: { now: () => day(41).getTime() } }).syncOnce();

    const result = pruneAudit(database, 30, day(41));

    expect(ids()).toEqual([unsynced, open, recent]);
    expect(ids()).not.toContain(synced);
    expect(ids()).not.toContain(refused);
    expect(result).toMatchObject({ sessions: 2 });
    // The removed session rows are named by the chain: every record still verifies (AU-6).
    const pruned = JSON.parse(database.raw.prepare("SELECT payload FROM audit_events WHERE type = 'pruned'").pluck().get() as string) as { removedSessions: unknown };
    expect(pruned.removedSessions).toEqual([[synced, synced], [refused, refused]]);
    expect(verifyAudit(database)).toMatchObject({ ok: true, records: 3, firstBroken: null });
  });

  it('cuts the chain only as a prefix, behind an anchor that holds the last pruned hash', async () => {
    for (let i = 0; i < 3; i += 1) await store.recordAttempt(attempt({ at: day(i), allowed: false, refusal: 'portal' }));
    await store.recordAttempt(attempt({ at: day(40), allowed: false, refusal: 'portal' }));
    const third = database.raw.prepare('SELECT hash FROM audit_events WHERE id = 3').pluck().get();

    expect(pruneAudit(database, 30, day(41))).toEqual({ sessions: 3, serverRows: 0, events: 3 });

    expect(database.raw.prepare('SELECT up_to_id, hash FROM audit_chain_anchor').get()).toEqual({ up_to_id: 3, hash: third });
    expect(database.raw.prepare('SELECT id FROM audit_events ORDER BY id').pluck().all()).toEqual([4, 5]); // 5: the 'pruned' record
    expect(verifyAudit(database)).toEqual({ ok: true, checked: 2, records: 1, firstBroken: null });
    const pruned = JSON.parse(database.raw.prepare("SELECT payload FROM audit_events WHERE id = 5").pluck().get() as string) as { anchor: unknown };
    expect(pruned.anchor).toEqual({ upToId: 3, hash: third });
    // And the trigger still guards everything after the anchor.
    expect(() => database.raw.prepare('DELETE FROM audit_events WHERE id = 4').run()).toThrow(/append-only/);
    await store.recordAttempt(attempt({ at: day(42) }));
    expect(verifyAudit(database).ok).toBe(true);
  });

  it('keeps everything younger than the cutoff', async () => {
    await session(day(10), 21);
    expect(pruneAudit(database, 30, day(20))).toEqual({ sessions: 0, serverRows: 0, events: 0 });
    expect(ids()).toHaveLength(1);
  });
});
