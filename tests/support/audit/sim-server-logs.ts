// New audit rows "on the server", written straight into the Odoo simulator's
// tables (state.db) with the same shapes seedBulkLogs uses: half closed
// impersonate.log rows, half console ir.logging start entries. Used to measure
// and test an incremental mirror sync after the seeded history.
import { CONSOLE_LOG_NAME, type ConsoleLogMessage } from '../../../src-main/audit/server-log-source';
import { toOdooDatetime } from '../../../src-main/odoo/odoo-time';
import type { SimState } from '../odoo-sim';
import { PARTNER_ID_OFFSET } from '../odoo-sim/seed';
import type { Table } from '../odoo-sim/table';
const TARGETS = [7, 8, 9] as const;

export interface AppendOptions {
  /** Time of the first row; rows follow `stepMs` apart (several share a second when it is below 1000). */
  start?: Date;
  stepMs?: number;
}

/** Appends `count` rows after every existing id; answers how many went to each model. */
export function appendServerLogs(state: SimState, count: number, options: AppendOptions = {}): { impersonate: number; console: number } {
  const { db } = state;
  const impersonate = db.table('impersonate.log');
  const logging = db.table('ir.logging');
  const start = (options.start ?? new Date()).getTime();
  const step = options.stepMs ?? 100;
  let nextImpersonate = afterLastId(impersonate);
  let nextConsole = afterLastId(logging);
  const added = { impersonate: 0, console: 0 };
  for (let n = 0; n < count; n++) {
    const when = new Date(start + n * step);
    const at = toOdooDatetime(when);
    const target = TARGETS[n % TARGETS.length]!;
    if (n % 2 === 0) {
      impersonate.put({
        id: nextImpersonate++,
        user_id: 2,
        impersonated_partner_id: target + PARTNER_ID_OFFSET,
        date_start: at,
        date_end: at,
        create_date: at,
        write_date: at,
      });
      added.impersonate++;
      continue;
    }
    const user = db.user(target);
    const message: ConsoleLogMessage = {
      event: 'start',
      app: 'Impersonation Console',
      appVersion: '0.1.0',
      host: 'bench-host',
      admin: { uid: 2, login: 'admin' },
      target: { id: target, login: String(user?.login), name: String(user?.name) },
      reason: `Follow-up support ticket #${n}`,
      sessionIdentifier: `next${String(n).padStart(38, '0')}`,
      clientIp: '127.0.0.1',
      serverIp: '127.0.0.1',
      at: when.toISOString(),
    };
    logging.put({
      id: nextConsole++,
      name: CONSOLE_LOG_NAME,
      type: 'client',
      dbname: db.options.database,
      level: 'INFO',
      message: JSON.stringify(message),
      path: CONSOLE_LOG_NAME,
      func: 'start',
      line: '0',
      create_uid: 2,
      create_date: at,
      write_uid: 2,
      write_date: at,
    });
    added.console++;
  }
  // put() skips the cache rebuild; one touch per model afterwards, as seedBulkLogs does.
  impersonate.touch();
  logging.touch();
  return added;
}

function afterLastId(table: Table): number {
  let last = 0;
  for (const id of table.rows.keys()) if (id > last) last = id;
  return last + 1;
}
