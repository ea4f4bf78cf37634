// audit.export: the filtered (and, with text, searched) rows as CSV or JSON, one per
// impersonation as the Logs show it (merged-rows.ts). CSV cells that a spreadsheet
// would run as a formula (a leading = + - @, or a tab/CR that some programs
// skip before looking) are prefixed with an apostrophe (IN-1).
import type { AuditRow, ExportRequest, ExportResult } from '../../src-preload/contract';
import type { AuditDatabase } from './audit-database';
import { MergedRows } from './merged-rows';
import { RowSelection } from './audit-selection';

/** One line per impersonation; where it is known flattened into columns (AU-8). */
const COLUMNS = [
  'id',
  'source',
  'admin',
  'adminLogin',
  'target',
  'targetLogin',
  'startedAt',
  'endedAt',
  'durationSeconds',
  'reason',
  'clientIp',
  'serverIp',
  'outcome',
  'endCause',
  'refusal',
  'recordedHere',
  'consoleEntry',
  'odooLog',
  'outsideConsole',
  'serverAgreement',
  'integrity',
] as const;

type ExportLine = Record<(typeof COLUMNS)[number], string | number | null>;

function exportLine(row: AuditRow): ExportLine {
  const { provenance, ...rest } = row;
  const yes = (value: boolean) => (value ? 'yes' : 'no');
  return {
    ...rest,
    recordedHere: yes(provenance.recordedHere),
    consoleEntry: yes(provenance.consoleEntry),
    odooLog: yes(provenance.odooLog),
    outsideConsole: yes(provenance.outsideConsole),
    serverAgreement: provenance.differences.length > 0 ? `${provenance.agreement}: ${provenance.differences.join(' ')}` : provenance.agreement,
  };
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell: formula-escaped when it is text, then quoted when it must be (RFC 4180). */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(rows: Iterable<AuditRow>): string {
  const lines = [COLUMNS.join(',')];
  for (const row of rows) {
    const line = exportLine(row);
    lines.push(COLUMNS.map((column) => csvCell(line[column])).join(','));
  }
  // CRLF per RFC 4180; the BOM makes spreadsheet programs read the file as UTF-8.
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function exportAudit(database: AuditDatabase, request: ExportRequest, now: Date): ExportResult {
  // With text, the search's own selection: exactly the rows the screen lists (FTS and filters).
  const rows = new MergedRows(database).toRows(
    RowSelection.of(database.db, request.filters, request.text).rows(database.sql, { field: 'startedAt', dir: 'desc' }),
  );
  const stamp = now.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  if (request.format === 'csv') {
    return { fileName: `audit-${stamp}.csv`, mimeType: 'text/csv;charset=utf-8', content: toCsv(rows), rows: rows.length };
  }
  return {
    fileName: `audit-${stamp}.json`,
    mimeType: 'application/json',
    content: `${JSON.stringify({ exportedAt: now.toISOString(), rows }, null, 2)}\n`,
    rows: rows.length,
  };
}
