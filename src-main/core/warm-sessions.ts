// The warm session (issue 13): while the admin types the reason, main authenticates the
// fresh server session the view will use, so that Confirm only has to switch it. It is
// the admin's own session and never outlives its purpose:
// - made for one dialog: one connection, one admin, one target; a start for anything
//   else destroys it and authenticates a fresh one;
// - recorded before it can be used (its 42-character identifier, audit table
//   warm_sessions), so that crash recovery revokes one left behind;
// - destroyed on the server when the dialog is cancelled, after WARM_UNUSED_MS unused,
//   on disconnect and on quit; taken once by a start, never handed out twice.
// A destroy the server did not confirm leaves the record open: the next recovery revokes it.
import type { Clock } from './clock';
import type { AuditLedger, OdooImpersonationPort, OpenWarmSession, RevokeOutcome, WarmEnd, WarmHandle } from './ports';
import type { Scheduler } from './scheduler';

/** A warm session unused for this long is destroyed (issue 13: 2 minutes). */
export const WARM_UNUSED_MS = 2 * 60_000;

/** Whom a warm session is for: that dialog's connection, admin and target. */
export interface WarmFor {
  connectionKey: string;
  adminUid: number;
  targetId: number;
}

export type WarmPort = Pick<OdooImpersonationPort, 'prewarm' | 'discardWarm'>;

/** A warm session on the record, as a start takes it. */
export interface TakenWarm {
  handle: WarmHandle;
  rowId: number;
}

type WarmState = 'warming' | 'ready' | 'taken' | 'ended';

interface Warm {
  readonly for: WarmFor;
  readonly port: WarmPort;
  state: WarmState;
  endCause: WarmEnd | null;
  ready: Promise<TakenWarm | null>;
  ended: Promise<void> | null;
  cancelTimer: () => void;
}

function sameFor(a: WarmFor, b: WarmFor): boolean {
  return a.connectionKey === b.connectionKey && a.adminUid === b.adminUid && a.targetId === b.targetId;
}

export class WarmSessions {
  private current: Warm | null = null;
  private readonly ending = new Set<Promise<void>>();

  constructor(
    private readonly ledger: AuditLedger,
    private readonly clock: Clock,
    private readonly scheduler: Scheduler,
  ) {}

  /** Warms a session for this dialog (the same dialog again keeps its own); answers whether one is ready. */
  prepare(forWhom: WarmFor, port: WarmPort): Promise<boolean> {
    const existing = this.current;
    if (existing && sameFor(existing.for, forWhom) && existing.port === port) return existing.ready.then((made) => made !== null);
    if (existing) void this.end(existing, 'other-target');
    const warm: Warm = { for: forWhom, port, state: 'warming', endCause: null, ready: Promise.resolve(null), ended: null, cancelTimer: () => undefined };
    this.current = warm;
    warm.ready = this.create(warm);
    return warm.ready.then((made) => made !== null);
  }

  /**
   * The warm session for this start, once; null when there is none for exactly this
   * connection, admin and target (another one is destroyed: it was for another dialog).
   */
  async take(forWhom: WarmFor, port: WarmPort): Promise<TakenWarm | null> {
    const warm = this.current;
    if (!warm) return null;
    if (!sameFor(warm.for, forWhom) || warm.port !== port) {
      void this.end(warm, 'other-target');
      return null;
    }
    this.current = null;
    warm.state = 'taken';
    warm.cancelTimer();
    return warm.ready;
  }

  /** A start took it and recorded its identifier on the attempt's own row: this record is closed. */
  async used(taken: TakenWarm): Promise<void> {
    await this.ledger.recordWarmSessionEnd(taken.rowId, new Date(this.clock.now()), 'used');
  }

  /** A start took it and then did not switch it (the attempt failed before): destroyed like any other. */
  release(taken: TakenWarm, port: WarmPort, cause: WarmEnd): Promise<void> {
    return this.track(this.destroy(port, taken, cause));
  }

  /** Cancel, disconnect, quit: the warm session (made or being made) is destroyed on the server; answers once tried. */
  async discard(cause: WarmEnd, connectionKey?: string): Promise<void> {
    const warm = this.current;
    if (warm && (connectionKey === undefined || warm.for.connectionKey === connectionKey)) void this.end(warm, cause);
    await Promise.allSettled([...this.ending]);
  }

