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
  /** The mirrored rows' ids on the Logs screen: impersonate.log 1, console entries 901 and 902. */
  let log1: string;
  let entry901: string;
  let entry902: string;

  beforeAll(async () => {
    temp = tempAudit('audit-queries-');
    database = temp.open();
    const store = new AuditStore(database);
    started = await store.recordAttempt(attempt({ reason: 'Invoice menu missing for the customer' }));
    await store.recordStart(started, start({ serverLogId: 901, sessionIdentifier: 'b'.repeat(42) }));
    await store.recordEnd(started, end());
    await store.recordAttempt(
      attempt({ allowed: false, refusal: 'administrator', reason: '=HYPERLINK("http://evil")', at: new Date('2025-03-02T09:00:00Z'), target: { id: 3, login: 'boss', name: 'Big Boss' } }),
    );
    const source = new MemoryLogSource([
      impersonateRow(1, '2025-03-01 10:00:02', { dateEnd: '2025-03-01 10:20:02' }),
      consoleRow(901, '2025-03-01 10:00:02', 'Invoice menu missing for the customer'),
      consoleRow(902, '2025-03-03 08:00:00', 'Payroll export fails for Zoë', { message: { ...consoleRow(0, '2025-03-03 08:00:00', '').message!, reason: 'Payroll export fails for Zoë', admin: { uid: 9, login: 'bob' } } }),
    ]);
    await new MirrorSync(database, source, { serverKey: SERVER_KEY, clock: { now: () => Date.UTC(2025, 2, 4) } }).syncOnce();
    [log1, entry901, entry902] = [mirroredId(database, 'impersonate', 1), mirroredId(database, 'console', 901), mirroredId(database, 'console', 902)];
    queries = new AuditQueries(database);
  });
  afterAll(() => temp.cleanup());

  const query = (input: unknown) => queries.list(AuditQuery.parse(input));

  it('lists local and server rows together, newest first, in the contract shape', () => {
    const page = query({});
    expect(AuditPage.parse(page)).toEqual(page);
    expect(page.total).toBe(5);
    // Three rows share 10:00:02 (the local session and its two server records): a fixed tie order.
    expect(page.rows.map((r) => r.id)).toEqual([entry902, 'local:2', entry901, log1, 'local:1']);
  });

  it('filters by source, admin, target, outcome and date range, and pages', () => {
    expect(query({ filters: { source: 'local' } }).rows.map((r) => r.id)).toEqual(['local:2', 'local:1']);
    expect(query({ filters: { admin: 'bob' } }).rows.map((r) => r.id)).toEqual([entry902]);
    expect(query({ filters: { target: 'big' } }).rows.map((r) => r.id)).toEqual(['local:2']);
    expect(query({ filters: { outcome: 'refused' } }).rows[0]).toMatchObject({ refusal: 'administrator', outcome: 'refused' });
    expect(query({ filters: { from: '2025-03-02', to: '2025-03-02' } }).rows.map((r) => r.id)).toEqual(['local:2']);
    expect(query({ filters: { admin: '%' } }).total).toBe(0);
    const second = query({ page: 1, pageSize: 2, sort: { field: 'startedAt', dir: 'asc' } });
    expect(second).toMatchObject({ total: 5 });
    expect(second.rows.map((r) => r.id)).toEqual([entry901, 'local:2']);
  });

  it('searches reasons and names with full text, accent-insensitive and by prefix', () => {
    expect(queries.search({ text: 'invoice', page: 0, pageSize: 50 }).rows.map((r) => r.id).sort()).toEqual(['local:1', entry901]);
    expect(queries.search({ text: 'zoe', page: 0, pageSize: 50 }).rows.map((r) => r.id)).toEqual([entry902]);
    expect(queries.search({ text: 'payr', page: 0, pageSize: 50 }).total).toBe(1);
    expect(queries.search({ text: 'big boss', page: 0, pageSize: 50 }).rows.map((r) => r.id)).toEqual(['local:2']);
  });

  it('never throws on search input that is FTS5 syntax', () => {
    for (const text of ['"', '*', '"invoice', 'invoice"*', 'NEAR(', 'a OR', ') AND (', '-', 'reason:x', '^', "o'brien"]) {
      expect(() => queries.search({ text, page: 0, pageSize: 10 })).not.toThrow();
    }
    expect(queries.search({ text: '"*"', page: 0, pageSize: 10 })).toEqual({ total: 0, rows: [] });
  });

  it('opens the detail of a local session with its chained events', () => {
    const detail = queries.session(`local:${started}`);
    expect(AuditDetail.parse(detail)).toEqual(detail);
    expect(detail.events.map((e) => e.type)).toEqual(['attempt', 'start', 'end']);
    expect(detail.fields.find((f) => f.name === 'session_identifier')?.value).toBe('b'.repeat(42));
  });

  it('opens the detail of a mirrored row, and refuses unknown or malformed ids with a typed error', () => {
    const detail = queries.session(log1);
    expect(detail).toMatchObject({ id: log1, source: 'server', durationSeconds: 1200, outcome: 'ended' });
    // Which server and which of its records: two servers share Odoo ids.
    expect(detail.fields).toEqual(expect.arrayContaining([{ name: 'connection_key', value: SERVER_KEY }, { name: 'server_id', value: '1' }]));
    expect(() => queries.session('server:impersonate:999')).toThrow(expect.objectContaining({ key: 'audit.sessionNotFound' }));
    expect(() => queries.session("local:1'; DROP TABLE sessions")).toThrow(expect.objectContaining({ key: 'audit.invalidSessionId' }));
  });

  it('counts sessions per day and admin, without counting a mirrored console entry twice', () => {
    const stats = queries.stats({});
    expect(AuditStats.parse(stats)).toEqual(stats);
    expect(stats.days).toEqual([
      { day: '2025-03-01', admin: 'admin@example.com', count: 1 },
      { day: '2025-03-03', admin: 'bob', count: 1 },
    ]);
    expect(queries.stats({ from: '2025-03-02' }).days).toEqual([{ day: '2025-03-03', admin: 'bob', count: 1 }]);
  });

  it('exports CSV with formula cells neutralised and quoting per RFC 4180', () => {
    const result = exportAudit(database, { format: 'csv', filters: { source: 'local' } }, new Date('2025-03-04T12:00:00Z'));
    expect(ExportResult.parse(result)).toEqual(result);
    expect(result).toMatchObject({ fileName: 'audit-20250304-120000.csv', rows: 2 });
    expect(result.content).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(result.content.split('\r\n')[0]).toBe('\uFEFFid,source,admin,target,startedAt,endedAt,durationSeconds,reason,clientIp,serverIp,outcome,endCause,refusal');
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
