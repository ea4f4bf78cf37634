// The impersonation session, one per console (AZ-5): idle → starting → active → stopping
// → ended, running architecture.md's start and stop sequences through ports.
//
// Start: AttemptGate (rate limit, one at a time, reason, target re-read; attempt recorded)
// → impersonate → verify uid/impersonator (AZ-6) → ir.logging entry → local start record
// → view.open with the cookie. Both records are committed before the view gets the cookie
// (AU-2). Every failure after impersonate ends that fresh server session. A stop that
// arrives during the start (even while the attempt is still being admitted) is honoured
// at the next step boundary: the view is never opened, or closed at once if it already
// was; the attempt is closed with recordFailure('cancelled:<cause>') when no start was
// recorded yet, otherwise with recordEnd(cause).
//
// End: one path for every cause (finish): view closed first, then the server end
// (ServerEndJob, retried with backoff while `serverEndPending`, FT-3), then the audit.
// Decision: the audit end is written once the server confirms — with the cause and the
// moment the view closed, `serverEndPending: false`. Until then the record stays open, so
// that a crash or an exit in between leaves a record that recovery revokes by identifier.
// The first cause wins: a timeout during a tray stop changes nothing.
//
// Deadline: SessionDeadline (wall clock from the verified start, monotonic time as a
// second bound), rechecked on every tick, on resume() and on every call of this class.
import type { Countdown, EndCause, SessionView } from '../../src-preload/contract';
import { AttemptGate, type AttemptDecision, type AttemptRequest } from './attempt-gate';
import { ConsoleError } from './console-error';
import type { ImpersonationHandle, OdooImpersonationPort } from './ports';
import { DEFAULT_RETRY_POLICY, ServerEndJob, type RetryPolicy, type ServerEndOutcome } from './server-end';
import { SessionDeadline, sessionLimitMs } from './session-deadline';
import { recoverOpenSessions, type RecoveryReport } from './session-recovery';
import { IDLE_FACTS, toSessionView, type SessionFacts } from './session-view';
import { LiveSession, isVerifiedImpersonation } from './live-session';
import {
  AttemptRefusedError,
  type ImpersonationSessionOptions,
  type ShutdownCause,
  type ShutdownOutcome,
  type StartContext,
} from './session-types';

export {
  AttemptRefusedError,
  type ImpersonationSessionOptions,
  type ShutdownCause,
  type ShutdownOutcome,
  type StartContext,
} from './session-types';

export class ImpersonationSession {
  private phase: SessionFacts['phase'] = 'idle';
  private live: LiveSession | null = null;
  private last: SessionFacts = IDLE_FACTS;
  private closing = false;
  private cancelTick: (() => void) | null = null;
  private cancelAlive: (() => void) | null = null;
  private aliveInFlight = false;
  /** Attempts between their arrival and their claim (or refusal). */
  private readonly admissions = new Set<Promise<unknown>>();
  /** A stop (or shutdown) that arrived while an attempt was being admitted. */
  private stopDuringAdmission: EndCause | null = null;
  private readonly gate: AttemptGate;
  private readonly stateListeners = new Set<(view: SessionView) => void>();
  private readonly countdownListeners = new Set<(countdown: Countdown) => void>();

  constructor(private readonly options: ImpersonationSessionOptions) {
    this.gate = options.gate ?? new AttemptGate(options.ledger, options.clock);
  }

  // ------------------------------------------------------------ the API

  /** Answers the active session's view once it is shown; throws AttemptRefusedError or a ConsoleError. */
  async start(request: AttemptRequest, context: StartContext): Promise<SessionView> {
    this.recheckDeadline();
    const claimed: { live: LiveSession | null } = { live: null };
    const admission = this.gate.admitStart(request, context, context.odoo, () => this.consoleState(), (d, rowId) => {
      claimed.live = this.claim(d, rowId, context);
    });
    this.admissions.add(admission);
    let decision: AttemptDecision;
    try {
      ({ decision } = await admission);
    } catch (cause) {
      // The attempt could not be recorded (e.g. a full disk): no record, no start (FT-6).
      throw new ConsoleError('audit-failed', 'rules.attemptAuditFailed', undefined, { cause });
    } finally {
      this.admissions.delete(admission);
      if (this.admissions.size === 0) this.stopDuringAdmission = null;
    }
    if (!decision.allowed || !claimed.live) throw new AttemptRefusedError(decision);
    return claimed.live.startDone ?? this.view();
  }

