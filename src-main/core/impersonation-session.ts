// The impersonation session, one per console (AZ-5): idle → starting → active → stopping
// → ended, running docs/architecture.md's start and stop sequences through ports.
//
// Start: AttemptGate (rate limit, one at a time, reason, target re-read; attempt recorded)
// → StartSequence (the switch, the write-ahead records beside its verification, the view
// opened with the cookie). A stop that arrives during the start (even while the attempt
// is still being admitted) is honoured at the next step boundary: the view is never
// opened, or closed at once if it already was; the attempt is closed with
// recordFailure('cancelled:<cause>') when no start was recorded yet, otherwise with
// recordEnd(cause).
//
// End: StopSequence, one path for every cause. Deadline, countdown and the server's alive
// check: SessionTimers, the deadline rechecked on every call of this class too.
import type { Countdown, EndCause, Notice, RefusedCall, SessionView } from '../../src-preload/contract';
import type { AttemptContext, AttemptDecision, AttemptRequest } from './attempt';
import { AttemptGate } from './attempt-gate';
import { ConsoleError } from './console-error';
import { recoverOpenSessions, type RecoveryPort, type RecoveryReport } from './session-recovery';
import { SessionTimers } from './session-timers';
import { IDLE_FACTS, toSessionView, type SessionFacts } from './session-view';
import { LiveSession } from './live-session';
import { StartSequence } from './start-sequence';
import { StopSequence } from './stop-sequence';
import { allowChanges, notActive } from './session-changes';
import type { ViewActivity } from './ports';
import { WarmSessions, recoverWarmSessions } from './warm-sessions';
import { describeFinding, type OtherImpersonation, type TamperFinding } from './tripwire';
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
  /** Attempts between their arrival and their claim (or refusal). */
  private readonly admissions = new Set<Promise<unknown>>();
  /** A stop (or shutdown) that arrived while an attempt was being admitted. */
  private stopDuringAdmission: EndCause | null = null;
  private readonly gate: AttemptGate;
  private readonly timers: SessionTimers;
  private readonly stopSequence: StopSequence;
  private readonly startSequence: StartSequence;
  /** The session authenticated while the reason is typed (issue 13). */
  private readonly warm: WarmSessions;
  private readonly stateListeners = new Set<(view: SessionView) => void>();
  private readonly countdownListeners = new Set<(countdown: Countdown) => void>();
  private readonly noticeListeners = new Set<(notice: Notice) => void>();
  private readonly changeRefusedListeners = new Set<(call: RefusedCall) => void>();

  constructor(private readonly options: ImpersonationSessionOptions) {
    this.gate = options.gate ?? new AttemptGate(options.ledger, options.clock);
    this.warm = new WarmSessions(options.ledger, options.clock, options.scheduler);
    this.timers = new SessionTimers(options, {
      active: () => (this.phase === 'active' ? this.live : null),
      end: (live, cause) => void this.stopSequence.finish(live, cause, null),
      tampered: (live, finding) => this.endTampered(live, finding),
      otherImpersonation: (live, other) => this.warnOtherImpersonation(live, other),
      emitState: () => this.emitState(),
      emitCountdown: () => this.emitCountdown(),
    });
    // The tripwire asks the server at once after every top-level navigation of the view.
    options.view.onNavigated(() => {
      if (this.phase === 'active') this.timers.checkNow();
    });
    // Every request the view decided on: the timeline, and a refused change for the banner (issue 17).
    options.view.onActivity((activity) => this.viewActivity(activity));
    // The end's phases: 'stopping' at once, then 'ended' ('idle' after a failed start).
    this.stopSequence = new StopSequence(options, {
      stopping: () => {
        this.timers.cancel();
        this.phase = 'stopping';
        this.emitState();
      },
      serverEndPending: (live) => {
        if (this.live === live) this.emitState();
      },
      ended: (live, last) => {
        this.last = last;
        if (this.live === live) {
          this.live = null;
          this.phase = last.phase;
          this.emitState();
        }
      },
    });
    this.startSequence = new StartSequence(options, this.warm, this.stopSequence, {
      view: () => this.view(),
      activated: () => {
        this.phase = 'active';
        this.emitState();
        this.emitCountdown();
        this.timers.start();
        this.timers.recheckDeadline();
        return this.view();
      },
    });
  }

  // ------------------------------------------------------------ the API

  /** Answers the active session's view once it is shown; throws AttemptRefusedError or a ConsoleError. */
  async start(request: AttemptRequest, context: StartContext): Promise<SessionView> {
    this.timers.recheckDeadline();
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
    this.timers.recheckDeadline();
    return this.gate.check(request, context, context.odoo, () => this.consoleState());
  }

  /**
   * The reason dialog opened for this target: authenticate the session the start will
   * switch, now (warm-sessions.ts). Only while the console is free and the rate limit
   * would allow the attempt; nothing is recorded as an attempt. Answers whether one is ready.
   */
  async prewarm(targetId: number, context: StartContext): Promise<boolean> {
    this.timers.recheckDeadline();
    if (this.consoleState() !== 'free' || this.admissions.size > 0) return false;
    const forWhom = { connectionKey: context.connectionKey, adminUid: context.admin.uid, targetId };
    if (!(await this.gate.wouldAllow(context))) {
      await this.warm.discard('cancelled');
      return false;
    }
    return this.warm.prepare(forWhom, context.odoo);
  }

  /** The dialog was cancelled (or the connection closed): its warm session is destroyed on the server. */
  discardWarm(cause: 'cancelled' | 'disconnect', connectionKey?: string): Promise<void> {
    return this.warm.discard(cause, connectionKey);
  }

  /** A check or start whose payload the contract refused: a refused attempt on the record, counted (AU-1, LD-3). */
  async recordRefusedInput(context: AttemptContext, field: string, payload: unknown): Promise<void> {
    await this.gate.recordRefusedInput(context, field, payload);
  }

  /**
   * "Allow changes" (issue 17.2): with a second reason (the rule of the first), on the
   * record locally and in ir.logging before any write passes; from then on writes pass
   * for the rest of the session. Throws a translated ConsoleError and stays read-only
   * when the reason is refused or a record cannot be written.
   */
  async allowChanges(reason: string): Promise<SessionView> {
    this.timers.recheckDeadline();
    const live = this.live;
    if (!live || this.phase !== 'active') throw notActive();
    if (live.mayChange) return this.view();
    live.allowingChanges ??= (async () => {
      try {
        await allowChanges(live, reason, this.options, () => this.live === live && this.phase === 'active');
      } finally {
        live.allowingChanges = null;
      }
      this.emitState();
      return this.view();
    })();
    return live.allowingChanges;
  }

  /** Ends the session with `cause`; answers once the view is gone and the server was tried once. */
  async stop(cause: EndCause): Promise<SessionView> {
    this.timers.recheckDeadline();
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
      await this.stopSequence.finish(live, cause, null);
    }
    return this.view();
  }

  /** The session as the UI shows it; rechecks the deadline first. */
  current(): SessionView {
    this.timers.recheckDeadline();
    return this.view();
  }

  /** After sleep or screen unlock: recheck the deadline and the server, retry a pending end now. */
  resume(): SessionView {
    this.timers.recheckDeadline();
    if (this.phase === 'active') this.timers.checkNow();
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
    // A warm session never outlives the window, the app or a sleep: destroyed whatever the cause.
    const warmGone = this.warm.discard(cause === 'suspend' ? 'suspend' : 'quit');
    if (!this.live && this.admissions.size === 0) {
      await this.boundedWait(warmGone, timeoutMs);
      return 'nothing-to-end';
    }
    const ended = Promise.all([this.stop(cause).then(() => this.live?.finished), warmGone]);
    let cancelTimer: () => void = () => undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      cancelTimer = this.options.scheduler.after(timeoutMs, () => resolve('timeout'));
    });
    const first = await Promise.race([ended.then(() => 'done' as const), timedOut]);
    cancelTimer();
    if (first === 'done') return 'ended';
    return this.live?.serverEnd?.pending ? 'server-end-pending' : 'timed-out';
  }

  private async boundedWait(work: Promise<unknown>, timeoutMs: number): Promise<void> {
    let cancelTimer: () => void = () => undefined;
    const timedOut = new Promise<void>((resolve) => {
      cancelTimer = this.options.scheduler.after(timeoutMs, resolve);
    });
    await Promise.race([work, timedOut]);
    cancelTimer();
  }

  /** At exit: stop every timer and retry. A record whose server end is still pending stays open for recovery. */
  dispose(): void {
    this.closing = true;
    this.timers.cancel();
    this.live?.serverEnd?.abandon();
  }

  /** Crash recovery (FT-1) for one connection, never touching this console's own session. */
  async recover(connectionKey: string, odoo: RecoveryPort): Promise<RecoveryReport> {
    // Never this console's own session, nor an allowed check still waiting for its start.
    const exclude = new Set([...(this.live ? [this.live.rowId] : []), ...this.gate.pendingApprovalRows()]);
    const { ledger, clock } = this.options;
    const report = await recoverOpenSessions({ ledger, clock, connectionKey, odoo, exclude });
    // Warm sessions a previous run left behind (never the one this console holds).
    const warm = await recoverWarmSessions({ ledger, clock, connectionKey, odoo, exclude: new Set(await this.warm.heldRows()) });
    return warm.length > 0 ? { ...report, warm } : report;
  }

  onState(listener: (view: SessionView) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  onCountdown(listener: (countdown: Countdown) => void): () => void {
    this.countdownListeners.add(listener);
    return () => this.countdownListeners.delete(listener);
  }

  /** A change the read-only view refused (issue 17.1): the banner says what it would have reached. */
  onChangeRefused(listener: (call: RefusedCall) => void): () => void {
    this.changeRefusedListeners.add(listener);
    return () => this.changeRefusedListeners.delete(listener);
  }

  /** What the admin must be told at once, whatever screen is shown (the tripwire's alarms). */
  onNotice(listener: (notice: Notice) => void): () => void {
    this.noticeListeners.add(listener);
    return () => this.noticeListeners.delete(listener);
  }

  // ------------------------------------------------------------ the tripwire

  /**
   * The server says the session is not what the console started: end it at once as
   * 'tampered', tell the admin, record what was seen locally (the end's detail) and on
   * the server (ir.logging, through the admin API session, never the tampered one).
   */
  private endTampered(live: LiveSession, finding: TamperFinding): void {
    const handle = live.handle;
    const detail = describeFinding(finding);
    live.endNote = detail;
    if (handle) {
      const { odoo, admin, clientHost, appVersion } = live.context;
      live.serverReport = odoo
        .reportTampering({
          admin,
          target: live.target,
          reason: live.reason,
          sessionIdentifier: handle.sessionIdentifier,
          impersonateLogIds: handle.logWatch?.ownRowIds ?? [],
          finding: detail,
          clientHost,
          appVersion,
          at: new Date(this.options.clock.now()),
        })
        .then(
          (id) => `ir.logging entry ${id}`,
          () => 'the ir.logging entry could not be written',
        );
    }
    const params = { name: live.target.name, login: live.target.login };
    void this.stopSequence.finish(live, 'tampered', new ConsoleError('tampered', 'session.tampered.ended', params));
    this.emitNotice({ level: 'error', key: 'session.tampered.notice', params });
  }

  private viewActivity(activity: ViewActivity): void {
    const live = this.live;
    if (!live?.timeline || (this.phase !== 'starting' && this.phase !== 'active')) return;
    live.timeline.record(activity);
    if (activity.refusal !== 'read-only') return;
    const { model, method, route } = activity.call;
    for (const listener of this.changeRefusedListeners) listener({ model, method, route });
  }

  private warnOtherImpersonation(live: LiveSession, other: OtherImpersonation): void {
    if (this.live !== live) return;
    this.emitNotice({ level: 'warning', key: 'session.otherImpersonation', params: { admin: other.admin, target: other.target } });
  }

  private emitNotice(notice: Notice): void {
    for (const listener of this.noticeListeners) listener(notice);
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
    live.judged = target;
    live.abort = this.stopDuringAdmission;
    this.live = live;
    this.phase = 'starting';
    this.emitState();
    // Begun within the gate's turn, so that a stop arriving right now already finds it.
    live.startDone = this.startSequence.run(live);
    live.startDone.catch(() => undefined); // the caller of start() receives the rejection
    return live;
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
