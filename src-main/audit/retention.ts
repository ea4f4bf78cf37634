// Retention ("keep N days"). What goes:
// - refused and failed attempts older than the cutoff (the server never had them:
//   there is nothing to sync, the user chose to keep N days);
// - ended sessions older than the cutoff whose console entry is in the mirror of
//   their own server (the server's authoritative copy is safe locally before the
//   local one goes; another server's entry with the same id proves nothing);
// - mirror rows older than the cutoff that no kept session of their server
//   refers to and that are closed on the server (they come back only if the
//   server changes them).
// What stays: open or pending sessions, sessions whose server end is pending,
// started sessions with no mirrored counterpart, and their events.
// Events go only as a prefix of the chain; an anchor row keeps the last pruned
// hash, so verification starts from it and the chain stays checkable (AU-6).
import type { AuditDatabase } from './audit-database';
import { sql } from 'kysely';

export interface PruneResult {
  sessions: number;
  serverRows: number;
  events: number;
}

const DAY_MS = 86_400_000;

export function pruneAudit(database: AuditDatabase, keepDays: number, now: Date): PruneResult {
  const { db, sql: runner, events, health } = database;
  const cutoff = new Date(now.getTime() - keepDays * DAY_MS).toISOString();
  const cutoffServer = `${cutoff.slice(0, 10)} ${cutoff.slice(11, 19)}`;
  return health.write(() =>
    runner.transaction(() => {
      const sessions = runner.run(
        db
          .deleteFrom('sessions')
          .where('attempt_at', '<', cutoff)
          .where((eb) =>
            eb.or([
              eb('outcome', 'in', ['refused', 'failed']),
              eb.and([
                eb('outcome', '=', 'ended'),
                eb('server_end_pending', '=', 0),
                eb('ended_at_client', '<', cutoff),
                eb.exists(
                  eb
                    .selectFrom('server_logs')
                    .select('server_logs.id')
                    .where('server_logs.kind', '=', 'console')
                    .whereRef('server_logs.server', '=', 'sessions.connection_key')
                    .whereRef('server_logs.server_id', '=', 'sessions.server_log_id'),
                ),
              ]),
            ]),
          ),
      ).changes;

      const serverRows = runner.run(
        db
          .deleteFrom('server_logs')
          .where('create_date', '<', cutoffServer)
          .where((eb) => eb.or([eb('kind', '=', 'console'), eb('date_end', 'is not', null)]))
          .where(
            sql<boolean>`NOT (kind = 'console' AND EXISTS (
              SELECT 1 FROM sessions s WHERE s.connection_key = server_logs.server AND s.server_log_id = server_logs.server_id))`,
          ),
      ).changes;

      const anchor = events.anchor();
      const firstKept = runner.first(
        db
          .selectFrom('audit_events')
          .select((eb) => eb.fn.min<number>('id').as('id'))
          .where((eb) =>
            eb.or([eb('at', '>=', cutoff), eb('session_id', 'in', eb.selectFrom('sessions').select('sessions.id'))]),
          ),
      )?.id;
      const head = events.head();
      const upToId = firstKept ?? (head ? head.lastId + 1 : anchor.upToId + 1);
      let prunedEvents = 0;
      if (upToId - 1 > anchor.upToId) {
        const last = runner.first(db.selectFrom('audit_events').select(['id', 'hash']).where('id', '<', upToId).orderBy('id', 'desc').limit(1));
        if (last) {
          const count = runner.first(
            db.selectFrom('audit_events').select((eb) => eb.fn.countAll<number>().as('n')).where('id', '<=', last.id),
          )?.n ?? 0;
          // The anchor goes in first: the delete trigger only lets rows under an anchor go.
          runner.run(
            db.insertInto('audit_chain_anchor').values({ up_to_id: last.id, hash: last.hash, pruned: count, at: now.toISOString() }),
          );
          prunedEvents = runner.run(db.deleteFrom('audit_events').where('id', '<=', last.id)).changes;
        }
      }
      if (sessions + serverRows + prunedEvents > 0) {
        events.append({
          at: now,
          type: 'pruned',
          sessionId: null,
          payload: { keepDays, cutoff, sessions, serverRows, events: prunedEvents },
        });
      }
      return { sessions, serverRows, events: prunedEvents };
    }),
  );
}
