// Keeps the local mirror of one server's audit records (SY-1..4, AU-7).
// One console may connect to several servers (staging, production) whose ids
// and write_dates have nothing in common, so rows, positions and the last-sync
// time are all keyed by the server (the connection key); a sync reads and
// writes only its own server's.
// Why a look-back window (docs/odoo.md, The server's own audit records): Odoo
// answers write_date to the second while it stores microseconds, stamps a row
// with its transaction's start, and hands out ids at insert, while rows appear
// at commit — so neither write_date nor id follows the order rows become
// visible, and no cursor on them alone is exact. Each pass therefore reads every
// row whose write_date is at or after (the newest already mirrored − W, 10
// minutes by default), paged by ascending id; a row committed by a transaction
// shorter than W is read by the next pass at the latest. De-duplication makes
// the overlap harmless: a row is keyed by its id and written only when its copy
// differs (its write_date or, for impersonate.log, its content — two edits in
// one second keep the same write_date), so nothing is counted twice and an
// edited row replaces its earlier copy. Rows and the position they bring the
// pass to commit in one transaction (several pages at a time, BATCH_ROWS at
// most), so an interruption anywhere leaves a state the next run continues from
// (mirror-position.ts).
// Differences are never silent: a row that changed without its write_date
// moving, or a console entry that disagrees with the local session it
// describes, is counted and recorded as a chained event; the server copy wins.
import type { SyncProgress, SyncResult } from '../../src-preload/contract';
import {
  ConsoleError,
  systemClock,
  type Clock,
  type ServerLogKind,
  type ServerLogRow,
  type ServerLogSource,
} from '../core';
import type { AuditDatabase } from './audit-database';
import { advance, passWindow, readPosition, writePosition, type MirrorPosition } from './mirror-position';
import { changedContent, mirrorColumns, type MirrorColumns } from './mirror-rows';
import { MirrorStatements } from './mirror-statements';
import { storedConnectionKey } from './audit-store';
import { lastSyncAt, recordSyncFinished } from './sync-state';

export interface MirrorSyncOptions {
  /** The server mirrored: its connection key (normalised base URL + database, never a secret). */
  serverKey: string;
  pageSize?: number;
  /** W of SY-1: how far before the newest mirrored write_date each pass reads (default 10 minutes). */
  lookBackSeconds?: number;
  clock?: Clock;
}

export type SyncProgressListener = (progress: SyncProgress) => void;

const KINDS: readonly ServerLogKind[] = ['impersonate', 'console'];

/** W: longer than any transaction that writes these rows is expected to stay open (docs/security.md, SY-1). */
export const DEFAULT_LOOK_BACK_SECONDS = 600;

/**
 * Rows per read. Each read makes the server filter the window again (and count it), so a
 * first sync of 100 000 rows in 50 reads spent ~1 s less reading than in 200 (simulator bench).
 */
const DEFAULT_PAGE_SIZE = 2000;