  /** `impersonation.check`: the rules applied and the attempt recorded, nothing started. */
  check(request: AttemptRequest, context: StartContext): Promise<AttemptDecision> {
    this.recheckDeadline();
    return this.gate.check(request, context, context.odoo, () => this.consoleState());
  }

  /** Ends the session with `cause`; answers once the view is gone and the server was tried once. */
  async stop(cause: EndCause): Promise<SessionView> {
    this.recheckDeadline();
    if (!this.live && this.admissions.size > 0) {
      // An attempt is being admitted: it will be cancelled as soon as it is claimed.
      this.stopDuringAdmission ??= cause;
      await Promise.allSettled([...this.admissions]);
    }
    const live = this.live;
    if (!live) return this.view();
    if (this.phase === 'starting' && !live.ending) {
      live.abort ??= cause;
      await live.startDone?.catch(() => undefined);
    } else {
      await this.finish(live, cause, null);
    }
    return this.view();
  }

  /** The session as the UI shows it; rechecks the deadline first. */
  current(): SessionView {
    this.recheckDeadline();
    return this.view();
  }

  /** After sleep or screen unlock: recheck the deadline and the server, retry a pending end now. */
  resume(): SessionView {
    this.recheckDeadline();
    if (this.phase === 'active') void this.checkAlive();
    this.live?.serverEnd?.retryNow();
    return this.view();
  }

  unlock(): SessionView {
    return this.resume();
  }

