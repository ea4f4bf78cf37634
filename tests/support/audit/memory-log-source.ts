// An in-memory ServerLogSource with the semantics the Odoo connector promises:
// rows of a kind strictly after (write_date, id), in that order, `total` counted
// in the same trip. Tests change rows "on the server" and can make reads fail.
import type { ServerLogCursor, ServerLogKind, ServerLogPage, ServerLogRow, ServerLogSource } from '../../../src-main/core/ports/server-logs';

function after(row: ServerLogRow, cursor: ServerLogCursor | null): boolean {
  if (cursor === null) return true;
  return row.writeDate > cursor.writeDate || (row.writeDate === cursor.writeDate && row.serverId > cursor.id);
}

function byCursor(a: ServerLogRow, b: ServerLogRow): number {
  return a.writeDate === b.writeDate ? a.serverId - b.serverId : a.writeDate < b.writeDate ? -1 : 1;
}

export class MemoryLogSource implements ServerLogSource {
  private readonly rows = new Map<string, ServerLogRow>();
  private sorted: Record<ServerLogKind, ServerLogRow[]> | null = null;
  reads = 0;
  /** When set, called before each read; throw from it to simulate a dropped connection. */
  beforeRead: ((read: number) => void) | null = null;

  constructor(rows: Iterable<ServerLogRow> = []) {
    for (const row of rows) this.put(row);
  }

  /** Adds or replaces a row (as the server would after a write). */
  put(row: ServerLogRow): void {
    this.rows.set(`${row.kind}:${row.serverId}`, row);
    this.sorted = null;
  }

  all(): ServerLogRow[] {
    return [...this.rows.values()];
  }

  async readServerLogs(kind: ServerLogKind, cursor: ServerLogCursor | null, limit: number): Promise<ServerLogPage> {
    this.reads += 1;
    this.beforeRead?.(this.reads);
    const ordered = this.ordered()[kind];
    let start = 0;
    let end = ordered.length;
    while (start < end) {
      const mid = (start + end) >> 1;
      if (after(ordered[mid]!, cursor)) end = mid;
      else start = mid + 1;
    }
    return { rows: ordered.slice(start, start + limit), total: ordered.length - start };
  }

  private ordered(): Record<ServerLogKind, ServerLogRow[]> {
    if (!this.sorted) {
      const all = [...this.rows.values()].sort(byCursor);
      this.sorted = { impersonate: all.filter((r) => r.kind === 'impersonate'), console: all.filter((r) => r.kind === 'console') };
    }
    return this.sorted;
  }
}
