// New audit rows "on the server", written straight into the Odoo simulator's
// tables (state.db) the way seedBulkLogs writes its history: half closed
// impersonate.log rows, half console ir.logging start entries. Used to measure
// and test an incremental mirror sync after the seeded history.
import type { SimState } from '../odoo-sim';
import { putHistoryRow, type HistoryStyle } from '../odoo-sim/seed';
import type { Table } from '../odoo-sim/table';

export interface AppendOptions {
  /** Time of the first row; rows follow `stepMs` apart (several share a second when it is below 1000). */
  start?: Date;
  stepMs?: number;
}

const APPENDED_STYLE: HistoryStyle = {
  host: 'bench-host',
  reason: (n) => `Follow-up support ticket #${n}`,
  identifier: (n) => `next${String(n).padStart(38, '0')}`,
};

/** Appends `count` rows after every existing id; answers how many went to each model. */
export function appendServerLogs(state: SimState, count: number, options: AppendOptions = {}): { impersonate: number; console: number } {
  const { db } = state;
  const start = (options.start ?? new Date()).getTime();
  const step = options.stepMs ?? 100;
  const next = { 'impersonate.log': afterLastId(db.table('impersonate.log')), 'ir.logging': afterLastId(db.table('ir.logging')) };
  const added = { impersonate: 0, console: 0 };
  for (let n = 0; n < count; n++) {
    added[putHistoryRow(db, n, new Date(start + n * step), (model) => next[model]++, APPENDED_STYLE)]++;
  }
  // put() skips the cache rebuild; one touch per model afterwards, as seedBulkLogs does.
  db.table('impersonate.log').touch();
  db.table('ir.logging').touch();
  return added;
}

function afterLastId(table: Table): number {
  let last = 0;
  for (const id of table.rows.keys()) if (id > last) last = id;
  return last + 1;
}
