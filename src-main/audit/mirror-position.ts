// Where the mirror of one server's kind of audit rows stands (SY-1, SY-3): the
// newest write_date a finished pass mirrored, and the pass in progress. A pass
// reads every row whose write_date is at or after (newest − look-back window),
// by ascending id; it may be interrupted anywhere and resumes after the last id
// it stored (SY-4). Only a finished pass moves `newest`: rows a pass has not
// reached yet may carry any write_date, so the window moves only once all were read.
import type { ServerLogKind, ServerLogWindow } from '../core';
import type { AuditDatabase } from './audit-database';

export interface MirrorPosition {
  newest: string | null;
  passAfterId: number;
  passNewest: string | null;
}

const NONE: MirrorPosition = { newest: null, passAfterId: 0, passNewest: null };

export function readPosition(database: AuditDatabase, server: string, kind: ServerLogKind): MirrorPosition {
  const { db, sql } = database;
  const row = sql.first(
    db
      .selectFrom('sync_positions')
      .select(['newest_write_date', 'pass_after_id', 'pass_newest_write_date'])
      .where('server', '=', server)
      .where('kind', '=', kind),
  );
  return row ? { newest: row.newest_write_date, passAfterId: row.pass_after_id, passNewest: row.pass_newest_write_date } : NONE;
}

/** Inside the page's transaction (SY-3). */
export function writePosition(database: AuditDatabase, server: string, kind: ServerLogKind, position: MirrorPosition): void {
  const { db, sql } = database;
  const values = { newest_write_date: position.newest, pass_after_id: position.passAfterId, pass_newest_write_date: position.passNewest };
  sql.run(
    db
      .insertInto('sync_positions')
      .values({ server, kind, ...values })
      .onConflict((oc) => oc.columns(['server', 'kind']).doUpdateSet(values)),
  );
}

/** The window a pass reads: from `lookBackSeconds` before the newest write_date mirrored, after the pass's last id. */
export function passWindow(position: MirrorPosition, lookBackSeconds: number): ServerLogWindow {
  return { since: windowStart(position.newest, lookBackSeconds), afterId: position.passAfterId };
}

/** A whole second `seconds` before `newest`; null (read everything) before the first finished pass. */
export function windowStart(newest: string | null, seconds: number): string | null {
  if (newest === null) return null;
  const ms = Date.parse(`${newest.replace(' ', 'T')}Z`);
  if (Number.isNaN(ms)) return null; // unreadable: read everything, the de-duplication makes it harmless
  const start = new Date(ms - Math.max(0, seconds) * 1000).toISOString();
  return `${start.slice(0, 10)} ${start.slice(11, 19)}`;
}

/** The later of two server write_dates (same format, so they compare as text). */
export function later(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a >= b ? a : b;
}

/** After one page: the pass moves on, or, when the page was its last, ends and moves `newest`. */
export function advance(position: MirrorPosition, pageNewest: string | null, lastId: number | null, passEnds: boolean): MirrorPosition {
  const passNewest = later(position.passNewest, pageNewest);
  if (passEnds) return { newest: later(position.newest, passNewest), passAfterId: 0, passNewest: null };
  return { newest: position.newest, passAfterId: lastId ?? position.passAfterId, passNewest };
}
