// audit.search with the Logs screen's filters and sort, and audit.export of
// what a search shows, over a real SQLite file (tests/support/audit/search-scenario).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditDatabase } from '../../../src-main/audit/audit-database';
import { exportAudit } from '../../../src-main/audit/audit-export';
import { AuditQueries } from '../../../src-main/audit/audit-queries';
import { RowSelection } from '../../../src-main/audit/audit-selection';
import { AuditQuery, AuditSearch, ExportRequest, type AuditFilters, type AuditRow } from '../../../src-preload/contract';
import { tempAudit, type TempAudit } from '../../support/audit/fixtures';
import { SCENARIO_NOW as AT, seedSearchScenario, type ScenarioIds } from '../../support/audit/search-scenario';

describe('audit.search with filters and sort, and the export of a search', () => {
  let temp: TempAudit;
  let database: AuditDatabase;
  let queries: AuditQueries;
  let ids: ScenarioIds;

  beforeAll(async () => {
    temp = tempAudit('audit-search-filters-');
    database = temp.open();
    ids = await seedSearchScenario(database);
    queries = new AuditQueries(database);
  });
  afterAll(() => temp.cleanup());

  const search = (input: unknown) => queries.search(AuditSearch.parse(input));
  const idsOf = (rows: AuditRow[]) => rows.map((row) => row.id);

  it('defaults to every source and newest first when no filters or sort are given', () => {
    const parsed = AuditSearch.parse({ text: ' zanzibar ' });
    expect(parsed).toMatchObject({ text: 'zanzibar', filters: { source: 'all' }, sort: { field: 'startedAt', dir: 'desc' } });
    const page = queries.search(parsed);
    expect(page.total).toBe(4);
    expect(idsOf(page.rows)).toEqual([ids.warehouseAudit, ids.warehouseCheck, ids.refused, ids.ended]);
  });

  it('narrows a search to one administrator, local and mirrored rows alike', () => {
    const page = search({ text: 'zanzibar', filters: { admin: 'ada' } });
    expect(page.total).toBe(2);
    expect(idsOf(page.rows)).toEqual([ids.warehouseCheck, ids.ended]);
    // The admin filter also matches the local display name, as in the list.
    expect(idsOf(search({ text: 'zanzibar', filters: { admin: 'Ben Boss' } }).rows)).toEqual([ids.refused]);
  });

  it('applies the source, outcome, target and date filters to a search', () => {
    expect(idsOf(search({ text: 'zanzibar', filters: { source: 'local' } }).rows)).toEqual([ids.refused, ids.ended]);
    expect(idsOf(search({ text: 'zanzibar', filters: { source: 'server' } }).rows)).toEqual([ids.warehouseAudit, ids.warehouseCheck]);
    expect(idsOf(search({ text: 'zanzibar', filters: { outcome: 'refused' } }).rows)).toEqual([ids.refused]);
    expect(idsOf(search({ text: 'zanzibar', filters: { from: '2025-03-02', to: '2025-03-04' } }).rows)).toEqual([
      ids.warehouseCheck,
      ids.refused,
    ]);
    expect(search({ text: 'zanzibar', filters: { target: 'nobody-by-that-name' } })).toEqual({ total: 0, rows: [] });
    expect(search({ text: 'payroll', filters: { source: 'server' } })).toEqual({ total: 0, rows: [] });
  });

  it('sorts and pages a search like the list, with the total of every page', () => {
    const sort = { field: 'admin', dir: 'asc' };
    const all = idsOf(search({ text: 'zanzibar', sort, pageSize: 10 }).rows);
    // Two rows by ada: ties fall back to the source, then the row, in the same direction.
    expect(all).toEqual([ids.ended, ids.warehouseCheck, ids.refused, ids.warehouseAudit]);
    const second = search({ text: 'zanzibar', sort, page: 1, pageSize: 3 });
    expect(second.total).toBe(4);
    expect(idsOf(second.rows)).toEqual([ids.warehouseAudit]);
    expect(idsOf(search({ text: 'zanzibar', sort: { field: 'startedAt', dir: 'asc' }, pageSize: 2 }).rows)).toEqual([ids.ended, ids.refused]);
  });

  it('answers exactly the rows that both the search alone and the filtered list hold, for any filters', () => {
    const filters = fc.record(
      {
        admin: fc.constantFrom('ada', 'ben', 'carl', 'Boss', 'e'),
        target: fc.constantFrom('marc', 'Marc Demo', 'x'),
        from: fc.constantFrom('2025-03-01', '2025-03-02', '2025-03-04'),
        to: fc.constantFrom('2025-03-02', '2025-03-05'),
        outcome: fc.constantFrom('refused', 'ended', 'started', 'open'),
        source: fc.constantFrom('all', 'local', 'server'),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(filters, fc.constantFrom('zanzibar', 'warehouse', 'pay', 'marc', 'zanzibar shipping'), (chosen, text) => {
        const listed = new Set(idsOf(queries.list(AuditQuery.parse({ filters: chosen, pageSize: 500 })).rows));
        const expected = idsOf(search({ text, pageSize: 500 }).rows).filter((id) => listed.has(id));
        const page = search({ text, filters: chosen, pageSize: 500 });
        expect(idsOf(page.rows)).toEqual(expected);
        expect(page.total).toBe(expected.length);
      }),
      { numRuns: 80 },
    );
  });

  it('pages by keys alone into exactly the rows, order and total of the whole sorted selection, for any sort (issue 13)', () => {
    const sorts = fc.record({ field: fc.constantFrom('startedAt', 'admin', 'target', 'duration', 'outcome'), dir: fc.constantFrom('asc', 'desc') });
    fc.assert(
      fc.property(
        sorts,
        fc.constantFrom('zanzibar', 'warehouse', 'marc', 'e'),
        fc.constantFrom('all', 'local', 'server'),
        fc.option(fc.constantFrom('ada', 'Boss')),
        fc.integer({ min: 1, max: 4 }),
        (sort, text, source, admin, pageSize) => {
          const selection = RowSelection.of(database.db, { source, ...(admin ? { admin } : {}) }, text);
          const whole = selection.rows(database.sql, sort);
          expect(selection.count(database.sql)).toBe(whole.length);
          const pages = [];
          for (let offset = 0; offset < whole.length + pageSize; offset += pageSize) {
            pages.push(...selection.rows(database.sql, sort, { limit: pageSize, offset }));
          }
          expect(pages).toEqual(whole);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('never throws on FTS5 syntax combined with filters', () => {
    for (const text of ['"', '*', 'NEAR(', ') AND (', '-', '^', "o'brien", 'zanzibar"*']) {
      expect(() => search({ text, filters: { admin: 'ada', source: 'local' }, sort: { field: 'duration', dir: 'asc' } })).not.toThrow();
    }
    expect(search({ text: '"*"', filters: { admin: 'ada' } })).toEqual({ total: 0, rows: [] });
  });

  describe('export with the search text', () => {
    const exported = (input: unknown): AuditRow[] => {
      const result = exportAudit(database, ExportRequest.parse({ format: 'json', ...(input as object) }), AT);
      const rows = (JSON.parse(result.content) as { rows: AuditRow[] }).rows;
      expect(result.rows).toBe(rows.length);
      return rows;
    };

    it('exports exactly the rows the search shows, filters included', () => {
      const filters: Partial<AuditFilters> = { admin: 'ada' };
      expect(exported({ text: 'zanzibar', filters })).toEqual(search({ text: 'zanzibar', filters, pageSize: 500 }).rows);
      expect(idsOf(exported({ text: 'zanzibar', filters: { source: 'local' } }))).toEqual([ids.refused, ids.ended]);
      expect(idsOf(exported({ text: 'zanzibar' }))).toHaveLength(4);
    });

    it('writes the searched rows as CSV too', () => {
      const result = exportAudit(database, ExportRequest.parse({ format: 'csv', text: 'shipping' }), AT);
      const lines = result.content.trimEnd().split('\r\n');
      expect(result.rows).toBe(1);
      expect(lines).toHaveLength(2);
      expect(lines[1]).toContain('Zanzibar shipping labels missing');
    });

    it('treats blank text as no search: every filtered row', () => {
      const request = ExportRequest.parse({ format: 'json', text: '   ', filters: { source: 'local' } });
      expect(request.text).toBe('');
      expect(idsOf(exported(request))).toEqual([ids.other, ids.refused, ids.ended]);
      expect(exported({ filters: { source: 'all' } })).toHaveLength(6);
    });

    it('exports nothing, and does not throw, for text that holds no word', () => {
      for (const text of ['"', '*', 'NEAR(', ') AND (', '-', '^', '"*"']) {
        expect(exported({ text, filters: { admin: 'ada' } })).toEqual([]);
      }
      expect(exported({ text: "o'brien zanzibar" })).toEqual([]);
    });

    it('refuses search text longer than a search accepts', () => {
      expect(ExportRequest.safeParse({ format: 'csv', text: 'x'.repeat(201) }).success).toBe(false);
      expect(ExportRequest.safeParse({ format: 'csv', text: 'x'.repeat(200) }).success).toBe(true);
    });
  });
});
