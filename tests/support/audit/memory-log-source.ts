// An in-memory ServerLogSource with the semantics the Odoo connector promises
// (SY-1): the rows of a kind in the window — write_date at or after `since`, id
// above `afterId` — in ascending id order, `total` counted in the same trip.
// Tests change rows "on the server" (a late commit is a put() with an older
// write_date and any id) and can make reads fail.
import type { ServerLogKind, ServerLogPage, ServerLogRow, ServerLogSource, ServerLogWindow } from '../../../src-main/core/ports/server-logs';

export class MemoryLogSource implements ServerLogSource {
  private readonly rows = new Map<string, ServerLogRow>();
  private sorted: Record<ServerLogKind, ServerLogRow[]> | null = null;
  reads = 0;
  /** Every window asked for, in order. */
  readonly windows: ServerLogWindow[] = [];
  /** When set, called before each read; throw from it to simulate a dropped connection. */
  beforeRead: ((read: number) => void) | null = null;

  constructor(rows: Iterable<ServerLogRow> = []) {
    for (const row of rows) this.put(row);
  }

  /** Adds or replaces a row (as the server would after a write or a commit). */
  put(row: ServerLogRow): void {
    this.rows.set(`${row.kind}:${row.serverId}`, row);
    this.sorted = null;
  }

  all(): ServerLogRow[] {
    return [...this.rows.values()];
  }

  async readServerLogs(kind: ServerLogKind, window: ServerLogWindow, limit: number): Promise<ServerLogPage> {
    this.reads += 1;
    this.windows.push(window);
    this.beforeRead?.(this.reads);
    const inWindow = this.ordered()[kind].filter((row) => row.serverId > window.afterId && (window.since === null || row.writeDate >= window.since));
    return { rows: inWindow.slice(0, limit), total: inWindow.length };
  }

  private ordered(): Record<ServerLogKind, ServerLogRow[]> {
    if (!this.sorted) {
      const all = [...this.rows.values()].sort((a, b) => a.serverId - b.serverId);
      this.sorted = { impersonate: all.filter((r) => r.kind === 'impersonate'), console: all.filter((r) => r.kind === 'console') };
    }
    return this.sorted;
  }
}
