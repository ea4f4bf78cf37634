// The clocks of an active session: the deadline, the countdown tick and the server's
// alive check. They decide nothing about the session's phases; they tell the session
// when its time is up or its server side is gone, and it ends itself.
//
// Deadline: SessionDeadline (wall clock from the verified start, monotonic time as a
// second bound), rechecked on every tick, on resume() and on every call of the session,
// so that a lost or late timer can never extend a session (SS-3).
import type { LiveSession } from './live-session';
import type { ImpersonationSessionOptions } from './session-types';

/** What the timers need from the session they serve. */
export interface TimedSession {
  /** The session while it is active; null in every other phase. */
  active(): LiveSession | null;
  /** Ends `live`: its deadline passed, or the server says it is gone. */
  end(live: LiveSession, cause: 'timeout' | 'server-expired'): void;
  emitState(): void;
  emitCountdown(): void;
}

type TimerOptions = Pick<ImpersonationSessionOptions, 'clock' | 'monotonic' | 'scheduler' | 'tickMs' | 'aliveCheckMs'>;

export class SessionTimers {
  private cancelTick: (() => void) | null = null;
  private cancelAlive: (() => void) | null = null;
  private aliveInFlight = false;

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

  /** Server-side expiry (e.g. the target's password changed): ends the session as 'server-expired'. */
  async checkAlive(): Promise<void> {
    const live = this.session.active();
    if (!live?.handle || this.aliveInFlight) return;
    this.cancelAlive?.();
    this.cancelAlive = null;
    this.aliveInFlight = true;
    let answer: 'alive' | 'expired' | 'unknown';
    try {
      answer = await live.context.odoo.checkAlive(live.handle);
    } catch {
      answer = 'unknown'; // cannot tell (network): the deadline still holds, ask again later
    } finally {
      this.aliveInFlight = false;
    }
    if (this.session.active() !== live) return;
    if (answer === 'expired') this.session.end(live, 'server-expired');
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
    this.cancelAlive = this.options.scheduler.after(this.options.aliveCheckMs ?? 30_000, () => {
      this.cancelAlive = null;
      void this.checkAlive();
    });
  }
}
