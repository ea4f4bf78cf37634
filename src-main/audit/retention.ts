// Retention ("keep N days"). What goes:
// - refused and failed attempts older than the cutoff (the server never had them:
//   there is nothing to sync, the user chose to keep N days);
// - ended sessions older than the cutoff whose console entry is in the mirror of
//   their own server (the server's authoritative copy is safe locally before the
//   local one goes; another server's entry with the same id proves nothing);
// - mirror rows older than the cutoff that no kept session of their server
//   refers to (by its entry id, session identifier or impersonate.log row) and
//   that are closed on the server (they come back only if the server changes them).
// What stays: open or pending sessions, sessions whose server end is pending,
// started sessions with no mirrored counterpart, and their events.
// Events go only as a prefix of the chain; an anchor row keeps the last pruned
// hash, so verification starts from it and the chain stays checkable (AU-6).
// The 'pruned' event names the sessions removed (as id ranges) and the anchor written:
// the verifier accepts a session row gone or an anchor only when the chain says so.
import type { AuditDatabase } from './audit-database';
import { sql } from 'kysely';
import { toRanges } from './id-ranges';

export interface PruneResult {
  sessions: number;
  serverRows: number;
  events: number;
}

const DAY_MS = 86_400_000;

export function pruneAudit(database: AuditDatabase, keepDays: number, now: Date): PruneResult {
  const { db, sql: runner, events, health, guard } = database;
  const cutoff = new Date(now.getTime() - keepDays * DAY_MS).toISOString();
  const cutoffServer = `${cutoff.slice(0, 10)} ${cutoff.slice(11, 19)}`;
  return health.write(() =>
    runner.transaction(() => {
      const removable = runner.all(
        db
          .selectFrom('sessions')
          .select('id')
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
          )
          .orderBy('id'),
      ).map((row) => row.id);
      const removedSessions = toRanges(removable);
      let sessions = 0;
      guard.allow('session-delete', () => {
        for (const [from, to] of removedSessions) {
          sessions += runner.run(db.deleteFrom('sessions').where('id', '>=', from).where('id', '<=', to)).changes;
        }
      });

      const serverRows = runner.run(
        db
          .deleteFrom('server_logs')
          .where('create_date', '<', cutoffServer)
          .where((eb) => eb.or([eb('kind', '=', 'console'), eb('date_end', 'is not', null)]))
          // A kept session keeps its server records, linked by the same keys the Logs merge by.
          .where(
            sql<boolean>`NOT EXISTS (
              SELECT 1 FROM sessions s WHERE s.connection_key = server_logs.server AND (
                (server_logs.kind = 'console' AND (s.server_log_id = server_logs.server_id OR s.session_identifier = server_logs.session_identifier))
                OR (server_logs.kind = 'impersonate' AND s.impersonate_log_id = server_logs.server_id)))`,
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
      let newAnchor: { upToId: number; hash: string } | null = null;
      if (upToId - 1 > anchor.upToId) {
        const last = runner.first(db.selectFrom('audit_events').select(['id', 'hash']).where('id', '<', upToId).orderBy('id', 'desc').limit(1));
        if (last) {
          const count = runner.first(
            db.selectFrom('audit_events').select((eb) => eb.fn.countAll<number>().as('n')).where('id', '<=', last.id),
          )?.n ?? 0;
          // The anchor goes in first: the delete trigger only lets rows under an anchor go.
          guard.allow('anchor-insert', () =>
            runner.run(
              db.insertInto('audit_chain_anchor').values({ up_to_id: last.id, hash: last.hash, pruned: count, at: now.toISOString() }),
            ),
          );
          newAnchor = { upToId: last.id, hash: last.hash };
          prunedEvents = runner.run(db.deleteFrom('audit_events').where('id', '<=', last.id)).changes;
        }
      }
      if (sessions + serverRows + prunedEvents > 0) {
        events.append({
          at: now,
          type: 'pruned',
          sessionId: null,
          payload: { keepDays, cutoff, sessions, serverRows, events: prunedEvents, removedSessions, anchor: newAnchor },
        });
      }
      return { sessions, serverRows, events: prunedEvents };
    }),
  );
}
