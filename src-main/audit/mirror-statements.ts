// The statements of a mirror sync, prepared once. A first sync writes 100 000
// rows; building and compiling a kysely query for each row cost more than
// SQLite's work, so this hot path binds parameters directly. A page's copies are
// read with one range scan, and its new rows written by multi-row INSERTs: the
// full-text trigger (fts-table.ts) still indexes every row, but FTS5 flushes its
// pending terms to a new segment at every statement, so one statement per row
// made one tiny segment per row, and merging them was most of a first sync's time.
// Every statement is bound to one server: rows of another never match.
import type Database from 'better-sqlite3';
import { LINK_STARTS } from './mirror-links';
import type { MirrorColumns } from './mirror-rows';

const COLUMNS = [
  'kind', 'server_id', 'write_date', 'create_date', 'admin_user_id', 'admin', 'target_user_id', 'target',
  'target_partner_id', 'date_start', 'date_end', 'started_at', 'ended_at', 'duration_seconds', 'reason',
  'client_ip', 'server_ip', 'session_identifier', 'end_cause', 'outcome', 'raw',
  'event', 'impersonate_log_id', 'admin_login', 'target_login', 'impersonate_log_after',
] as const;

type Bound = Record<(typeof COLUMNS)[number], string | number | null>;

/** New rows per INSERT statement: 100 × 27 parameters, far below SQLite's limit. */
const INSERT_CHUNK = 100;

/** Ids this many times as spread as the page's rows, or less, are read with one range scan. */
const DENSE_SPAN = 4;

export interface MirroredRow {
  id: number;
  server_id: number;
  write_date: string;
  raw: string;
}

export interface LocalCounterpart {
  id: number;
  reason: string;
  target_id: number;
  session_identifier: string | null;
  admin_login: string;
}

export class MirrorStatements {
  private readonly findRow: Database.Statement;
  private readonly findRange: Database.Statement;
  /** Multi-row INSERTs by their number of rows (1..INSERT_CHUNK), prepared when first needed. */
  private readonly inserts = new Map<number, Database.Statement>();
  private readonly updateRow: Database.Statement;
  private readonly findLocal: Database.Statement;
  private readonly linkStartsStatement: Database.Statement;

  /** `server`: the connection key, as sessions.connection_key holds it. */
  constructor(private readonly raw: Database.Database, private readonly server: string) {
    this.findRow = raw.prepare('SELECT id, server_id, write_date, raw FROM server_logs WHERE server = ? AND kind = ? AND server_id = ?');
    this.findRange = raw.prepare(
      'SELECT id, server_id, write_date, raw FROM server_logs WHERE server = ? AND kind = ? AND server_id BETWEEN ? AND ?',
    );
    // The server never changes: a row stays with the server it was read from.
    this.updateRow = raw.prepare(
      `UPDATE server_logs SET ${COLUMNS.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id AND server = @server`,
    );
    this.findLocal = raw.prepare(
      `SELECT id, reason, target_id, session_identifier, admin_login FROM sessions
       WHERE server_log_id = ? AND connection_key = ? ORDER BY id LIMIT 1`,
    );
    this.linkStartsStatement = raw.prepare(LINK_STARTS);
  }

  /**
   * The mirrored copies of `kind` among `serverIds` (ascending), by server id: one
   * range scan when the ids are dense, as a first sync's are; one lookup each when
   * they are sparse (a window holding a few old rows edited lately), so that the scan
   * never reads copies the page does not hold.
   */
  findCopies(kind: string, serverIds: readonly number[]): Map<number, MirroredRow> {
    const found = new Map<number, MirroredRow>();
    if (serverIds.length === 0) return found;
    const first = serverIds[0]!;
    const last = serverIds[serverIds.length - 1]!;
    if (last - first < serverIds.length * DENSE_SPAN) {
      for (const row of this.findRange.iterate(this.server, kind, first, last) as Iterable<MirroredRow>) found.set(row.server_id, row);
    } else {
      for (const serverId of serverIds) {
        const row = this.findRow.get(this.server, kind, serverId) as MirroredRow | undefined;
        if (row) found.set(serverId, row);
      }
    }
    return found;
  }

  /** New rows, in order (their local ids follow it), INSERT_CHUNK to a statement. */
  insertAll(rows: readonly MirrorColumns[]): void {
    for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
      const chunk = rows.slice(start, start + INSERT_CHUNK);
      const values: Array<string | number | null> = [];
      for (const columns of chunk) {
        values.push(this.server);
        for (const column of COLUMNS) values.push((columns[column] ?? null) as string | number | null);
      }
      this.insertStatement(chunk.length).run(values);
    }
  }

  /** Links the start entries that name a mark to their rows, where those are mirrored by now (mirror-links.ts). */
  linkStarts(): void {
    this.linkStartsStatement.run(this.server);
  }

  update(id: number, columns: MirrorColumns): void {
    this.updateRow.run({ ...bind(columns), id, server: this.server });
  }

  private insertStatement(rows: number): Database.Statement {
    let statement = this.inserts.get(rows);
    if (!statement) {
      const one = `(${['server', ...COLUMNS].map(() => '?').join(', ')})`;
      statement = this.raw.prepare(`INSERT INTO server_logs (server, ${COLUMNS.join(', ')}) VALUES ${Array(rows).fill(one).join(', ')}`);
      this.inserts.set(rows, statement);
    }
    return statement;
  }

  /**
   * The local session whose start wrote this console entry, if it was this
   * console talking to this same server: ir.logging ids of two servers overlap.
   */
  localSession(serverLogId: number): LocalCounterpart | undefined {
    return this.findLocal.get(serverLogId, this.server) as LocalCounterpart | undefined;
  }
}

function bind(columns: MirrorColumns): Bound {
  const bound = {} as Bound;
  for (const column of COLUMNS) bound[column] = (columns[column] ?? null) as string | number | null;
  return bound;
}
