// The per-row statements of a mirror sync, prepared once. A first sync runs
// them 100 000 times; building and compiling a kysely query for each row cost
// more than SQLite's work, so this hot path binds named parameters directly.
// Every statement is bound to one server: rows of another never match.
import type Database from 'better-sqlite3';
import type { MirrorColumns } from './mirror-rows';

const COLUMNS = [
  'kind', 'server_id', 'write_date', 'create_date', 'admin_user_id', 'admin', 'target_user_id', 'target',
  'target_partner_id', 'date_start', 'date_end', 'started_at', 'ended_at', 'duration_seconds', 'reason',
  'client_ip', 'server_ip', 'session_identifier', 'end_cause', 'outcome', 'raw',
  'event', 'impersonate_log_id', 'admin_login', 'target_login',
] as const;

type Bound = Record<(typeof COLUMNS)[number], string | number | null>;

export interface MirroredRow {
  id: number;
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
  private readonly insertRow: Database.Statement;
  private readonly updateRow: Database.Statement;
  private readonly findLocal: Database.Statement;

  /** `server`: the connection key, as sessions.connection_key holds it. */
  constructor(raw: Database.Database, private readonly server: string) {
    this.findRow = raw.prepare('SELECT id, write_date, raw FROM server_logs WHERE server = ? AND kind = ? AND server_id = ?');
    this.insertRow = raw.prepare(
      `INSERT INTO server_logs (server, ${COLUMNS.join(', ')}) VALUES (@server, ${COLUMNS.map((c) => `@${c}`).join(', ')})`,
    );
    // The server never changes: a row stays with the server it was read from.
    this.updateRow = raw.prepare(
      `UPDATE server_logs SET ${COLUMNS.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id AND server = @server`,
    );
    this.findLocal = raw.prepare(
      `SELECT id, reason, target_id, session_identifier, admin_login FROM sessions
       WHERE server_log_id = ? AND connection_key = ? ORDER BY id LIMIT 1`,
    );
  }

  find(kind: string, serverId: number): MirroredRow | undefined {
    return this.findRow.get(this.server, kind, serverId) as MirroredRow | undefined;
  }

  insert(columns: MirrorColumns): void {
    this.insertRow.run({ ...bind(columns), server: this.server });
  }

  update(id: number, columns: MirrorColumns): void {
    this.updateRow.run({ ...bind(columns), id, server: this.server });
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
