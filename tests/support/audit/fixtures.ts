// Builders for audit records and server rows, and a temp-folder store.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAuditDatabase, type AuditDatabase } from '../../../src-main/audit/audit-database';
import type { ServerLogKind, ServerLogRow } from '../../../src-main/core/ports/server-logs';
import type { AttemptRecord, EndRecord, StartRecord } from '../../../src-main/core/ports';

/** The connection the local sessions below belong to (attempt()), and the server the mirror reads by default. */
export const SERVER_KEY = 'https://odoo.example.com|prod';
/** A second server the same console connects to. */
export const STAGING_KEY = 'https://staging.example.com|prod';

/** The Logs screen's id of a mirrored row: `server:<kind>:<local row id>`, found by the server's id. */
export function mirroredId(database: AuditDatabase, kind: ServerLogKind, serverId: number, server = SERVER_KEY): string {
  const row = database.raw.prepare('SELECT id FROM server_logs WHERE server = ? AND kind = ? AND server_id = ?').get(server, kind, serverId) as
    | { id: number }
    | undefined;
  if (!row) throw new Error(`${kind} ${serverId} of ${server} is not in the mirror`);
  return `server:${kind}:${row.id}`;
}

export interface TempAudit {
  dir: string;
  file: string;
  open(): AuditDatabase;
  cleanup(): void;
}

/** A folder of its own for one test's database; `open` may be called again after a close. */
export function tempAudit(prefix = 'audit-'): TempAudit {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const file = join(dir, 'audit.sqlite');
  const opened: AuditDatabase[] = [];
  return {
    dir,
    file,
    open: () => {
      const database = openAuditDatabase({ file });
      opened.push(database);
      return database;
    },
    cleanup: () => {
      for (const database of opened) database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function attempt(overrides: Partial<AttemptRecord> = {}): AttemptRecord {
  return {
    connectionKey: SERVER_KEY,
    serverKey: `url:${SERVER_KEY}`,
    admin: { uid: 2, login: 'admin@example.com', name: 'Ada Admin' },
    target: { id: 7, login: 'marc@example.com', name: 'Marc Demo' },
    reason: 'Customer cannot see the invoice menu, ticket 4711',
    allowed: true,
    refusal: null,
    at: new Date('2025-03-01T10:00:00.000Z'),
    clientHost: 'helpdesk-laptop',
    appVersion: '0.1.0',
    ...overrides,
  };
}

export function start(overrides: Partial<StartRecord> = {}): StartRecord {
  return {
    startedAtClient: new Date('2025-03-01T10:00:02.000Z'),
    startedAtServer: '2025-03-01 10:00:02',
    sessionIdentifier: 'a'.repeat(42),
    clientIp: '10.0.0.5',
    serverIp: '203.0.113.9',
    serverLogId: 501,
    ...overrides,
  };
}

export function end(overrides: Partial<EndRecord> = {}): EndRecord {
  return {
    endedAtClient: new Date('2025-03-01T10:20:02.000Z'),
    endedAtServer: '2025-03-01 10:20:02',
    cause: 'banner',
    serverEndPending: false,
    detail: null,
    ...overrides,
  };
}

export function impersonateRow(serverId: number, writeDate: string, overrides: Partial<ServerLogRow> = {}): ServerLogRow {
  return {
    kind: 'impersonate',
    serverId,
    writeDate,
    createDate: writeDate,
    adminUserId: 2,
    adminName: 'Ada Admin',
    adminLogin: 'admin@example.com',
    targetUserId: 7,
    targetName: 'Marc Demo',
    targetLogin: 'marc@example.com',
    targetPartnerId: 70,
    dateStart: writeDate,
    dateEnd: null,
    message: null,
    ...overrides,
  };
}

export function consoleRow(serverId: number, writeDate: string, reason: string, overrides: Partial<ServerLogRow> = {}): ServerLogRow {
  return {
    kind: 'console',
    serverId,
    writeDate,
    createDate: writeDate,
    adminUserId: 2,
    adminName: 'Ada Admin',
    adminLogin: 'admin@example.com',
    targetUserId: 7,
    targetName: 'Marc Demo',
    targetLogin: 'marc@example.com',
    targetPartnerId: null,
    dateStart: null,
    dateEnd: null,
    message: {
      event: 'start',
      app: 'impersonation-console',
      appVersion: '0.1.0',
      host: 'other-laptop',
      admin: { uid: 2, login: 'admin@example.com', name: 'Ada Admin' },
      target: { id: 7, login: 'marc@example.com', name: 'Marc Demo' },
      reason,
      sessionIdentifier: 'b'.repeat(42),
      clientIp: '10.0.0.6',
      serverIp: '203.0.113.10',
      at: `${writeDate.replace(' ', 'T')}.000Z`,
    },
    ...overrides,
  };
}

/** "YYYY-MM-DD HH:MM:SS" a number of seconds after a fixed origin. */
export function serverTime(secondsAfter: number, origin = Date.parse('2025-03-01T00:00:00Z')): string {
  const iso = new Date(origin + secondsAfter * 1000).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}
