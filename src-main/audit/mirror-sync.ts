// Keeps the local mirror of one server's audit records (SY-1..4, AU-7).
// One console may connect to several servers (staging, production) whose ids
// and write_dates have nothing in common, so rows, cursors and the last-sync
// time are all keyed by the server (the connection key); a sync reads and
// writes only its own server's. Per kind, pages are read after a
// (write_date, id) cursor taken from server data only; each page's upserts
// and the cursor move commit in one transaction, so an interruption anywhere
// leaves a state the next run simply continues from. A look-back window re-reads recent rows (late commits in
// Odoo carry their transaction's start time as write_date), and because
// upserts compare before writing, replays change nothing.
// Differences are never silent: a row that changed without its write_date
// moving, or a console entry that disagrees with the local session it
// describes, is counted and recorded as a chained event; the server copy wins.
import type { SyncProgress, SyncResult } from '../../src-preload/contract';
import {
  ConsoleError,
  systemClock,
  type Clock,
  type ServerLogCursor,
  type ServerLogKind,
  type ServerLogRow,
  type ServerLogSource,
} from '../core';
import type { AuditDatabase } from './audit-database';
import { changedFields, compareCursor, cursorOf, lookBack, mirrorColumns } from './mirror-rows';
import { MirrorStatements } from './mirror-statements';
import { storedConnectionKey } from './audit-store';
import { lastSyncAt, recordSyncFinished } from './sync-state';

export interface MirrorSyncOptions {
  /** The server mirrored: its connection key (normalised base URL + database, never a secret). */
  serverKey: string;
  pageSize?: number;
  /** SY-2; Odoo's write_date has one-second resolution and long transactions commit late. */
  lookBackSeconds?: number;
  clock?: Clock;
}

export type SyncProgressListener = (progress: SyncProgress) => void;

const KINDS: readonly ServerLogKind[] = ['impersonate', 'console'];

interface Tally {
  fetched: number;
  inserted: number;
  updated: number;
  differences: number;
}

export class MirrorSync {
  private readonly pageSize: number;
  private readonly lookBackSeconds: number;
  private readonly clock: Clock;
  private running: Promise<SyncResult> | null = null;
  private readonly statements: MirrorStatements;
  /** As sessions.connection_key holds it, so console entries join their local sessions. */
  readonly server: string;

  constructor(
    private readonly database: AuditDatabase,
    private readonly source: ServerLogSource,
    options: MirrorSyncOptions,
  ) {
    if (!options.serverKey) throw new TypeError('MirrorSync needs the key of the server it mirrors');
    this.server = storedConnectionKey(options.serverKey);
    this.pageSize = options.pageSize ?? 500;
    this.lookBackSeconds = options.lookBackSeconds ?? 300;
    this.clock = options.clock ?? systemClock;
    this.statements = new MirrorStatements(database.raw, this.server);
  }

  get isRunning(): boolean {
    return this.running !== null;
  }

