// The Logs screen's filters as SQL over the audit_rows views (local sessions
// and mirrored server rows share one shape there, see migrations.ts).
import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { AuditFilters } from '../../src-preload/contract';
import { ConsoleError } from '../core';
import type { AuditSchema } from './schema';

export type RowsView = 'audit_rows' | 'local_audit_rows' | 'server_audit_rows';
export type RowsQuery = SelectQueryBuilder<AuditSchema, RowsView, object>;

export function viewFor(source: AuditFilters['source'] | undefined): RowsView {
  if (source === 'local') return 'local_audit_rows';
  if (source === 'server') return 'server_audit_rows';
  return 'audit_rows';
}

/** `%text%` for LIKE, with the user's own % and _ taken literally. */
function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A bound as the ISO text the rows hold. A bare date as `to` means the whole
 * day, so it becomes the next midnight (exclusive).
 */
export function bound(value: string, side: 'from' | 'to'): { iso: string; inclusive: boolean } {
  const ms = Date.parse(DATE_ONLY.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(ms)) throw new ConsoleError('audit-invalid', 'audit.invalidDate', { value });
  if (side === 'to' && DATE_ONLY.test(value)) return { iso: new Date(ms + 86_400_000).toISOString(), inclusive: false };
  return { iso: new Date(ms).toISOString(), inclusive: true };
}

export function applyFilters<Q extends RowsQuery>(query: Q, filters: Partial<AuditFilters>): Q {
  let q: RowsQuery = query;
  if (filters.admin?.trim()) {
    const p = containing(filters.admin.trim());
    q = q.where(sql<boolean>`(admin LIKE ${p} ESCAPE '\\' OR admin_alt LIKE ${p} ESCAPE '\\')`);
  }
  if (filters.target?.trim()) {
    const p = containing(filters.target.trim());
    q = q.where(sql<boolean>`(target LIKE ${p} ESCAPE '\\' OR target_alt LIKE ${p} ESCAPE '\\')`);
  }
  if (filters.from) q = q.where(sql<boolean>`started_at >= ${bound(filters.from, 'from').iso}`);
  if (filters.to) {
    const to = bound(filters.to, 'to');
    q = q.where(to.inclusive ? sql<boolean>`started_at <= ${to.iso}` : sql<boolean>`started_at < ${to.iso}`);
  }
  if (filters.outcome) q = q.where(sql<boolean>`outcome = ${filters.outcome}`);
  return q as Q;
}

export function baseQuery(db: Kysely<AuditSchema>, filters: Partial<AuditFilters>): RowsQuery {
  return applyFilters(db.selectFrom(viewFor(filters.source)), filters);
}
