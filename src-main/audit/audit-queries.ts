// What the Logs screen reads (audit.list, audit.search, audit.session,
// audit.verify, audit.stats). Only the local store is read, so all of it works
// offline; every answer has the contract's shape exactly.
import { sql } from 'kysely';
import type { AuditDetail, AuditPage, AuditQuery, AuditSearch, AuditStats, ChainStatus } from '../../src-preload/contract';
import { ConsoleError } from '../core';
import type { AuditDatabase } from './audit-database';
import { bound, toAuditRow } from './audit-filters';
import { RowSelection, type RowsSort } from './audit-selection';

const DEFAULT_SORT: RowsSort = { field: 'startedAt', dir: 'desc' };

/** audit.search as parsed (filters and sort defaulted), or as a direct caller may leave them out. */
export type AuditSearchRequest = Omit<AuditSearch, 'filters' | 'sort'> & Partial<Pick<AuditSearch, 'filters' | 'sort'>>;

export class AuditQueries {
  constructor(private readonly database: AuditDatabase) {}

  list(query: AuditQuery): AuditPage {
    return this.page(RowSelection.filtered(this.database.db, query.filters), query);
  }

  /** Full text over reasons and names, local and mirrored, narrowed by the filters and sorted like the list. */
  search(request: AuditSearchRequest): AuditPage {
    const { filters = { source: 'all' }, sort = DEFAULT_SORT } = request;
    return this.page(RowSelection.searched(this.database.db, filters, request.text), { ...request, sort });
  }

  /**
   * One row with every stored field and its events. Ids: `local:12` (a session),
   * `server:impersonate:7` (the mirror's row 7, not Odoo's id: two servers share those).
   */
  session(id: string): AuditDetail {
    const local = /^local:(\d{1,15})$/.exec(id);
    if (local) return this.localDetail(id, Number(local[1]));
    const server = /^server:(impersonate|console):(\d{1,15})$/.exec(id);
    if (server) return this.serverDetail(id, server[1] as 'impersonate' | 'console', Number(server[2]));
    throw new ConsoleError('audit-invalid', 'audit.invalidSessionId', { id: id.slice(0, 100) });
  }

  verify(): ChainStatus {
    return this.database.events.verify();
  }

  /**
   * Impersonations per day and admin: the local sessions that started, plus the
   * console entries of other consoles (those of this one are the local sessions
   * already: same connection, same entry id). impersonate.log rows are left out: each console start has its
   * console entry too, and the log names admins by display name only.
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
            SELECT substr(started_at, 1, 10) AS day, COALESCE(admin, '?') AS admin
              FROM server_logs l
              WHERE kind = 'console' AND outcome = 'started' AND ${within('started_at')}
                AND NOT EXISTS (
                  SELECT 1 FROM sessions s WHERE s.server_log_id = l.server_id AND s.connection_key = l.server
                )
          )
          GROUP BY day, admin ORDER BY day, admin`.compile(db),
    });
    return { days: rows.map((row) => ({ day: row.day, admin: row.admin, count: row.count })) };
  }

  private page(selection: RowSelection, request: Pick<AuditQuery, 'page' | 'pageSize' | 'sort'>): AuditPage {
    const runner = this.database.sql;
    const rows = selection.rows(runner, request.sort, { limit: request.pageSize, offset: request.page * request.pageSize });
    return { total: selection.count(runner), rows: rows.map(toAuditRow) };
  }

  private localDetail(id: string, sessionId: number): AuditDetail {
    const { db, sql: runner } = this.database;
    const row = runner.first(db.selectFrom('local_audit_rows').selectAll().where('row_key', '=', sessionId));
    const stored = runner.first(db.selectFrom('sessions').selectAll().where('id', '=', sessionId));
    if (!row || !stored) throw new ConsoleError('not-found', 'audit.sessionNotFound', { id });
    const events = runner.all(
      db.selectFrom('audit_events').select(['at', 'type', 'payload']).where('session_id', '=', sessionId).orderBy('id'),
    );
    const { limiter_key: _limiterKey, ...fields } = stored;
    return {
      ...toAuditRow(row),
      fields: toFields(fields),
      events: events.map((event) => ({ at: event.at, type: event.type, detail: event.payload })),
    };
  }

  private serverDetail(id: string, kind: 'impersonate' | 'console', rowId: number): AuditDetail {
    const { db, sql: runner } = this.database;
    const stored = runner.first(db.selectFrom('server_logs').selectAll().where('id', '=', rowId).where('kind', '=', kind));
    const row = stored && runner.first(db.selectFrom('server_audit_rows').selectAll().where('row_key', '=', stored.id));
    if (!stored || !row) throw new ConsoleError('not-found', 'audit.sessionNotFound', { id });
    // Which server, under the name a local session's detail uses for it (the same
    // connection key, labelled "Server and database"), then the server's own record id.
    const { raw: _raw, id: _rowId, server, ...fields } = stored;
    const events = [
      ...(row.started_at ? [{ at: row.started_at, type: 'server-start', detail: stored.session_identifier ?? '' }] : []),
      ...(row.ended_at ? [{ at: row.ended_at, type: 'server-end', detail: stored.end_cause ?? '' }] : []),
    ];
    return { ...toAuditRow(row), fields: toFields({ connection_key: server, ...fields }), events };
  }
}

function toFields(record: Record<string, unknown>): Array<{ name: string; value: string }> {
  return Object.entries(record).map(([name, value]) => ({ name, value: value === null || value === undefined ? '' : String(value) }));
}
