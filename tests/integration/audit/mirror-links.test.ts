// Issue 13: a console's start entry written beside the verification names the
// impersonate.log mark, not the row. The mirror links it to the first row above the
// mark for the same admin and target that no other session claims (mirror-links.ts),
// on a real SQLite file, so that the Logs still show one row per impersonation.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditDatabase } from '../../../src-main/audit/audit-database';
import { MirrorSync } from '../../../src-main/audit/mirror-sync';
import type { ServerLogRow } from '../../../src-main/core';
import { SERVER_KEY, consoleRow, impersonateRow, serverTime, tempAudit, type TempAudit } from '../../support/audit/fixtures';
import { MemoryLogSource } from '../../support/audit/memory-log-source';

const clock = { now: () => Date.UTC(2025, 2, 2) };
const OURS = 'b'.repeat(42);
const OTHER = 'c'.repeat(42);

/** A start entry written beside the verification: the mark, no row. */
function startNamingMark(serverId: number, mark: number, session = OURS): ServerLogRow {
  const row = consoleRow(serverId, serverTime(60), 'Customer cannot see invoice INV/2025/0042');
  return { ...row, message: { ...row.message!, sessionIdentifier: session, impersonateLogAfter: mark } };
}

function linkOf(database: AuditDatabase, serverId: number): number | null {
  const row = database.raw.prepare("SELECT impersonate_log_id FROM server_logs WHERE kind = 'console' AND server_id = ?").get(serverId) as { impersonate_log_id: number | null };
  return row.impersonate_log_id;
}

function logsRows(database: AuditDatabase): Array<{ origin: string; impersonate_log_id: number | null }> {
  return database.raw.prepare('SELECT origin, impersonate_log_id FROM audit_rows ORDER BY impersonate_log_id').all() as Array<{ origin: string; impersonate_log_id: number | null }>;
}

async function sync(database: AuditDatabase, source: MemoryLogSource): Promise<void> {
  await new MirrorSync(database, source, { serverKey: SERVER_KEY, pageSize: 50, lookBackSeconds: 600, clock }).syncOnce();
}

describe('linking start entries that name the mark', () => {
  let temp: TempAudit;
  beforeEach(() => {
    temp = tempAudit('audit-links-');
  });
  afterEach(() => temp.cleanup());

  it("links the first row above the mark for the same admin and target: not an earlier one, another target's, or a later one", async () => {
    const database = temp.open();
    const source = new MemoryLogSource([
      impersonateRow(10, serverTime(0)),
      impersonateRow(11, serverTime(60), { targetUserId: 8, targetPartnerId: 80 }),
      impersonateRow(12, serverTime(60)),
      impersonateRow(13, serverTime(120)),
      startNamingMark(500, 10),
    ]);
    await sync(database, source);
    expect(linkOf(database, 500)).toBe(12);
    // One Logs row for the impersonation: the console's entry, merged with row 12.
    expect(logsRows(database).filter((row) => row.impersonate_log_id === 12)).toEqual([{ origin: 'console', impersonate_log_id: 12 }]);
  });

  it('skips a row another session names, and waits for a row not mirrored yet', async () => {
    const database = temp.open();
    const other = consoleRow(499, serverTime(60), 'Another session of the same admin and target');
    const source = new MemoryLogSource([
      { ...other, message: { ...other.message!, sessionIdentifier: OTHER, impersonateLogId: 12 } },
      impersonateRow(12, serverTime(60)),
      startNamingMark(500, 10),
    ]);
    await sync(database, source);
    expect(linkOf(database, 500)).toBeNull();
    source.put(impersonateRow(14, serverTime(90)));
    await sync(database, source);
    expect(linkOf(database, 500)).toBe(14);
  });

  it('leaves an entry without a mark as it is', async () => {
    const database = temp.open();
    await sync(database, new MemoryLogSource([impersonateRow(12, serverTime(60)), consoleRow(500, serverTime(60), 'An entry with neither row nor mark')]));
    expect(linkOf(database, 500)).toBeNull();
  });
});
