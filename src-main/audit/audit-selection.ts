// The one answer to "which rows does the Logs screen show?": the filters, and
// when a search is shown the full-text match too. audit.list, audit.search and
// audit.export all read through it, so an export holds exactly the rows the
// screen lists.
import { sql, type Kysely } from 'kysely';
import type { AuditFilters, AuditQuery } from '../../src-preload/contract';
import type { SqlRunner } from './sql-runner';
import { baseQuery, applyFilters, type RowsQuery } from './audit-filters';
import { toFtsQuery } from './fts-query';
import type { AuditRowsView, AuditSchema } from './schema';

const SORT_COLUMNS = {
  startedAt: 'started_at',
  admin: 'admin',
  target: 'target',
  duration: 'duration_seconds',
  outcome: 'outcome',
} as const;

export type RowsSort = AuditQuery['sort'];

/**
 * The selected rows as one or two SELECTs over the audit_rows views. A search
 * needs two (the local sessions and the mirror have separate FTS tables whose
 * rowids are each view's row_key), so the row_key lookup stays on a primary
 * key instead of scanning the union.
 */
export class RowSelection {
  private constructor(private readonly parts: readonly RowsQuery[]) {}

  /** No text: every row the filters let through. */
  static filtered(db: Kysely<AuditSchema>, filters: Partial<AuditFilters>): RowSelection {
    return new RowSelection([baseQuery(db, filters)]);
  }

  /**
   * The rows matching `text` (words ANDed, last one as a prefix) and the filters.
   * Text that holds no word (only punctuation) matches nothing, as the search shows.
   */
  static searched(db: Kysely<AuditSchema>, filters: Partial<AuditFilters>, text: string): RowSelection {
    const match = toFtsQuery(text);
    if (match === null) return new RowSelection([]);
    const parts: RowsQuery[] = [];
    if (filters.source !== 'server') {
      const ids = sql`SELECT rowid FROM sessions_fts WHERE sessions_fts MATCH ${match}`;
      parts.push(applyFilters(db.selectFrom('local_audit_rows').where(sql<boolean>`row_key IN (${ids})`), filters));
    }
    if (filters.source !== 'local') {
      const ids = sql`SELECT rowid FROM server_logs_fts WHERE server_logs_fts MATCH ${match}`;
      parts.push(applyFilters(db.selectFrom('server_audit_rows').where(sql<boolean>`row_key IN (${ids})`), filters));
    }
    return new RowSelection(parts);
  }

  /** The rows a request selects: searched when it carries non-blank text. */
  static of(db: Kysely<AuditSchema>, filters: Partial<AuditFilters>, text?: string): RowSelection {
    return text?.trim() ? RowSelection.searched(db, filters, text) : RowSelection.filtered(db, filters);
  }

  count(runner: SqlRunner): number {
    let total = 0;
    for (const part of this.parts) total += runner.first(part.select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0;
    return total;
  }

  /** Sorted rows, `limit` of them after `offset` (all of them without a limit). */
  rows(runner: SqlRunner, sort: RowsSort, window?: { limit: number; offset: number }): AuditRowsView[] {
    const [first, ...rest] = this.parts.map((part) => part.selectAll());
    if (first === undefined) return [];
    const column = SORT_COLUMNS[sort.field];
    // With two parts the ORDER BY applies to the whole UNION ALL, by result column names.
    let query = rest
      .reduce((union, part) => union.unionAll(part), first)
      .orderBy(column, sort.dir)
      // A total order, so that paging never shows a row twice or skips one.
      .orderBy('source', sort.dir)
      .orderBy('row_key', sort.dir);
    if (window) query = query.limit(window.limit).offset(window.offset);
    return runner.all<AuditRowsView>(query);
  }
}