  /** One full pass over every kind. A second call while one runs joins it. */
  syncOnce(onProgress: SyncProgressListener = () => {}): Promise<SyncResult> {
    this.running ??= this.run(onProgress).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** When this server's mirror last finished a full pass. */
  lastSyncAt(): string | null {
    return lastSyncAt(this.database, this.server);
  }

  cursor(kind: ServerLogKind): ServerLogCursor | null {
    const { db, sql } = this.database;
    const row = sql.first(
      db.selectFrom('sync_cursors').select(['write_date', 'server_id']).where('server', '=', this.server).where('kind', '=', kind),
    );
    return row ? { writeDate: row.write_date, id: row.server_id } : null;
  }

  private async run(onProgress: SyncProgressListener): Promise<SyncResult> {
    const tally: Tally = { fetched: 0, inserted: 0, updated: 0, differences: 0 };
    const totals = new Map<ServerLogKind, number | null>();
    const report = (done: boolean) => {
      const known = [...totals.values()];
      const total = known.some((t) => t === null) ? null : known.reduce<number>((sum, t) => sum + (t ?? 0), 0);
      onProgress({ fetched: tally.fetched, total: done ? tally.fetched : total, done });
    };
    for (const kind of KINDS) {
      await this.syncKind(kind, tally, (total) => totals.set(kind, total), () => report(false));
    }
    const finishedAt = new Date(this.clock.now()).toISOString();
    this.database.health.write(() => recordSyncFinished(this.database, this.server, finishedAt));
    report(true);
    return { ...tally, finishedAt };
  }

  private async syncKind(
    kind: ServerLogKind,
    tally: Tally,
    setTotal: (total: number | null) => void,
    progressed: () => void,
  ): Promise<void> {
    const fetchedBefore = tally.fetched;
    let readFrom = lookBack(this.cursor(kind), this.lookBackSeconds);
    let first = true;
    for (;;) {
      const page = await this.source.readServerLogs(kind, readFrom, this.pageSize);
      if (first) {
        setTotal(page.total === null ? null : page.total);
        first = false;
      }
      const rows = this.checkedOrder(kind, readFrom, page.rows);
      this.applyPage(kind, rows, tally);
      tally.fetched += rows.length;
      if (page.total !== null) setTotal(Math.max(page.total, tally.fetched - fetchedBefore));
      progressed();
      const last = rows[rows.length - 1];
      if (!last || rows.length < this.pageSize) return;
      readFrom = cursorOf(last);
    }
  }

  /** SY-1: rows must come strictly after the cursor and in order, or the loop could spin or skip. */
  private checkedOrder(kind: ServerLogKind, after: ServerLogCursor | null, rows: ServerLogRow[]): ServerLogRow[] {
    let previous = after;
    for (const row of rows) {
      if (row.kind !== kind || (previous !== null && compareCursor(cursorOf(row), previous) <= 0)) {
        throw new ConsoleError('sync-invalid', 'audit.syncOutOfOrder', { kind, serverId: row.serverId });
      }
      previous = cursorOf(row);
    }
    return rows;
  }

  /** One transaction: the rows, their difference events and the cursor (SY-3). */
  private applyPage(kind: ServerLogKind, rows: ServerLogRow[], tally: Tally): void {
    const { db, sql, events, health } = this.database;
    const at = new Date(this.clock.now());
    const pageTally = { inserted: 0, updated: 0, differences: 0 };
    health.write(() =>
      sql.transaction(() => {
        let cursor = this.cursor(kind);
        for (const row of rows) {
          const columns = mirrorColumns(row);
          const existing = this.statements.find(kind, row.serverId);
          if (!existing) {
            this.statements.insert(columns);
            pageTally.inserted += 1;
            pageTally.differences += this.compareWithLocal(row, at);
          } else if (existing.raw !== columns.raw) {
            this.statements.update(existing.id, columns);
            pageTally.updated += 1;
            if (existing.write_date >= row.writeDate) {
              // Same or older write_date but other content: the mirror was not what the
              // server holds. The server copy wins; the old values stay in the chain.
              pageTally.differences += 1;
              events.append({
                at,
                type: 'mirror-difference',
                sessionId: null,
                payload: {
                  server: this.server,
                  kind,
                  serverId: row.serverId,
                  fields: changedFields(existing.raw, columns.raw),
                  mirror: existing.raw,
                },
              });
            } else {
              pageTally.differences += this.compareWithLocal(row, at);
            }
          }
          if (cursor === null || compareCursor(cursorOf(row), cursor) > 0) cursor = cursorOf(row);
        }
        if (cursor !== null) {
          const values = { server: this.server, kind, write_date: cursor.writeDate, server_id: cursor.id };
          sql.run(
            db
              .insertInto('sync_cursors')
              .values(values)
              .onConflict((oc) =>
                oc.columns(['server', 'kind']).doUpdateSet({ write_date: values.write_date, server_id: values.server_id }),
              ),
          );
        }
      }),
    );
    tally.inserted += pageTally.inserted;
    tally.updated += pageTally.updated;
    tally.differences += pageTally.differences;
  }

  /**
   * A console entry written by this console must say what the local session says (AU-7).
   * Only sessions of this same connection count: another server's entry with the same id is another record.
   */
  private compareWithLocal(row: ServerLogRow, at: Date): number {
    if (row.kind !== 'console' || row.message === null) return 0;
    const { events } = this.database;
    const local = this.statements.localSession(row.serverId);
    if (!local || row.message.event !== 'start') return 0;
    const fields: string[] = [];
    if (local.reason !== row.message.reason) fields.push('reason');
    if (local.target_id !== row.message.target.id) fields.push('target');
    if (local.admin_login !== row.message.admin.login) fields.push('admin');
    if (local.session_identifier !== null && local.session_identifier !== row.message.sessionIdentifier) {
      fields.push('sessionIdentifier');
    }
    if (fields.length === 0) return 0;
    events.append({
      at,
      type: 'mirror-difference',
      sessionId: local.id,
      payload: { server: this.server, kind: row.kind, serverId: row.serverId, fields, localSessionId: local.id },
    });
    return 1;
  }
}
