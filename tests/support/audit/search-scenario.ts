// A small audit store for the search-with-filters tests: three local sessions
// by two admins and two mirrored console entries by two more, four of the five
// about "Zanzibar", on five consecutive days of March 2025.
import type { AuditDatabase } from '../../../src-main/audit/audit-database';
import { AuditStore } from '../../../src-main/audit/audit-store';
import { MirrorSync } from '../../../src-main/audit/mirror-sync';
import { SERVER_KEY, attempt, consoleRow, end, impersonateRow, mirroredId, start } from './fixtures';
import { MemoryLogSource } from './memory-log-source';

export const SCENARIO_NOW = new Date('2025-03-06T12:00:00Z');

const ada = { uid: 2, login: 'ada@example.com', name: 'Ada Admin' };
const ben = { uid: 3, login: 'ben@example.com', name: 'Ben Boss' };

/** Another console's start entry: a session of its own (its own identifier), by the admin named. */
function serverEntry(serverId: number, writeDate: string, reason: string, admin: { login: string; name: string }) {
  const row = consoleRow(serverId, writeDate, reason, { adminUserId: serverId, adminName: admin.name, adminLogin: admin.login });
  const message = { ...row.message!, admin: { uid: serverId, ...admin }, sessionIdentifier: String(serverId).padEnd(42, 'x') };
  return { ...row, message };
}

/** The Logs screen's ids of the rows (`local:n`, `server:<kind>:<mirror row>`). */
export interface ScenarioIds {
  /** ada, "Zanzibar invoice totals are wrong", ended, 1 March. */
  ended: string;
  /** ben, "Zanzibar shipping labels missing", refused, 2 March. */
  refused: string;
  /** ada, "Payroll export fails", open, 3 March. */
  other: string;
  /** ada, "Zanzibar warehouse check", console entry 901 of another console, 4 March. */
  warehouseCheck: string;
  /** carl, "Zanzibar warehouse audit", console entry 902 of another console, 5 March. */
  warehouseAudit: string;
}

export async function seedSearchScenario(database: AuditDatabase): Promise<ScenarioIds> {
  const store = new AuditStore(database);
  const ended = await store.recordAttempt(attempt({ admin: ada, reason: 'Zanzibar invoice totals are wrong', at: new Date('2025-03-01T10:00:00Z') }));
  await store.recordStart(ended, start({ serverLogId: null }));
  await store.recordEnd(ended, end());
  const refused = await store.recordAttempt(
    attempt({ admin: ben, reason: 'Zanzibar shipping labels missing', allowed: false, refusal: 'rate-limited', at: new Date('2025-03-02T09:00:00Z') }),
  );
  const other = await store.recordAttempt(attempt({ admin: ada, reason: 'Payroll export fails', at: new Date('2025-03-03T08:00:00Z') }));
  const source = new MemoryLogSource([
    serverEntry(901, '2025-03-04 08:00:00', 'Zanzibar warehouse check', { login: 'ada@example.com', name: 'Ada Admin' }),
    serverEntry(902, '2025-03-05 08:00:00', 'Zanzibar warehouse audit', { login: 'carl@example.com', name: 'Carl Lead' }),
    impersonateRow(1, '2025-03-05 08:00:01', { adminName: 'Carl Lead' }),
  ]);
  await new MirrorSync(database, source, { serverKey: SERVER_KEY, clock: { now: () => SCENARIO_NOW.getTime() } }).syncOnce();
  return {
    ended: `local:${ended}`,
    refused: `local:${refused}`,
    other: `local:${other}`,
    warehouseCheck: mirroredId(database, 'console', 901),
    warehouseAudit: mirroredId(database, 'console', 902),
  };
}
