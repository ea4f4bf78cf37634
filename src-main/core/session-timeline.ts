// The session's timeline (issue 17.3): every request of the view that reaches a model
// method, a button, an action or one of the web client's JSON routes, and every
// refused one, stamped in main and written to the chained local audit in batches.
// Pages, assets, images, the web client's plumbing and an allowed bus are left out:
// they reach no data. Identifiers only (view-policy/view-call.ts), never a value.
//
// Volume (a busy page makes many calls): identical requests in a row are merged into
// one entry with a count; entries are written in batches (TIMELINE_LIMITS.batchSize,
// or flushMs after the first one waits), one transaction each; and a session itemises
// at most `entries` of them. Past `reads` entries, allowed reads are only counted —
// changes and refusals are still itemised — and past `entries` nothing more is; each
// bound is written once into the timeline when reached. The counts per model and
// method keep going whatever the bound, so the summary at the stop (and the server's
// end entry) covers every call. A batch that cannot be written stays in memory (the
// bound caps it) and is retried with the next one; the stop says if it never went.
import type { Clock } from './clock';
import type { ChangesMode, TimelineBound, TimelineEntry, TimelineSummary, TimelineSummaryRow, ViewActivity } from './ports';
import type { Scheduler } from './scheduler';

export const TIMELINE_LIMITS = {
  /** Entries itemised per session in all. */
  entries: 2000,
  /** Past this many entries, allowed reads are only counted. */
  reads: 1500,
  /** A batch is written once it holds this many entries… */
  batchSize: 50,
  /** …or this long after its first entry arrived. */
  flushMs: 2000,
  /** Lines of the summary the server's end entry holds; the rest are added up. */
  summaryRows: 100,
};

export type TimelineLimits = typeof TIMELINE_LIMITS;

export type TimelineWriter = (entries: readonly TimelineEntry[], bound: TimelineBound | null) => Promise<void>;

/** The web client's roots: a request from there is named by the action last loaded (17 keeps the action in the URL's hash). */
const CLIENT_ROOTS = new Set(['/', '/web', '/odoo']);
const MAX_PAGE = 120;

export class SessionTimeline {
  private pending: TimelineEntry[] = [];
  private pendingBounds: TimelineBound[] = [];
  private itemised = 0;
  private counted = 0;
  private readsBounded = false;
  private allBounded = false;
  private lastAction: string | null = null;
  private readonly rows = new Map<string, TimelineSummaryRow>();
  private cancelTimer: (() => void) | null = null;
  private writing: Promise<void> = Promise.resolve();
  private closed = false;
  /** The last batch could not be written (it is retried with the next). */
  private failing = false;

  constructor(
    private readonly write: TimelineWriter,
    private readonly clock: Clock,
    private readonly scheduler: Scheduler,
    private readonly limits: TimelineLimits = TIMELINE_LIMITS,
  ) {}

  record(activity: ViewActivity): void {
    if (this.closed) return;
    const { call } = activity;
    if (activity.allowed && call.kind === 'action' && call.action !== null) this.lastAction = call.action;
    if (activity.allowed && (call.kind === 'resource' || call.kind === 'plumbing' || call.kind === 'bus')) return;
    const writes = activity.effect !== 'read';
    this.count(activity, writes);
    if (this.allBounded || (this.readsBounded && activity.allowed && !writes)) return;
    const entry: TimelineEntry = {
      at: new Date(this.clock.now()),
      kind: call.kind,
      route: call.route,
      model: call.model,
      method: call.method,
      ids: [...call.ids],
      idCount: call.idCount,
      action: call.action,
      allowed: activity.allowed,
      refusal: activity.refusal,
      writes,
      page: pageOf(activity.referrer, this.lastAction),
      count: 1,
    };
    const last = this.pending[this.pending.length - 1];
    if (last && sameRequest(last, entry)) {
      last.count += 1;
      return;
    }
    this.pending.push(entry);
    this.itemised += 1;
    this.checkBounds(entry.at);
    if (this.pending.length >= this.limits.batchSize) void this.flush();
    else this.cancelTimer ??= this.scheduler.after(this.limits.flushMs, () => void this.flush());
  }

