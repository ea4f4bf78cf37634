// What the UI sees of the session: the contract's SessionView, built from the state
// machine's facts. Never the cookie, never the full session id (SS-10).
import type { ConsoleErrorShape, EndCause, SessionPhase, SessionView } from '../../src-preload/contract';
import type { ConsoleError } from './console-error';

export interface SessionFacts {
  phase: SessionPhase;
  target: { id: number; name: string; login: string } | null;
  reason: string | null;
  startedAtMs: number | null;
  endedAtMs: number | null;
  deadlineMs: number | null;
  secondsLeft: number | null;
  warning: boolean;
  serverEndPending: boolean;
  endCause: EndCause | null;
  error: ConsoleError | null;
  /** The local audit row, once the start is recorded (the Logs can then show it). */
  auditRowId: number | null;
  /** Issue 17: whether the page may change data; null before a session is claimed. */
  changes: { allowed: boolean; fromStart: boolean; allowedAtMs: number | null } | null;
}

export const IDLE_FACTS: SessionFacts = {
  phase: 'idle',
  target: null,
  reason: null,
  startedAtMs: null,
  endedAtMs: null,
  deadlineMs: null,
  secondsLeft: null,
  warning: false,
  serverEndPending: false,
  endCause: null,
  error: null,
  auditRowId: null,
  changes: null,
};

export function toSessionView(facts: SessionFacts): SessionView {
  return {
    phase: facts.phase,
    target: facts.target ? { ...facts.target } : null,
    reason: facts.reason,
    startedAt: iso(facts.startedAtMs),
    endedAt: iso(facts.endedAtMs),
    deadline: iso(facts.deadlineMs),
    secondsLeft: facts.secondsLeft,
    warning: facts.warning,
    serverEndPending: facts.serverEndPending,
    endCause: facts.endCause,
    error: facts.error ? errorShape(facts.error) : null,
    // The Logs' id of a local session (src-main/audit/migrations.ts: 'local:' || id).
    recordId: facts.auditRowId === null ? null : `local:${facts.auditRowId}`,
    changes: facts.changes ? { allowed: facts.changes.allowed, fromStart: facts.changes.fromStart, allowedAt: iso(facts.changes.allowedAtMs) } : null,
  };
}

export function errorShape(error: ConsoleError): ConsoleErrorShape {
  return error.params ? { kind: error.kind, key: error.key, params: error.params } : { kind: error.kind, key: error.key };
}

function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

/** What the UI (and the tray) show before any session. */
export const IDLE_SESSION_VIEW: SessionView = toSessionView(IDLE_FACTS);
