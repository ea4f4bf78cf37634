// Fills `<dataDir>/audit.sqlite` with the audit-demo scenario through the audit
// store's public API only (AuditStore for the local sessions, MirrorSync over
// an in-memory ServerLogSource for the mirrored rows), so the chain, the FTS
// index and the last-sync time are exactly what the real flow would leave.
import path from 'node:path';
import { openAuditDatabase } from '../../../src-main/audit/audit-database';
import { AuditStore } from '../../../src-main/audit/audit-store';
import { MirrorSync } from '../../../src-main/audit/mirror-sync';
import type { ServerLogRow, ServerLogSource } from '../../../src-main/core/ports/server-logs';
import { MemoryLogSource } from '../audit/memory-log-source';
import { demoIdentifier, demoServerRows, demoSessions, type DemoSession } from './demo-data';

export interface SeedSummary {
  file: string;
  localSessions: number;
  serverRows: number;
  chainEvents: number;
  lastSyncAt: string | null;
}

const CONNECTION_KEY = 'http://127.0.0.1:8069|odoo';

/** A ServerLogSource over a fixed list: what the Odoo connector would answer. */
export function fixedServerLogSource(rows: ServerLogRow[]): ServerLogSource {
  return new MemoryLogSource(rows);
}

export async function seedAuditDemo(dataDir: string, now: Date): Promise<SeedSummary> {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const at = (daysAgo: number, time: string): Date => {
    const [hours, minutes] = time.split(':').map(Number) as [number, number];
    return new Date(midnight - daysAgo * 86_400_000 + (hours * 60 + minutes) * 60_000);
  };
  const database = openAuditDatabase({ file: path.join(dataDir, 'audit.sqlite') });
  try {
    const store = new AuditStore(database);
    for (const [index, session] of demoSessions.entries()) await record(store, session, index, at(session.daysAgo, session.time));
    const serverRows = demoServerRows(at);
    // Synced two hours ago, so that the screen has a last-sync time to show.
    const sync = new MirrorSync(database, fixedServerLogSource(serverRows), {
      serverKey: CONNECTION_KEY,
      clock: { now: () => now.getTime() - 2 * 3_600_000 },
    });
    const result = await sync.syncOnce();
    return {
      file: database.file,
      localSessions: demoSessions.length,
      serverRows: result.inserted,
      chainEvents: database.events.verify().checked,
      lastSyncAt: sync.lastSyncAt(),
    };
  } finally {
    database.close();
  }
}

async function record(store: AuditStore, session: DemoSession, index: number, start: Date): Promise<void> {
  const { result } = session;
  const id = await store.recordAttempt({
    connectionKey: CONNECTION_KEY,
    serverKey: `url:${CONNECTION_KEY}`,
    admin: session.admin,
    target: session.target,
    reason: session.reason,
    allowed: result.kind !== 'refused',
    refusal: result.kind === 'refused' ? result.refusal : null,
    at: start,
    clientHost: 'helpdesk-laptop',
    appVersion: '0.1.0',
  });
  if (result.kind === 'failed') await store.recordFailure(id, new Date(start.getTime() + 2_000), result.failure);
  if (result.kind !== 'ended') return;
  // As the start sequence does: the identifier and the impersonate.log row first, then the start.
  await store.recordServerSession(id, demoIdentifier(index), start, [result.logRow]);
  await store.recordStart(id, {
    startedAtClient: start,
    startedAtServer: start.toISOString().slice(0, 19).replace('T', ' '),
    sessionIdentifier: demoIdentifier(index),
    clientIp: result.clientIp,
    serverIp: result.serverIp,
    serverLogId: result.onServer ? 8000 + index * 2 : null,
  });
  const end = new Date(start.getTime() + result.minutes * 60_000);
  await store.recordEnd(id, {
    endedAtClient: end,
    endedAtServer: end.toISOString().slice(0, 19).replace('T', ' '),
    cause: result.cause,
    serverEndPending: false,
    detail: null,
  });
}
