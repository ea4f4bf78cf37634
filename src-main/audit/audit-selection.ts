// The one answer to "which rows does the Logs screen show?": the filters, and
// when a search is shown the full-text match too. audit.list, audit.search and
// audit.export all read through it, so an export holds exactly the rows the
// screen lists.
import { sql, type Compilable, type Kysely, type RawBuilder } from 'kysely';
import type { AuditFilters, AuditQuery } from '../../src-preload/contract';
import type { SqlRunner } from './sql-runner';
import { baseQuery, applyFilters, type RowsQuery } from './audit-filters';
import { toFtsQuery } from './fts-query';
import { SESSIONS_BOUND, walkedKeys, walkPays } from './local-walk';
import type { AuditRowsView, AuditSchema } from './schema';

const SORT_COLUMNS = {
  startedAt: 'started_at',
  admin: 'admin',
  target: 'target',
  duration: 'duration_seconds',
  outcome: 'outcome',
} as const;

export type RowsSort = AuditQuery['sort'];

/** One SELECT of the selection, and where its count may come from instead (a search over local rows alone). */
interface Part {
  query: RowsQuery;
  /**
   * The full-text query of a local part nothing filters: the index's own count is then
   * the part's (the local view holds one row per session), and a page by start time may
   * walk the start-time index (local-walk.ts).
   */
  localMatch: string | null;
}

/**
 * The selected rows as one or two SELECTs over the audit_rows views. A search
 * needs two (the local sessions and the mirror have separate FTS tables whose
 * rowids are each view's row_key), so the row_key lookup stays on a primary
 * key instead of scanning the union.
 */
export class RowSelection {
  private readonly counts = new Map<string, number>();

  private constructor(
    private readonly db: Kysely<AuditSchema>,
    private readonly parts: readonly Part[],
  ) {}

  /** No text: every row the filters let through. */
  static filtered(db: Kysely<AuditSchema>, filters: Partial<AuditFilters>): RowSelection {
    return new RowSelection(db, [{ query: baseQuery(db, filters), localMatch: null }]);
  }

  /**
   * The rows matching `text` (words ANDed, last one as a prefix) and the filters.
   * Text that holds no word (only punctuation) matches nothing, as the search shows.
   */
  static searched(db: Kysely<AuditSchema>, filters: Partial<AuditFilters>, text: string): RowSelection {
    const match = toFtsQuery(text);
    if (match === null) return new RowSelection(db, []);
    const parts: Part[] = [];
    if (filters.source !== 'server') {
      const ids = sql`SELECT rowid FROM sessions_fts WHERE sessions_fts MATCH ${match}`;
      const query = applyFilters(db.selectFrom('local_audit_rows').where(sql<boolean>`row_key IN (${ids})`), filters);
      const unfiltered = !filters.admin?.trim() && !filters.target?.trim() && !filters.from && !filters.to && !filters.outcome;
      parts.push({ query, localMatch: unfiltered ? match : null });
    }
    if (filters.source !== 'local') {
      const ids = sql`SELECT rowid FROM server_logs_fts WHERE server_logs_fts MATCH ${match}`;
      // Not one row per entry (a session's entries and Odoo's row merge): counted through the view.
      parts.push({ query: applyFilters(db.selectFrom('server_audit_rows').where(sql<boolean>`row_key IN (${ids})`), filters), localMatch: null });
    }
    return new RowSelection(db, parts);
  }

  /** The rows a request selects: searched when it carries non-blank text. */
  static of(db: Kysely<AuditSchema>, filters: Partial<AuditFilters>, text?: string): RowSelection {
    return text?.trim() ? RowSelection.searched(db, filters, text) : RowSelection.filtered(db, filters);
  }

  count(runner: SqlRunner): number {
    let total = 0;
    for (const part of this.parts) {
      const counted = part.localMatch !== null ? this.matches(runner, part.localMatch) : runner.first(part.query.select((eb) => eb.fn.countAll<number>().as('n')))?.n;
      total += counted ?? 0;
    }
    return total;
  }

  /**
   * Sorted rows, `limit` of them after `offset` (all of them without a limit). A page is
   * sorted on its keys alone, then only its rows are read whole: sorting every match
   * with all its columns was most of a search's time (issue 13).
   */
  rows(runner: SqlRunner, sort: RowsSort, window?: { limit: number; offset: number }): AuditRowsView[] {
    if (this.parts.length === 0) return [];
    if (!window) return runner.all(this.compiled(this.ordered(this.parts.map((part) => sql`SELECT * FROM ${part.query.selectAll()}`), sort)));
    const column = SORT_COLUMNS[sort.field];
    const wanted = window.offset + window.limit;
    const members = this.parts.map((part) =>
      part.localMatch !== null && sort.field === 'startedAt' && this.shouldWalk(runner, part.localMatch, wanted)
        ? sql`SELECT * FROM (${walkedKeys(part.localMatch, sort.dir, wanted)})`
        : sql`SELECT * FROM ${part.query.select(['source', 'row_key', column])}`,
    );
    const page = sql<Pick<AuditRowsView, 'source' | 'row_key'>>`${this.ordered(members, sort)} LIMIT ${window.limit} OFFSET ${window.offset}`;
    const keys = runner.all(this.compiled(page));
    const found = new Map<string, AuditRowsView>();
    for (const source of ['local', 'server'] as const) {
      const ids = keys.filter((key) => key.source === source).map((key) => key.row_key);
      if (ids.length === 0) continue;
      const view = source === 'local' ? 'local_audit_rows' : 'server_audit_rows';
      for (const row of runner.all<AuditRowsView>(this.db.selectFrom(view).selectAll().where('row_key', 'in', ids))) found.set(`${source}:${row.row_key}`, row);
    }
    return keys.map((key) => found.get(`${key.source}:${key.row_key}`)).filter((row): row is AuditRowsView => row !== undefined);
  }

  /**
   * The parts' SELECTs as one UNION ALL in the sort's order (by result column names), with
   * the source and row after the sort column: a total order, so that paging never shows a
   * row twice or skips one.
   */
  private ordered(members: RawBuilder<unknown>[], sort: RowsSort): RawBuilder<AuditRowsView> {
    const order = sql.raw(sort.dir === 'asc' ? 'ASC' : 'DESC');
    return sql<AuditRowsView>`${sql.join(members, sql` UNION ALL `)}
      ORDER BY ${sql.ref(SORT_COLUMNS[sort.field])} ${order}, source ${order}, row_key ${order}`;
  }

  private compiled<R>(query: RawBuilder<R>): Compilable<R> {
    return { compile: () => query.compile(this.db) };
  }

  /** The full-text index's count of `match`, read once per selection (a prefix can cost milliseconds). */
  private matches(runner: SqlRunner, match: string): number {
    let counted = this.counts.get(match);
    if (counted === undefined) {
      const query = sql<{ n: number }>`SELECT count(*) AS n FROM sessions_fts WHERE sessions_fts MATCH ${match}`;
      counted = runner.first(this.compiled(query))?.n ?? 0;
      this.counts.set(match, counted);
    }
    return counted;
  }

  private shouldWalk(runner: SqlRunner, match: string, wanted: number): boolean {
    const sessions = runner.first(this.compiled(SESSIONS_BOUND))?.n ?? 0;
    return walkPays(this.matches(runner, match), sessions, wanted);
  }
}
