// What the session state machine is built with and answers, apart from the machine itself.
import type { EndCause } from '../../src-preload/contract';
import type { AttemptContext, AttemptDecision } from './attempt';
import type { AttemptGate } from './attempt-gate';
import type { Clock } from './clock';
import { ConsoleError } from './console-error';
import type { AuditLedger, ImpersonationViewPort, OdooImpersonationPort } from './ports';
import type { MonotonicClock, Scheduler } from './scheduler';
import type { RetryPolicy } from './server-end';

export interface StartContext extends AttemptContext {
  odoo: OdooImpersonationPort;
  /** The connection's origin, the only one the view may navigate to. */
  origin: string;
  /** Where the view lands, e.g. `${origin}/odoo`. */
  landingUrl: string;
  /** From Settings; clamped to 1..60 (never raised past the hard limit). */
  limitMinutes: number;
  /** Issue 17.2: the connection allows changes from the start (default: read-only until "Allow changes"). */
  changesFromStart?: boolean;
}

export interface ImpersonationSessionOptions {
  ledger: AuditLedger;
  view: ImpersonationViewPort;
  clock: Clock;
  scheduler: Scheduler;
  /** A second, jump-proof bound on the session's length; null to use the wall clock only. */
  monotonic: MonotonicClock | null;
  gate?: AttemptGate;
  /** Deadline recheck and countdown (default 1 s). */
  tickMs?: number;
  /** Server-side expiry check (default 30 s). */
  aliveCheckMs?: number;
  retry?: RetryPolicy;
}

export type ShutdownCause = Extract<EndCause, 'quit' | 'window-close' | 'shutdown' | 'suspend'>;
export type ShutdownOutcome = 'nothing-to-end' | 'ended' | 'server-end-pending' | 'timed-out';

/** A start the rules refused; the attempt is on the record. */
export class AttemptRefusedError extends ConsoleError {
  constructor(readonly decision: AttemptDecision) {
    super('refused', decision.refusal?.message.key ?? 'rules.refused', decision.refusal?.message.params);
    this.name = 'AttemptRefusedError';
  }
}
