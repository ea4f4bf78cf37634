// The facts of the one session a console is running, from the admitted attempt until its
// audit record is closed. Held in main memory only: the handle carries the cookie.
import type { EndCause, SessionPhase, SessionView } from '../../src-preload/contract';
import type { ConsoleError } from './console-error';
import type { ChangesMode, ImpersonationHandle, ServerAuditEntry, TargetRecord } from './ports';
import type { ServerEndJob } from './server-end';
import type { SessionDeadline } from './session-deadline';
import type { SessionTimeline } from './session-timeline';
import type { SessionFacts } from './session-view';
import type { StartContext } from './session-types';

/** AZ-6: the fresh session is the target, and this admin started it. */
export function isVerifiedImpersonation(handle: ImpersonationHandle, targetId: number, adminUid: number): boolean {
  return handle.sessionUid === targetId && handle.target.id === targetId && handle.impersonatorUid === adminUid;
}

export class LiveSession {
  handle: ImpersonationHandle | null = null;
  /** The target as the gate read and judged it, handed to the connector (one read per attempt). */
  judged: TargetRecord | null = null;
  deadline: SessionDeadline | null = null;
  /** The local start record is committed (AU-2). */
  startRecorded = false;
  /** The server's start entry, once written: its end entry repeats these facts. */
  serverEntry: ServerAuditEntry | null = null;
  /** A stop that arrived during the start, honoured at the next step. */
  abort: EndCause | null = null;
  endCause: EndCause | null = null;
  endedAtMs: number | null = null;
  /** Why an admitted attempt did not start, for recordFailure. */
  failure: string | null = null;
  /** A refusal found during the start itself (AZ-1 on the fresh session), for recordRefusal. */
  refusal: string | null = null;
  error: ConsoleError | null = null;
  warning = false;
  serverEndPending = false;
  serverEnd: ServerEndJob | null = null;
  /** What the end's record says besides the server's answer (the tripwire's finding). */
  endNote: string | null = null;
  /** The tripwire's ir.logging entry being written: the end's record waits for it and says how it went. */
  serverReport: Promise<string> | null = null;
  /** impersonate.log rows of other impersonations already warned about (once each). */
  readonly warnedLogRows = new Set<number>();
  /** Issue 17: read-only (the default), or changes allowed from the start by the connection's setting. */
  readonly changesMode: ChangesMode;
  /** "Allow changes" confirmed and on the record: when, and the second reason. */
  changesAllowed: { at: Date; reason: string } | null = null;
  /** An "Allow changes" being recorded (one at a time). */
  allowingChanges: Promise<SessionView> | null = null;
  /** What the view's requests reached, once the view may send any (issue 17.3). */
  timeline: SessionTimeline | null = null;
  /** The timeline's last batch, written once the view is closed (stop-sequence.ts). */
  timelineClosed: Promise<void> = Promise.resolve();
  /** The timeline's last batch could not be written (said in the end's record). */
  timelineUnwritten = false;
  /** The start sequence; rejects with the start's error. */
  startDone: Promise<SessionView> | null = null;
  ending: Promise<void> | null = null;
  /** Settles once the audit record is closed (or left open for recovery at exit). */
  readonly finished: Promise<void>;
  resolveFinished: () => void = () => undefined;

  constructor(
    readonly rowId: number,
    readonly context: StartContext,
    readonly reason: string,
    public target: { id: number; name: string; login: string },
  ) {
    this.finished = new Promise((resolve) => (this.resolveFinished = resolve));
    this.changesMode = context.changesFromStart ? 'allowed-from-start' : 'read-only';
  }

  /** The page may change data: allowed from the start, or unlocked on the record. */
  get mayChange(): boolean {
    return this.changesMode === 'allowed-from-start' || this.changesAllowed !== null;
  }

  facts(phase: SessionPhase, wallNowMs: number, monotonicNowMs: number | null): SessionFacts {
    const reading = phase === 'active' && this.deadline ? this.deadline.read(wallNowMs, monotonicNowMs) : null;
    return {
      phase,
      target: this.target,
      reason: this.reason,
      startedAtMs: this.startRecorded && this.deadline ? this.deadline.startedAtMs : null,
      endedAtMs: this.startRecorded ? this.endedAtMs : null,
      deadlineMs: this.startRecorded && this.deadline ? this.deadline.deadlineMs : null,
      secondsLeft: reading ? reading.secondsLeft : null,
      warning: reading ? reading.warning : false,
      serverEndPending: this.serverEndPending,
      endCause: this.endCause,
      error: this.error,
      auditRowId: this.startRecorded ? this.rowId : null,
      changes: {
        allowed: this.mayChange,
        fromStart: this.changesMode === 'allowed-from-start',
        allowedAtMs: this.changesAllowed ? this.changesAllowed.at.getTime() : null,
      },
    };
  }
}
