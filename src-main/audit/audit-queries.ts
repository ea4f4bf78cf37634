// What the Logs screen reads (audit.list, audit.search, audit.session,
// audit.verify, audit.stats). Only the local store is read, so all of it works
// offline; every answer has the contract's shape exactly.
import { sql } from 'kysely';
import type { AuditDetail, AuditPage, AuditQuery, AuditSearch, AuditStats, ChainStatus } from '../../src-preload/contract';
import { ConsoleError } from '../core';
import type { AuditDatabase } from './audit-database';
import { bound } from './audit-filters';
import { sessionDetail } from './audit-detail';
import { MergedRows } from './merged-rows';
import { RowSelection, type RowsSort } from './audit-selection';
import { verifyAudit } from './audit-verifier';

const DEFAULT_SORT: RowsSort = { field: 'startedAt', dir: 'desc' };

/** audit.search as parsed (filters and sort defaulted), or as a direct caller may leave them out. */
export type AuditSearchRequest = Omit<AuditSearch, 'filters' | 'sort'> & Partial<Pick<AuditSearch, 'filters' | 'sort'>>;

export class AuditQueries {
  private readonly merged: MergedRows;

  constructor(private readonly database: AuditDatabase) {
    this.merged = new MergedRows(database);
  }

  list(query: AuditQuery): AuditPage {
    return this.page(RowSelection.filtered(this.database.db, query.filters), query);
  }

  /** Full text over reasons and names, local and mirrored, narrowed by the filters and sorted like the list. */
  search(request: AuditSearchRequest): AuditPage {
    const { filters = { source: 'all' }, sort = DEFAULT_SORT } = request;
    return this.page(RowSelection.searched(this.database.db, filters, request.text), { ...request, sort });
  }

  /**
   * One row with every stored field and its events. Ids: `local:12` (a session of this
   * console), `server:console:7` (another console's session, by the mirror's row of its
   * entry), `server:impersonate:9` (Odoo's log alone) — mirror row ids, not Odoo's: two
   * servers share those.
   */
  session(id: string): AuditDetail {
    const { db, sql: runner } = this.database;
    const match = /^(local|server:console|server:impersonate):(\d{1,15})$/.exec(id);
    if (!match) throw new ConsoleError('audit-invalid', 'audit.invalidSessionId', { id: id.slice(0, 100) });
    const [, kind, key] = match;
    const view = kind === 'local' ? 'local_audit_rows' : 'server_audit_rows';
    // row_key and origin narrow each arm of the views to one indexed row.
    const row = runner.first(
      db
        .selectFrom(view)
        .selectAll()
        .where('row_key', '=', Number(key))
        .where('origin', '=', kind === 'local' ? 'here' : kind === 'server:console' ? 'console' : 'odoo'),
    );
    if (!row) throw new ConsoleError('not-found', 'audit.sessionNotFound', { id });
    return sessionDetail(this.merged.records(row));
  }

  /** The chain, its guards and anchor, and every session record against its events (audit-verifier.ts). */
  verify(): ChainStatus {
    return verifyAudit(this.database);
  }

  /**
   * Impersonations per day and admin, one per merged row that began: this console's
   * sessions that started, and every impersonation known only from the server (another
   * console's, or made outside any console). Admins by login where a source names it.
   */
  stats(range: { from?: string; to?: string }): AuditStats {
    const { db, sql: runner } = this.database;
    const from = range.from ? bound(range.from, 'from') : null;
    const to = range.to ? bound(range.to, 'to') : null;
    const within = (column: string) => {
      const parts = [sql`${sql.ref(column)} IS NOT NULL`];
      if (from) parts.push(sql`${sql.ref(column)} >= ${from.iso}`);
      if (to) parts.push(to.inclusive ? sql`${sql.ref(column)} <= ${to.iso}` : sql`${sql.ref(column)} < ${to.iso}`);
      return sql.join(parts, sql` AND `);
    };
    const rows = runner.all({
      compile: () =>
        sql<{ day: string; admin: string; count: number }>`
          SELECT day, admin, count(*) AS count FROM (
            SELECT substr(started_at_client, 1, 10) AS day, admin_login AS admin
              FROM sessions WHERE ${within('started_at_client')}
            UNION ALL
            SELECT substr(started_at, 1, 10) AS day, COALESCE(admin_alt, admin) AS admin
              FROM server_audit_rows WHERE ${within('started_at')}
          )
          GROUP BY day, admin ORDER BY day, admin`.compile(db),
    });
    return { days: rows.map((row) => ({ day: row.day, admin: row.admin, count: row.count })) };
  }

  private page(selection: RowSelection, request: Pick<AuditQuery, 'page' | 'pageSize' | 'sort'>): AuditPage {
    const runner = this.database.sql;
    const rows = selection.rows(runner, request.sort, { limit: request.pageSize, offset: request.page * request.pageSize });
    return { total: selection.count(runner), rows: this.merged.toRows(rows) };
  }
}
