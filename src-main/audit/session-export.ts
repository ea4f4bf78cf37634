// One session exported with its timeline (issue 17.3): the Logs' details offer it as
// CSV (one line per timeline entry, the session's id and people on each) or JSON (the
// session's details and its whole timeline). Names and ids only, as the timeline
// keeps them: no field value is in it to export.
import type { AuditDetail, ExportResult, TimelineEntry } from '../../src-preload/contract';
import type { AuditDatabase } from './audit-database';
import { csvCell } from './audit-export';
import { readSessionTimeline } from './session-timeline';

const COLUMNS = ['session', 'admin', 'target', 'at', 'kind', 'model', 'method', 'route', 'ids', 'idCount', 'action', 'page', 'allowed', 'refusal', 'writes', 'count'] as const;

function line(session: AuditDetail, entry: TimelineEntry): string {
  const cells: Record<(typeof COLUMNS)[number], string | number | null> = {
    session: session.id,
    admin: session.admin,
    target: session.target,
    at: entry.at,
    kind: entry.kind,
    model: entry.model,
    method: entry.method,
    route: entry.route,
    ids: entry.ids.join(' '),
    idCount: entry.idCount,
    action: entry.action,
    page: entry.page,
    allowed: entry.allowed ? 'yes' : 'no',
    refusal: entry.refusal,
    writes: entry.writes ? 'yes' : 'no',
    count: entry.count,
  };
  return COLUMNS.map((column) => csvCell(cells[column])).join(',');
}

export function exportSession(database: AuditDatabase, session: AuditDetail, format: 'csv' | 'json', now: Date): ExportResult {
  const timeline = readSessionTimeline(database, session.id, 'all');
  const name = `session-${session.id.replace(/[^A-Za-z0-9]+/g, '-')}`;
  if (format === 'csv') {
    const lines = [COLUMNS.join(','), ...timeline.entries.map((entry) => line(session, entry))];
    return { fileName: `${name}.csv`, mimeType: 'text/csv;charset=utf-8', content: `\uFEFF${lines.join('\r\n')}\r\n`, rows: timeline.entries.length };
  }
  return {
    fileName: `${name}.json`,
    mimeType: 'application/json',
    content: `${JSON.stringify({ exportedAt: now.toISOString(), session, timeline }, null, 2)}\n`,
    rows: timeline.entries.length,
  };
}
