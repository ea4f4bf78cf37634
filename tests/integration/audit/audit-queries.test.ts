import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportAudit, csvCell } from '../../../src-main/audit/audit-export';
import type { AuditDatabase } from '../../../src-main/audit/audit-database';
import { AuditQueries } from '../../../src-main/audit/audit-queries';
import { AuditStore } from '../../../src-main/audit/audit-store';
import { MirrorSync } from '../../../src-main/audit/mirror-sync';
import { AuditDetail, AuditPage, AuditQuery, AuditStats, ExportResult } from '../../../src-preload/contract';
import { SERVER_KEY, attempt, consoleRow, end, impersonateRow, mirroredId, start, tempAudit, type TempAudit } from '../../support/audit/fixtures';
import { MemoryLogSource } from '../../support/audit/memory-log-source';

describe('AuditQueries and export (the Logs screen, offline)', () => {
  let temp: TempAudit;
  let database: AuditDatabase;
  let queries: AuditQueries;
  let started: number;
  /** Another console's session (its start entry 902), and an impersonation made outside any console (impersonate.log 2). */
  let entry902: string;
  let log2: string;

  beforeAll(async () => {
    temp = tempAudit('audit-queries-');
    database = temp.open();
    const store = new AuditStore(database);
    // This console's session: its identifier and its impersonate.log row (1) are its keys.
    started = await store.recordAttempt(attempt({ reason: 'Invoice menu missing for the customer' }));
    await store.recordServerSession(started, 'b'.repeat(42), new Date('2025-03-01T10:00:01Z'), [1]);
    await store.recordStart(started, start({ serverLogId: 901, sessionIdentifier: 'b'.repeat(42) }));
    await store.recordEnd(started, end());
    await store.recordAttempt(
      attempt({ allowed: false, refusal: 'administrator', reason: '=HYPERLINK("http://evil")', at: new Date('2025-03-02T09:00:00Z'), target: { id: 3, login: 'boss', name: 'Big Boss' } }),
    );
    const other = consoleRow(0, '2025-03-03 08:00:00', '').message!;
    const source = new MemoryLogSource([
      impersonateRow(1, '2025-03-01 10:20:02', { dateStart: '2025-03-01 10:00:02', dateEnd: '2025-03-01 10:20:02' }),
      impersonateRow(2, '2025-03-02 12:00:00', { adminUserId: 5, adminName: 'Olga Odoo', adminLogin: 'olga', dateStart: '2025-03-02 12:00:00' }),
      consoleRow(901, '2025-03-01 10:00:02', 'Invoice menu missing for the customer', { message: { ...other, reason: 'Invoice menu missing for the customer', at: '2025-03-01T10:00:02.000Z', impersonateLogId: 1 } }),
      consoleRow(902, '2025-03-03 08:00:00', 'Payroll export fails for Zoë', {
        message: { ...other, reason: 'Payroll export fails for Zoë', sessionIdentifier: 'c'.repeat(42), admin: { uid: 9, login: 'bob', name: 'Bob Boss' } },
      }),
      consoleRow(903, '2025-03-01 10:20:02', 'Invoice menu missing for the customer', {
        message: { ...other, event: 'end', endCause: 'banner', reason: 'Invoice menu missing for the customer', at: '2025-03-01T10:20:02.000Z', impersonateLogId: 1 },
      }),
    ]);
    await new MirrorSync(database, source, { serverKey: SERVER_KEY, clock: { now: () => Date.UTC(2025, 2, 4) } }).syncOnce();
    [entry902, log2] = [mirroredId(database, 'console', 902), mirroredId(database, 'impersonate', 2)];
    queries = new AuditQueries(database);
  });
  afterAll(() => temp.cleanup());

  const query = (input: unknown) => queries.list(AuditQuery.parse(input));

  it('lists one row per impersonation, whatever recorded it, newest first, in the contract shape (AU-8)', () => {
    const page = query({});
    expect(AuditPage.parse(page)).toEqual(page);
    // Five server records and two local ones: four impersonations (or attempts).
    expect(page.total).toBe(4);
    expect(page.rows.map((r) => r.id)).toEqual([entry902, log2, 'local:2', 'local:1']);
    const [other, outside, refused, own] = page.rows;
    expect(own).toMatchObject({
      source: 'local',
      admin: 'Ada Admin',
      adminLogin: 'admin@example.com',
      target: 'Marc Demo',
      targetLogin: 'marc@example.com',
      outcome: 'ended',
      endCause: 'banner',
      integrity: 'chained',
      provenance: { recordedHere: true, consoleEntry: true, odooLog: true, outsideConsole: false, agreement: 'confirms', differences: [] },
    });
    expect(refused).toMatchObject({ integrity: 'chained', provenance: { recordedHere: true, consoleEntry: false, odooLog: false, agreement: 'none' } });
    // Another console's: known from its entry; it names no log row, so the server cannot confirm it yet.
    expect(other).toMatchObject({
      source: 'server',
      admin: 'Bob Boss',
      adminLogin: 'bob',
      target: 'Marc Demo',
      targetLogin: 'marc@example.com',
      outcome: 'started',
      integrity: 'server',
      provenance: { recordedHere: false, consoleEntry: true, odooLog: false, agreement: 'pending' },
    });
    // Odoo's log alone: made outside any console, people named the same way as everywhere.
    expect(outside).toMatchObject({
      admin: 'Olga Odoo',
      adminLogin: 'olga',
      target: 'Marc Demo',
      targetLogin: 'marc@example.com',
      outcome: 'open',
      reason: null,
      provenance: { recordedHere: false, consoleEntry: false, odooLog: true, outsideConsole: true, agreement: 'none' },
    });
  });

  it('filters by source, admin, target, outcome and date range, and pages', () => {
    expect(query({ filters: { source: 'local' } }).rows.map((r) => r.id)).toEqual(['local:2', 'local:1']);
    expect(query({ filters: { source: 'server' } }).rows.map((r) => r.id)).toEqual([entry902, log2]);
    expect(query({ filters: { admin: 'bob' } }).rows.map((r) => r.id)).toEqual([entry902]);
    expect(query({ filters: { admin: 'olga odoo' } }).rows.map((r) => r.id)).toEqual([log2]);
    expect(query({ filters: { target: 'big' } }).rows.map((r) => r.id)).toEqual(['local:2']);
    expect(query({ filters: { outcome: 'refused' } }).rows[0]).toMatchObject({ refusal: 'administrator', outcome: 'refused' });
    expect(query({ filters: { outcome: 'ended' } }).rows.map((r) => r.id)).toEqual(['local:1']);
    expect(query({ filters: { from: '2025-03-02', to: '2025-03-02' } }).rows.map((r) => r.id)).toEqual([log2, 'local:2']);
    expect(query({ filters: { admin: '%' } }).total).toBe(0);
    const second = query({ page: 1, pageSize: 2, sort: { field: 'startedAt', dir: 'asc' } });
    expect(second).toMatchObject({ total: 4 });
    expect(second.rows.map((r) => r.id)).toEqual([log2, entry902]);
  });

  it('searches reasons and names with full text, accent-insensitive and by prefix, one row per impersonation', () => {
    expect(queries.search({ text: 'invoice', page: 0, pageSize: 50 }).rows.map((r) => r.id)).toEqual(['local:1']);
    expect(queries.search({ text: 'zoe', page: 0, pageSize: 50 }).rows.map((r) => r.id)).toEqual([entry902]);
    expect(queries.search({ text: 'payr', page: 0, pageSize: 50 }).total).toBe(1);
    expect(queries.search({ text: 'big boss', page: 0, pageSize: 50 }).rows.map((r) => r.id)).toEqual(['local:2']);
    expect(queries.search({ text: 'olga', page: 0, pageSize: 50 }).rows.map((r) => r.id)).toEqual([log2]);
  });

  it('never throws on search input that is FTS5 syntax', () => {
    for (const text of ['"', '*', '"invoice', 'invoice"*', 'NEAR(', 'a OR', ') AND (', '-', 'reason:x', '^', "o'brien"]) {
      expect(() => queries.search({ text, page: 0, pageSize: 10 })).not.toThrow();
    }
    expect(queries.search({ text: '"*"', page: 0, pageSize: 10 })).toEqual({ total: 0, rows: [] });
  });

  it("opens the detail of a local session: its chained events, the server's records and their times, each marked as whose", () => {
    const detail = queries.session(`local:${started}`);
    expect(AuditDetail.parse(detail)).toEqual(detail);
    expect(detail.events.filter((e) => e.source === 'local').map((e) => e.type)).toEqual(['attempt', 'server-session', 'start', 'end']);
    expect(detail.events.filter((e) => e.source === 'server').map((e) => e.type)).toEqual(['server-start', 'odoo-log-start', 'server-end', 'odoo-log-end']);
    expect(detail.fields.find((f) => f.name === 'session_identifier')?.value).toBe('b'.repeat(42));
    expect(detail.fields.find((f) => f.name === 'impersonate_log_id')?.value).toBe('1');
    expect(detail.serverRecords.map((r) => [r.kind, r.serverId])).toEqual([
      ['console-start', 901],
      ['console-end', 903],
      ['odoo-log', 1],
    ]);
  });

  it('opens the detail of a row known only from the server, and refuses unknown or malformed ids with a typed error', () => {
    const detail = queries.session(log2);
    expect(detail).toMatchObject({ id: log2, source: 'server', outcome: 'open', provenance: { outsideConsole: true } });
    // Which server and which of its records: two servers share Odoo ids.
    expect(detail.fields).toEqual(expect.arrayContaining([{ name: 'connection_key', value: SERVER_KEY }, { name: 'server_id', value: '2' }]));
    expect(queries.session(entry902)).toMatchObject({ id: entry902, reason: 'Payroll export fails for Zoë', serverRecords: [{ kind: 'console-start', serverId: 902 }] });
    // A record merged into another row is not a row of its own.
    expect(() => queries.session(mirroredId(database, 'impersonate', 1))).toThrow(expect.objectContaining({ key: 'audit.sessionNotFound' }));
    expect(() => queries.session('server:impersonate:999')).toThrow(expect.objectContaining({ key: 'audit.sessionNotFound' }));
    expect(() => queries.session("local:1'; DROP TABLE sessions")).toThrow(expect.objectContaining({ key: 'audit.invalidSessionId' }));
  });

  it('counts impersonations per day and admin from the merged rows: each once, whatever recorded it', () => {
    const stats = queries.stats({});
    expect(AuditStats.parse(stats)).toEqual(stats);
    expect(stats.days).toEqual([
      { day: '2025-03-01', admin: 'admin@example.com', count: 1 },
      { day: '2025-03-02', admin: 'olga', count: 1 },
      { day: '2025-03-03', admin: 'bob', count: 1 },
    ]);
    expect(queries.stats({ from: '2025-03-02', to: '2025-03-02' }).days).toEqual([{ day: '2025-03-02', admin: 'olga', count: 1 }]);
  });

  it('exports CSV with formula cells neutralised, quoting per RFC 4180, and where each row is known', () => {
    const result = exportAudit(database, { format: 'csv', filters: { source: 'local' } }, new Date('2025-03-04T12:00:00Z'));
    expect(ExportResult.parse(result)).toEqual(result);
    expect(result).toMatchObject({ fileName: 'audit-20250304-120000.csv', rows: 2 });
    expect(result.content).toContain(`"'=HYPERLINK(""http://evil"")"`);
    const lines = result.content.split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFFid,source,admin,adminLogin,target,targetLogin,startedAt,endedAt,durationSeconds,reason,clientIp,serverIp,outcome,endCause,refusal,recordedHere,consoleEntry,odooLog,outsideConsole,serverAgreement,integrity',
    );
    expect(lines.find((line) => line.startsWith('local:1,'))).toMatch(/,banner,,yes,yes,yes,no,confirms,chained$/);
  });

  it('escapes every formula lead character, and tab or carriage return', () => {
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'].map(csvCell)).toEqual(["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\tx", `"'\rx"`]);
    expect(csvCell('plain, with comma')).toBe('"plain, with comma"');
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(null)).toBe('');
  });

  it('exports JSON with the same rows as the list', () => {
    const result = exportAudit(database, { format: 'json', filters: { source: 'all' } }, new Date('2025-03-04T12:00:00Z'));
    const parsed = JSON.parse(result.content) as { rows: unknown[] };
    expect(parsed.rows).toEqual(query({ pageSize: 500 }).rows);
    expect(result.mimeType).toBe('application/json');
  });
});
