// The append-only audit_events table and its hash chain (AU-5, AU-6). Appends
// run inside the caller's transaction so an event and the row it describes
// commit together or not at all.
import type { Kysely } from 'kysely';
import type { ChainStatus } from '../../src-preload/contract';
import { GENESIS_HASH, canonicalJson, hashEvent, verifyChain, type ChainAnchor, type ChainHead, type ChainRow } from './hash-chain';
import type { AuditSchema } from './schema';
import type { SqlRunner } from './sql-runner';

export type AuditEventType =
  | 'attempt'
  | 'server-session'
  | 'start'
  | 'failure'
  | 'refusal'
  | 'end'
  | 'end-confirmed'
  | 'connect-refused'
  | 'server-setting'
  | 'mirror-difference'
  | 'pruned'
  | 'store-rebuilt'
  /** Issue 17: "Allow changes" with its reason; the view's timeline, its bounds and its summary. */
  | 'changes-allowed'
  | 'timeline'
  | 'timeline-bound'
  | 'timeline-summary'
  /** Issue 17.2: a connection's "Allow changes from the start" set or cleared. */
  | 'setting-changed';

export interface NewAuditEvent {
  at: Date;
  type: AuditEventType;
  sessionId: number | null;
  payload: Record<string, unknown>;
}

export class EventLog {
  constructor(
    private readonly db: Kysely<AuditSchema>,
    private readonly sql: SqlRunner,
  ) {}

  /** Appends one event chained to the current head. Call inside a transaction. */
  append(event: NewAuditEvent): ChainRow {
    const tip = this.head() ?? anchorAsHead(this.anchor());
    const unhashed = {
      // The id is chosen here (not by AUTOINCREMENT) so that it is part of the
      // hash: that is what makes a reordering or a renumbering detectable.
      id: tip.lastId + 1,
      at: event.at.toISOString(),
      type: event.type,
      session_id: event.sessionId,
      payload: canonicalJson(event.payload),
      prev_hash: tip.hash,
    };
    const row: ChainRow = { ...unhashed, hash: hashEvent(unhashed) };
    this.sql.run(this.db.insertInto('audit_events').values(row));
    this.sql.run(
      this.db
        .insertInto('audit_chain_head')
        .values({ singleton: 1, last_id: row.id, hash: row.hash })
        .onConflict((oc) => oc.column('singleton').doUpdateSet({ last_id: row.id, hash: row.hash })),
    );
    return row;
  }

  head(): ChainHead | null {
    const row = this.sql.first(this.db.selectFrom('audit_chain_head').select(['last_id', 'hash']).where('singleton', '=', 1));
    return row ? { lastId: row.last_id, hash: row.hash } : null;
  }

  anchor(): ChainAnchor {
    const row = this.sql.first(
      this.db.selectFrom('audit_chain_anchor').select(['up_to_id', 'hash']).orderBy('id', 'desc').limit(1),
    );
    return row ? { upToId: row.up_to_id, hash: row.hash } : { upToId: 0, hash: GENESIS_HASH };
  }

  /** Walks the whole chain (streamed, so a large log does not sit in memory). */
  verify(): ChainStatus {
    const rows = this.sql.iterate(this.db.selectFrom('audit_events').selectAll().orderBy('id', 'asc'));
    return verifyChain(rows, this.anchor(), this.head());
  }
}

function anchorAsHead(anchor: ChainAnchor): ChainHead {
  return { lastId: anchor.upToId, hash: anchor.hash };
}