/** Rows written per transaction at most (several pages): bounds what a sync holds in memory. */
const BATCH_ROWS = 5000;

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
    this.pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
    this.lookBackSeconds = options.lookBackSeconds ?? DEFAULT_LOOK_BACK_SECONDS;
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

  /** Where this server's mirror of `kind` stands. */
  position(kind: ServerLogKind): MirrorPosition {
    return readPosition(this.database, this.server, kind);
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
    // The window stays the same for the whole pass; an interrupted pass resumes after its last id.
    let window = passWindow(this.position(kind), this.lookBackSeconds);
    let first = true;
    // Pages read but not yet written: committed together, up to BATCH_ROWS rows at a time.
    // Each commit costs an fsync (synchronous=FULL, AU-3) and a full-text segment, which
    // dominated a first sync when every page paid them. The batch bounds memory;
    // a read that fails still finds every page read before it written, as before.
    let pending: ServerLogRow[][] = [];
    let pendingRows = 0;
    let reading = this.source.readServerLogs(kind, window, this.pageSize);
    try {
      for (;;) {
        const page = await reading;
        if (first) {
          setTotal(page.total === null ? null : page.total);
          first = false;
        }
        const rows = this.checkedOrder(kind, window.afterId, page.rows);
        const passEnds = rows.length < this.pageSize;
        if (!passEnds) {
          // The next page is asked for before this one is written, so that the server
          // answers while SQLite works. Awaited at the next turn; if a write fails first,
          // its answer is dropped unread.
          window = { ...window, afterId: rows[rows.length - 1]!.serverId };
          reading = this.source.readServerLogs(kind, window, this.pageSize);
          reading.catch(() => undefined);
        }
        pending.push(rows);
        pendingRows += rows.length;
        if (passEnds || pendingRows >= BATCH_ROWS) {
          const pages = pending;
          pending = [];
          pendingRows = 0;
          // The write is synchronous: the request goes out first.
          if (!passEnds) await new Promise((resolve) => setImmediate(resolve));
          this.applyPages(kind, pages, tally, passEnds);
        }
        tally.fetched += rows.length;
        if (page.total !== null) setTotal(Math.max(page.total, tally.fetched - fetchedBefore));
        progressed();
        if (passEnds) return;
      }
    } catch (error) {
      // The pass did not end: what was read is written with the pass's position (SY-3, SY-4).
      if (pending.length > 0) this.applyPages(kind, pending, tally, false);
      throw error;
    }
  }

  /** Rows must come in ascending id order after the page's start, or the loop could spin or skip. */
  private checkedOrder(kind: ServerLogKind, afterId: number, rows: ServerLogRow[]): ServerLogRow[] {
    let previous = afterId;
    for (const row of rows) {
      if (row.kind !== kind || row.serverId <= previous) {
        throw new ConsoleError('sync-invalid', 'audit.syncOutOfOrder', { kind, serverId: row.serverId });
      }
      previous = row.serverId;
    }
    return rows;
  }

  /**
   * One transaction: the pages' rows, their difference events and the position after
   * each page (SY-3). Only the last page can end the pass.
   */
  private applyPages(kind: ServerLogKind, pages: readonly ServerLogRow[][], tally: Tally, passEnds: boolean): void {
    const { sql, health } = this.database;
    const at = new Date(this.clock.now());
    const pageTally = { inserted: 0, updated: 0, differences: 0 };
    health.write(() =>
      sql.transaction(() => {
        let position = this.position(kind);
        pages.forEach((rows, index) => {
          const pageNewest = this.applyRows(kind, rows, at, pageTally);
          const lastId = rows.length > 0 ? rows[rows.length - 1]!.serverId : null;
          position = advance(position, pageNewest, lastId, passEnds && index === pages.length - 1);
        });
        // Either side of a link may be in these pages: the start entry or its impersonate.log row.
        this.statements.linkStarts();
        writePosition(this.database, this.server, kind, position);
      }),
    );
    tally.inserted += pageTally.inserted;
    tally.updated += pageTally.updated;
    tally.differences += pageTally.differences;
  }

  /** One page's rows, inside applyPages' transaction; answers the newest write_date among them. */
  private applyRows(kind: ServerLogKind, rows: readonly ServerLogRow[], at: Date, pageTally: Omit<Tally, 'fetched'>): string | null {
    const { events } = this.database;
    let pageNewest: string | null = null;
    // Rows come in ascending id order (checkedOrder), so their copies are read together.
    const copies = this.statements.findCopies(kind, rows.map((row) => row.serverId));
    const fresh: MirrorColumns[] = [];
    for (const row of rows) {
      if (pageNewest === null || row.writeDate > pageNewest) pageNewest = row.writeDate;
      const columns = mirrorColumns(row);
      const existing = copies.get(row.serverId);
      if (!existing) {
        fresh.push(columns);
        pageTally.inserted += 1;
        pageTally.differences += this.compareWithLocal(row, at);
      } else if (existing.raw !== columns.raw) {
        // Same id, another version of the row: it replaces the copy (SY-1).
        this.statements.update(existing.id, columns);
        pageTally.updated += 1;
        // Only the server's own record can differ; who it names is resolved afresh at each read.
        const content = changedContent(existing.raw, columns.raw);
        if (content.length === 0) continue;
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
              fields: content,
              mirror: existing.raw,
            },
          });
        } else {
          pageTally.differences += this.compareWithLocal(row, at);
        }
      }
      // An identical copy is already mirrored: the window's overlap, skipped.
    }
    this.statements.insertAll(fresh);
    return pageNewest;
  }

  /**
   * A console entry written by this console must say what the local session says (AU-7).
   * Only sessions of this same connection count: another server's entry with the same id is another record.
   */
  private compareWithLocal(row: ServerLogRow, at: Date): number {
    // Only a start entry repeats the local record's facts.
    if (row.kind !== 'console' || row.message?.event !== 'start') return 0;
    const { events } = this.database;
    const local = this.statements.localSession(row.serverId);
    if (!local) return 0;
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
