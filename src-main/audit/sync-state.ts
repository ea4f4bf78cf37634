// When each server's mirror last finished a full pass. One sync_state row per
// server (`last_sync_at:<server key>`), ISO UTC text, so the most recent over
// every server is the greatest value.
import { sql as raw } from 'kysely';
import type { AuditDatabase } from './audit-database';

const PREFIX = 'last_sync_at:';

function keyOf(server: string): string {
  return `${PREFIX}${server}`;
}

/** The last finished sync of one server's mirror, or null if it never finished one. */
export function lastSyncAt(database: AuditDatabase, server: string): string | null {
  const { db, sql } = database;
  return sql.first(db.selectFrom('sync_state').select('value').where('key', '=', keyOf(server)))?.value ?? null;
}

/** The most recent finished sync of any server's mirror: what the Logs screen shows while offline. */
export function latestSyncAt(database: AuditDatabase): string | null {
  const { db, sql } = database;
  // GLOB, not LIKE: the prefix's "_" would be a LIKE wildcard. The prefix holds no GLOB metacharacter.
  const row = sql.first(
    db
      .selectFrom('sync_state')
      .select((eb) => eb.fn.max<string | null>('value').as('value'))
      .where(raw<boolean>`key GLOB ${`${PREFIX}*`}`),
  );
  return row?.value ?? null;
}

export function recordSyncFinished(database: AuditDatabase, server: string, at: string): void {
  const { db, sql } = database;
  sql.run(
    db
      .insertInto('sync_state')
      .values({ key: keyOf(server), value: at })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: at })),
  );
}
