// FT-6: once the disk is full (or the file is unwritable) the store refuses
// every further write with the same clear error, so the impersonation flow
// refuses new impersonations instead of starting one it cannot record.
// Reads keep working: the Logs screen stays usable.
import { ConsoleError } from '../core';

/** SQLite result codes after which writing again is pointless until the user acts. */
const FATAL_CODES: Record<string, string> = {
  SQLITE_FULL: 'audit.diskFull',
  SQLITE_READONLY: 'audit.storageFailed',
  SQLITE_IOERR: 'audit.storageFailed',
  SQLITE_CORRUPT: 'audit.storageFailed',
  SQLITE_CANTOPEN: 'audit.storageFailed',
  SQLITE_NOTADB: 'audit.storageFailed',
};

function sqliteCode(error: unknown): string | null {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    if (typeof code === 'string' && code.startsWith('SQLITE_')) return code;
  }
  return null;
}

/** 'SQLITE_IOERR_WRITE' → 'SQLITE_IOERR' (extended codes share their primary's meaning). */
function primaryCode(code: string): string {
  const parts = code.split('_');
  return parts.slice(0, 2).join('_');
}

export class AuditHealth {
  private refusal: ConsoleError | null = null;

  /** The error every write answers while the store refuses, or null when healthy. */
  get unavailable(): ConsoleError | null {
    return this.refusal;
  }

  /** Runs a write; turns SQLite failures into ConsoleErrors and enters the refusing state on fatal ones. */
  write<T>(work: () => T): T {
    if (this.refusal) throw this.refusal;
    try {
      return work();
    } catch (error) {
      throw this.translate(error);
    }
  }

  private translate(error: unknown): unknown {
    if (error instanceof ConsoleError) return error;
    const code = sqliteCode(error);
    if (code === null) return error; // a programming error: let it surface as is
    const fatalKey = FATAL_CODES[primaryCode(code)];
    if (fatalKey) {
      this.refusal = new ConsoleError('audit-unavailable', fatalKey, { code }, { cause: error });
      return this.refusal;
    }
    if (primaryCode(code) === 'SQLITE_BUSY') {
      return new ConsoleError('audit-unavailable', 'audit.databaseBusy', { code }, { cause: error });
    }
    return new ConsoleError('audit-unavailable', 'audit.writeFailed', { code }, { cause: error });
  }
}
