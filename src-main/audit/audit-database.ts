// Opens the audit database: WAL + synchronous=FULL (AU-3, both read back),
// integrity_check at every open, and a corrupt file moved aside with its
// -wal/-shm and replaced by a new one (FT-5). The caller tells the user and
// re-syncs the mirror when `rebuilt` is true.
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { ConsoleError } from '../core';
import { AuditHealth } from './audit-health';
import { EventLog } from './event-log';
import { migrate } from './migrations';
import type { AuditSchema } from './schema';
import { SqlRunner } from './sql-runner';
import { WriteGuard } from './write-guard';

export interface OpenAuditDatabaseOptions {
  /** e.g. `<userData>/audit.sqlite` */
  file: string;
  /** Path to the better-sqlite3 addon built for Electron's ABI, when not the default one. */
  nativeBinding?: string;
  /** For the moved-aside file's timestamp. */
  now?: () => number;
}

export interface AuditDatabase {
  readonly file: string;
  /** The better-sqlite3 addon it was opened with, when not the default (the verifier opens one in memory). */
  readonly nativeBinding?: string;
  readonly raw: Database.Database;
  readonly db: Kysely<AuditSchema>;
  readonly sql: SqlRunner;
  readonly events: EventLog;
  readonly health: AuditHealth;
  /** Allows the guarded writes while the console's own code makes them (write-guard.ts). */
  readonly guard: WriteGuard;
  /** true when the file was corrupt and has been replaced by an empty one. */
  readonly rebuilt: boolean;
  /** Where the corrupt file went (its -wal/-shm sit next to it with the same suffixes). */
  readonly movedTo: string | null;
  close(): void;
}

/** A corruption that integrity_check or SQLite itself reported at open. */
class CorruptDatabase extends Error {}

const WAL_LIMIT_BYTES = 8 * 1024 * 1024;

export function openAuditDatabase(options: OpenAuditDatabaseOptions): AuditDatabase {
  mkdirSync(dirname(options.file), { recursive: true });
  let movedTo: string | null = null;
  let raw: Database.Database;
  const guard = new WriteGuard();
  try {
    raw = openChecked(options, guard);
  } catch (error) {
    if (!(error instanceof CorruptDatabase) && !isCorruptionCode(error)) throw error;
    movedTo = moveAside(options.file, (options.now ?? Date.now)());
    raw = openChecked(options, guard);
  }
  const db = new Kysely<AuditSchema>({ dialect: new SqliteDialect({ database: raw }) });
  const sql = new SqlRunner(raw);
  const events = new EventLog(db, sql);
  if (movedTo !== null) {
    const at = new Date((options.now ?? Date.now)());
    sql.transaction(() => events.append({ at, type: 'store-rebuilt', sessionId: null, payload: { movedTo } }));
  }
  return {
    file: options.file,
    nativeBinding: options.nativeBinding,
    raw,
    db,
    sql,
    events,
    health: new AuditHealth(),
    guard,
    rebuilt: movedTo !== null,
    movedTo,
    close: () => {
      if (raw.open) raw.close();
    },
  };
}

function openChecked(options: OpenAuditDatabaseOptions, guard: WriteGuard): Database.Database {
  const raw = new Database(options.file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  // Before anything runs: the guarded tables' triggers call it (write-guard.ts).
  guard.install(raw);
  try {
    const integrity = raw.pragma('integrity_check') as Array<{ integrity_check: string }>;
    if (integrity.length !== 1 || integrity[0]?.integrity_check !== 'ok') {
      throw new CorruptDatabase(integrity.map((row) => row.integrity_check).join('; '));
    }
    const mode = raw.pragma('journal_mode = WAL', { simple: true });
    raw.pragma('synchronous = FULL');
    const synchronous = raw.pragma('synchronous', { simple: true });
    // FULL is 2. Anything else would make "durable when it returns" a lie (AU-3).
    if (String(mode).toLowerCase() !== 'wal' || synchronous !== 2) {
      throw new ConsoleError('audit-unavailable', 'audit.durabilityUnavailable', {
        journalMode: String(mode),
        synchronous: Number(synchronous),
      });
    }
    raw.pragma('busy_timeout = 5000');
    // Bounds the WAL left on disk after each checkpoint (LD-4).
    raw.pragma(`journal_size_limit = ${WAL_LIMIT_BYTES}`);
    migrate(raw);
    return raw;
  } catch (error) {
    raw.close();
    throw error;
  }
}

function isCorruptionCode(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}

function moveAside(file: string, nowMs: number): string {
  const stamp = new Date(nowMs).toISOString().replace(/[:.]/g, '-');
  const target = `${file}.corrupt-${stamp}`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, target + suffix);
  }
  return target;
}

/** Reads back the settings AU-3 requires; used by tests and by a health check. */
export function durabilitySettings(raw: Database.Database): { journalMode: string; synchronous: number } {
  return {
    journalMode: String(raw.pragma('journal_mode', { simple: true })),
    synchronous: Number(raw.pragma('synchronous', { simple: true })),
  };
}
