// The clocks of an active session: the deadline, the countdown tick and the server's
// alive check, which is also the tripwire (tripwire.ts). They decide nothing about the
// session's phases; they tell the session when its time is up, its server side is
// gone, or the server says it is no longer what the console started, and it ends itself.
//
// Deadline: SessionDeadline (wall clock from the verified start, monotonic time as a
// second bound), rechecked on every tick, on resume() and on every call of the session,
// so that a lost or late timer can never extend a session (SS-3).
//
// Alive check: at least every ALIVE_CHECK_MS while active, and at once after every
// top-level navigation of the view (checkNow); a request for a check while one is in
// flight runs another right after it, so no navigation goes unchecked.
import type { LiveSession } from './live-session';
import type { ImpersonateLogRow, SessionWitness } from './ports';
import type { ImpersonationSessionOptions } from './session-types';
import { judgeSession, type OtherImpersonation, type TamperFinding } from './tripwire';

/** The longest the tripwire waits between two readings of the server (issue 11: at least every 5 s). */
export const ALIVE_CHECK_MS = 5_000;

/** What the timers need from the session they serve. */
export interface TimedSession {
  /** The session while it is active; null in every other phase. */
  active(): LiveSession | null;
  /** Ends `live`: its deadline passed, or the server says it is gone. */
  end(live: LiveSession, cause: 'timeout' | 'server-expired'): void;
  /** The server says the session is not what the console started: end it as 'tampered'. */
  tampered(live: LiveSession, finding: TamperFinding): void;
  /** Someone impersonates another user on the same server meanwhile: warn, once per row. */
  otherImpersonation(live: LiveSession, other: OtherImpersonation): void;
  emitState(): void;
  emitCountdown(): void;
}

type TimerOptions = Pick<ImpersonationSessionOptions, 'clock' | 'monotonic' | 'scheduler' | 'tickMs' | 'aliveCheckMs'>;

export class SessionTimers {
  private cancelTick: (() => void) | null = null;
  private cancelAlive: (() => void) | null = null;
  private aliveInFlight = false;
  private checkAgain = false;

  constructor(
    private readonly options: TimerOptions,
    private readonly session: TimedSession,
  ) {}

  /** The session became active: start the countdown and the alive checks. */
  start(): void {
    this.scheduleTick();
    this.scheduleAliveCheck();
  }

  cancel(): void {
    this.cancelTick?.();
    this.cancelAlive?.();
    this.cancelTick = null;
    this.cancelAlive = null;
    this.checkAgain = false;
  }

  /** Ends an active session whose deadline has passed; emits the warning when it begins. */
  recheckDeadline(): void {
    const live = this.session.active();
    if (!live?.deadline) return;
    const reading = live.deadline.read(this.options.clock.now(), this.options.monotonic?.() ?? null);
    if (reading.expired) {
      this.session.end(live, 'timeout');
    } else if (reading.warning !== live.warning) {
      live.warning = reading.warning;
      this.session.emitState();
    }
  }

  /** The view navigated (or the machine woke up): ask the server now, or right after the check in flight. */
  checkNow(): void {
    if (this.aliveInFlight) {
      this.checkAgain = true;
      return;
    }
    void this.checkAlive();
  }

  /** One reading of the server: expiry ends as 'server-expired', a mismatch as 'tampered'. */
  async checkAlive(): Promise<void> {
    const live = this.session.active();
    if (!live?.handle || this.aliveInFlight) return;
    this.cancelAlive?.();
    this.cancelAlive = null;
    this.aliveInFlight = true;
    this.checkAgain = false;
    const { odoo } = live.context;
    const handle = live.handle;
    let witness: SessionWitness | null;
    let rows: ImpersonateLogRow[] | null;
    try {
      // Network trouble on either reading means "cannot tell": the deadline still holds, ask again.
      [witness, rows] = await Promise.all([
        odoo.checkAlive(handle).catch(() => null),
        handle.logWatch ? odoo.readNewImpersonateLogs(handle).catch(() => null) : Promise.resolve(null),
      ]);
    } finally {
      this.aliveInFlight = false;
    }
    if (this.session.active() !== live) return;
    const verdict = judgeSession(
      { targetUid: live.target.id, adminUid: live.context.admin.uid, logWatch: handle.logWatch },
      witness,
      rows,
    );
    if (verdict.kind === 'tampered') return this.session.tampered(live, verdict.finding);
    if (verdict.kind === 'expired') return this.session.end(live, 'server-expired');
    if (verdict.kind === 'ok') {
      for (const other of verdict.others) {
        if (live.warnedLogRows.has(other.rowId)) continue;
        live.warnedLogRows.add(other.rowId);
        this.session.otherImpersonation(live, other);
      }
    }
    if (this.checkAgain) void this.checkAlive();
    else this.scheduleAliveCheck();
  }

  private scheduleTick(): void {
    this.cancelTick?.();
    this.cancelTick = this.options.scheduler.after(this.options.tickMs ?? 1_000, () => {
      this.cancelTick = null;
      this.recheckDeadline();
      if (!this.session.active()) return;
      this.session.emitCountdown();
      this.scheduleTick();
    });
  }

  private scheduleAliveCheck(): void {
    this.cancelAlive?.();
    // Never slower than ALIVE_CHECK_MS, whatever the options ask.
    const every = Math.min(this.options.aliveCheckMs ?? ALIVE_CHECK_MS, ALIVE_CHECK_MS);
    this.cancelAlive = this.options.scheduler.after(every, () => {
      this.cancelAlive = null;
      void this.checkAlive();
    });
  }
}