  /** Writes what waits now (one transaction); resolves once written or failed. */
  flush(): Promise<void> {
    this.cancelTimer?.();
    this.cancelTimer = null;
    const entries = this.pending;
    const bounds = this.pendingBounds;
    this.pending = [];
    this.pendingBounds = [];
    if (entries.length === 0 && bounds.length === 0) return this.writing;
    this.writing = this.writing.then(async () => {
      try {
        // Two bounds can be reached within one batch: the second goes with an empty batch of its own.
        await this.write(entries, bounds[0] ?? null);
        for (const bound of bounds.slice(1)) await this.write([], bound);
        this.failing = false;
      } catch {
        // Kept for the next batch, in order: the bound keeps what waits in memory finite.
        this.pending = [...entries, ...this.pending];
        this.pendingBounds = [...bounds, ...this.pendingBounds];
        this.failing = true;
      }
    });
    return this.writing;
  }

  /** At the stop: nothing more is recorded; the last batch is written. Answers whether everything was. */
  async close(): Promise<boolean> {
    this.closed = true;
    await this.flush();
    return !this.failing;
  }

  summary(mode: TimelineSummary['mode']): TimelineSummary {
    const ranked = [...this.rows.values()].sort(
      (a, b) => Number(b.writes) - Number(a.writes) || b.refused - a.refused || b.calls - a.calls || a.route.localeCompare(b.route),
    );
    const kept = ranked.slice(0, this.limits.summaryRows).map((row) => ({ ...row }));
    const otherCalls = ranked.slice(this.limits.summaryRows).reduce((sum, row) => sum + row.calls, 0);
    return { mode, rows: kept, otherCalls, itemised: this.itemised, counted: this.counted, bounded: this.readsBounded || this.allBounded };
  }

  private count(activity: ViewActivity, writes: boolean): void {
    const { call } = activity;
    this.counted += 1;
    const key = JSON.stringify([call.kind, call.model, call.method, call.model && call.method ? '' : call.route]);
    const row = this.rows.get(key) ?? { kind: call.kind, model: call.model, method: call.method, route: call.route, calls: 0, refused: 0, writes: false };
    row.calls += 1;
    if (!activity.allowed) row.refused += 1;
    row.writes ||= writes;
    this.rows.set(key, row);
  }

  private checkBounds(at: Date): void {
    if (!this.readsBounded && this.itemised >= this.limits.reads) {
      this.readsBounded = true;
      this.pendingBounds.push({ at, what: 'reads', itemised: this.itemised, limit: this.limits.reads });
    }
    if (!this.allBounded && this.itemised >= this.limits.entries) {
      this.allBounded = true;
      this.pendingBounds.push({ at, what: 'all', itemised: this.itemised, limit: this.limits.entries });
    }
  }
}

/** How the summary names the session's mode. */
export function timelineMode(changesMode: ChangesMode, allowedDuring: boolean): TimelineSummary['mode'] {
  return changesMode === 'read-only' && allowedDuring ? 'allowed-during' : changesMode;
}

function sameRequest(a: TimelineEntry, b: TimelineEntry): boolean {
  return (
    a.kind === b.kind &&
    a.route === b.route &&
    a.model === b.model &&
    a.method === b.method &&
    a.action === b.action &&
    a.allowed === b.allowed &&
    a.refusal === b.refusal &&
    a.page === b.page &&
    a.idCount === b.idCount &&
    a.ids.length === b.ids.length &&
    a.ids.every((id, index) => id === b.ids[index])
  );
}

/**
 * The top-level page a request came from: the referrer's path (never its query, which
 * may carry what was typed), or — on the web client's bare root, as Odoo 17 keeps the
 * action in the URL's hash that no referrer carries — the action last loaded.
 */
export function pageOf(referrer: string | null, lastAction: string | null): string | null {
  const fromAction = lastAction === null ? null : `action ${lastAction}`;
  if (!referrer) return fromAction;
  let path: string;
  try {
    path = new URL(referrer).pathname;
  } catch {
    return fromAction;
  }
  if (path.length > MAX_PAGE) path = `${path.slice(0, MAX_PAGE)}…`;
  return CLIENT_ROOTS.has(path) && fromAction !== null ? `${path} · ${fromAction}` : path;
}