  /**
   * Quit, window close, OS shutdown, sleep (FT-2): end the session, waiting at most
   * `timeoutMs`. After 'quit' and 'shutdown' no new start is admitted.
   */
  async shutdown(cause: ShutdownCause, timeoutMs = 5_000): Promise<ShutdownOutcome> {
    if (cause === 'quit' || cause === 'shutdown') this.closing = true;
    if (!this.live && this.admissions.size === 0) return 'nothing-to-end';
    const ended = this.stop(cause).then(() => this.live?.finished);
    let cancelTimer: () => void = () => undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      cancelTimer = this.options.scheduler.after(timeoutMs, () => resolve('timeout'));
    });
    const first = await Promise.race([ended.then(() => 'done' as const), timedOut]);
    cancelTimer();
    if (first === 'done') return 'ended';
    return this.live?.serverEnd?.pending ? 'server-end-pending' : 'timed-out';
  }

  /** At exit: stop every timer and retry. A record whose server end is still pending stays open for recovery. */
  dispose(): void {
    this.closing = true;
    this.cancelTimers();
    this.live?.serverEnd?.abandon();
  }

  /** Crash recovery (FT-1) for one connection, never touching this console's own session. */
  recover(connectionKey: string, odoo: Pick<OdooImpersonationPort, 'revokeByIdentifier'>): Promise<RecoveryReport> {
    const exclude = new Set(this.live ? [this.live.rowId] : []);
    return recoverOpenSessions({ ledger: this.options.ledger, clock: this.options.clock, connectionKey, odoo, exclude });
  }

  onState(listener: (view: SessionView) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  onCountdown(listener: (countdown: Countdown) => void): () => void {
    this.countdownListeners.add(listener);
    return () => this.countdownListeners.delete(listener);
  }

  // ------------------------------------------------------------ the start sequence

  private consoleState() {
    if (this.closing) return 'closing' as const;
    return this.live ? ('busy' as const) : ('free' as const);
  }

  private claim(decision: AttemptDecision, rowId: number, context: StartContext): LiveSession {
    const target = decision.target;
    const live = new LiveSession(rowId, context, decision.reason, {
      id: target?.id ?? 0,
      name: target?.name ?? '',
      login: target?.login ?? '',
    });
    live.abort = this.stopDuringAdmission;
    this.live = live;
    this.phase = 'starting';
    this.emitState();
    // Begun within the gate's turn, so that a stop arriving right now already finds it.
    live.startDone = this.runStart(live);
    live.startDone.catch(() => undefined); // the caller of start() receives the rejection
    return live;
  }

  private async runStart(live: LiveSession): Promise<SessionView> {
    const { odoo, admin } = live.context;
    const { ledger, view, clock } = this.options;
    if (live.abort) return this.cancelStart(live);
    let handle: ImpersonationHandle;
    try {
      handle = await odoo.impersonate(live.target.id);
    } catch (cause) {
      return this.failStart(live, 'impersonate-failed', 'rules.startFailed', cause);
    }
    live.handle = handle;
    if (live.abort) return this.cancelStart(live);
    if (!isVerifiedImpersonation(handle, live.target.id, admin.uid)) {
      return this.failStart(live, 'not-verified', 'rules.startNotVerified');
    }
    live.target = { ...handle.target };
    const startedAtMs = clock.now();
    const limitMs = sessionLimitMs(live.context.limitMinutes);
    live.deadline = new SessionDeadline(startedAtMs, limitMs, this.options.monotonic?.() ?? null);

    let serverLogId: number;
    try {
      serverLogId = await odoo.writeServerAuditEntry({
        admin,
        target: live.target,
        reason: live.reason,
        sessionIdentifier: handle.sessionIdentifier,
        serverIp: handle.serverIp,
        clientIp: handle.clientIp,
        clientHost: live.context.clientHost,
        appVersion: live.context.appVersion,
        startedAtClient: new Date(startedAtMs),
      });
    } catch (cause) {
      return this.failStart(live, 'server-audit-failed', 'rules.startServerAuditFailed', cause);
    }
    if (live.abort) return this.cancelStart(live);
    try {
      await ledger.recordStart(live.rowId, {
        startedAtClient: new Date(startedAtMs),
        startedAtServer: handle.serverStartedAt,
        sessionIdentifier: handle.sessionIdentifier,
        clientIp: handle.clientIp,
        serverIp: handle.serverIp,
        serverLogId,
      });
    } catch (cause) {
      return this.failStart(live, 'local-audit-failed', 'rules.startAuditFailed', cause);
    }
    live.startRecorded = true;
    if (live.abort) return this.cancelStart(live);
    try {
      await view.open({
        sessionKey: `impersonation-${live.rowId}`,
        origin: live.context.origin,
        sessionCookie: handle.sessionCookie,
        url: live.context.landingUrl,
      });
    } catch (cause) {
      return this.failStart(live, 'view-failed', 'rules.startViewFailed', cause);
    }
    if (live.abort) return this.cancelStart(live);
    this.phase = 'active';
    this.emitState();
    this.emitCountdown();
    this.scheduleTick();
    this.scheduleAliveCheck();
    this.recheckDeadline();
    return this.view();
  }

  private async failStart(live: LiveSession, failure: string, key: string, cause?: unknown): Promise<never> {
    const error = new ConsoleError('start-failed', key, undefined, { cause });
    live.failure = failure;
    await this.finish(live, 'error', error);
    throw error;
  }

  private async cancelStart(live: LiveSession): Promise<SessionView> {
    const cause = live.abort ?? 'error';
    live.failure = `cancelled:${cause}`;
    await this.finish(live, cause, null);
    return this.view();
  }

  // ------------------------------------------------------------ the one way to end

  private finish(live: LiveSession, cause: EndCause, error: ConsoleError | null): Promise<void> {
    live.ending ??= this.runFinish(live, cause, error);
    return live.ending;
  }

  private async runFinish(live: LiveSession, cause: EndCause, error: ConsoleError | null): Promise<void> {
    live.endCause = cause;
    live.error = error;
    live.endedAtMs = this.options.clock.now();
    this.cancelTimers();
    this.phase = 'stopping';
    this.emitState();
    // The view goes first and at once, whatever the server does (FT-3).
    await this.options.view.close().catch(() => undefined);
    if (!live.handle) {
      await this.complete(live, null);
      return;
    }
    const job = new ServerEndJob(live.context.odoo, live.handle, this.options.scheduler, this.retryPolicy(), () => {
      if (!live.serverEndPending) {
        live.serverEndPending = true;
        if (this.live === live) this.emitState();
      }
    });
    live.serverEnd = job;
    const completion = job.done.then((outcome) => this.complete(live, outcome));
    await job.firstTry;
    if (!job.pending) await completion;
  }

  private async complete(live: LiveSession, outcome: ServerEndOutcome | null): Promise<void> {
    if (outcome?.status === 'abandoned') {
      live.resolveFinished();
      return;
    }
    const endedAt = new Date(live.endedAtMs ?? this.options.clock.now());
    try {
      if (live.startRecorded) {
        await this.options.ledger.recordEnd(live.rowId, {
          endedAtClient: endedAt,
          endedAtServer: null,
          cause: live.endCause ?? 'error',
          serverEndPending: false,
          detail: endDetail(outcome),
        });
      } else {
        await this.options.ledger.recordFailure(live.rowId, endedAt, live.failure ?? 'error');
      }
    } catch (cause) {
      live.error ??= new ConsoleError('audit-failed', 'rules.endAuditFailed', undefined, { cause });
    }
    const failedStart = !live.startRecorded && live.error !== null;
    this.last = { ...live.facts(failedStart ? 'idle' : 'ended', this.options.clock.now(), null), serverEndPending: false };
    if (this.live === live) {
      this.live = null;
      this.phase = this.last.phase;
      this.emitState();
    }
    live.resolveFinished();
  }

  // ------------------------------------------------------------ deadline, tick, server expiry

  /** Ends an active session whose deadline has passed; emits the warning when it begins. */
  private recheckDeadline(): void {
    const live = this.live;
    if (this.phase !== 'active' || !live?.deadline) return;
    const reading = live.deadline.read(this.options.clock.now(), this.options.monotonic?.() ?? null);
    if (reading.expired) {
      void this.finish(live, 'timeout', null);
    } else if (reading.warning !== live.warning) {
      live.warning = reading.warning;
      this.emitState();
    }
  }

  private scheduleTick(): void {
    this.cancelTick?.();
    this.cancelTick = this.options.scheduler.after(this.options.tickMs ?? 1_000, () => {
      this.cancelTick = null;
      this.recheckDeadline();
      if (this.phase !== 'active') return;
      this.emitCountdown();
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

  /** Server-side expiry (e.g. the target's password changed): ends the session as 'server-expired'. */
  private async checkAlive(): Promise<void> {
    const live = this.live;
    if (this.phase !== 'active' || !live?.handle || this.aliveInFlight) return;
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
    if (this.live !== live || this.phase !== 'active') return;
    if (answer === 'expired') void this.finish(live, 'server-expired', null);
    else this.scheduleAliveCheck();
  }

  private cancelTimers(): void {
    this.cancelTick?.();
    this.cancelAlive?.();
    this.cancelTick = null;
    this.cancelAlive = null;
  }

  private retryPolicy(): RetryPolicy {
    return this.options.retry ?? DEFAULT_RETRY_POLICY;
  }

  // ------------------------------------------------------------ what the UI sees

  private view(): SessionView {
    const live = this.live;
    if (!live) return toSessionView(this.last);
    return toSessionView(live.facts(this.phase, this.options.clock.now(), this.options.monotonic?.() ?? null));
  }

  private emitState(): void {
    const view = this.view();
    for (const listener of this.stateListeners) listener(view);
  }

  private emitCountdown(): void {
    const { secondsLeft, warning } = this.view();
    if (secondsLeft === null) return;
    for (const listener of this.countdownListeners) listener({ secondsLeft, warning });
  }
}

function endDetail(outcome: ServerEndOutcome | null): string | null {
  if (!outcome || outcome.status !== 'ended') return null;
  const parts = [outcome.detail, outcome.attempts > 1 ? `server end confirmed after ${outcome.attempts} tries` : null];
  return parts.filter((part) => part !== null).join('; ') || null;
}