  /** Rows of the warm session this console still holds: recovery must leave it be. */
  heldRows(): Promise<number[]> {
    const warm = this.current;
    if (!warm || warm.state !== 'ready') return Promise.resolve([]);
    return warm.ready.then((made) => (made ? [made.rowId] : []));
  }

  private async create(warm: Warm): Promise<TakenWarm | null> {
    let handle: WarmHandle;
    try {
      handle = await warm.port.prewarm();
    } catch {
      // Nothing was made (the connector destroyed what it created); the start will authenticate.
      if (this.current === warm) this.current = null;
      warm.state = 'ended';
      return null;
    }
    let made: TakenWarm;
    try {
      made = { handle, rowId: await this.ledger.recordWarmSession(warm.for.connectionKey, handle.sessionIdentifier, new Date(this.clock.now())) };
    } catch {
      // Not on the record: never used, destroyed at once.
      await warm.port.discardWarm(handle).catch(() => undefined);
      if (this.current === warm) this.current = null;
      warm.state = 'ended';
      return null;
    }
    if (warm.state === 'ended') {
      // Cancelled while it was being made: end() waits for this answer, null, and destroys nothing twice.
      await this.destroy(warm.port, made, warm.endCause ?? 'cancelled');
      return null;
    }
    if (warm.state === 'warming') {
      warm.state = 'ready';
      warm.cancelTimer = this.scheduler.after(WARM_UNUSED_MS, () => void this.end(warm, 'timeout'));
    }
    return made;
  }

  private end(warm: Warm, cause: WarmEnd): Promise<void> {
    if (warm.ended) return warm.ended;
    if (this.current === warm) this.current = null;
    if (warm.state === 'taken') return Promise.resolve();
    warm.state = 'ended';
    warm.endCause = cause;
    warm.cancelTimer();
    warm.ended = this.track(
      warm.ready.then(async (made) => {
        if (made) await this.destroy(warm.port, made, cause);
      }),
    );
    return warm.ended;
  }

  private async destroy(port: WarmPort, made: TakenWarm, cause: WarmEnd): Promise<void> {
    try {
      await port.discardWarm(made.handle);
    } catch {
      return; // the record stays open: the next recovery revokes it by its identifier
    }
    await this.ledger.recordWarmSessionEnd(made.rowId, new Date(this.clock.now()), cause).catch(() => undefined);
  }

  private track(work: Promise<void>): Promise<void> {
    const tracked = work.catch(() => undefined);
    this.ending.add(tracked);
    void tracked.then(() => this.ending.delete(tracked));
    return tracked;
  }
}

/** A warm session a previous run left behind, and what its server said to the revoke. */
export interface RecoveredWarm {
  sessionIdentifier: string;
  revoke: RevokeOutcome;
}

/**
 * Crash recovery of warm sessions (FT-1, issue 13): revoked by identifier like an
 * impersonated one; 'unsupported' (Odoo 17) leaves the admin's own, never switched
 * session to the server's inactivity clean-up, and the record says so. Unreachable:
 * left open for the next recovery.
 */
export async function recoverWarmSessions(options: {
  ledger: AuditLedger;
  clock: Clock;
  connectionKey: string;
  odoo: Pick<OdooImpersonationPort, 'revokeByIdentifier'>;
  exclude: ReadonlySet<number>;
}): Promise<RecoveredWarm[]> {
  const { ledger, clock, connectionKey, odoo, exclude } = options;
  const open: OpenWarmSession[] = (await ledger.openWarmSessions()).filter((row) => row.connectionKey === connectionKey && !exclude.has(row.id));
  const recovered: RecoveredWarm[] = [];
  for (const row of open) {
    let revoke: RevokeOutcome;
    try {
      revoke = await odoo.revokeByIdentifier(row.sessionIdentifier);
    } catch {
      continue;
    }
    await ledger.recordWarmSessionEnd(row.id, new Date(clock.now()), 'recovered');
    recovered.push({ sessionIdentifier: row.sessionIdentifier, revoke });
  }
  return recovered;
}
