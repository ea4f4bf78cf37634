// What an impersonation attempt is, as the gate decides it (attempt-gate.ts) and
// an allowed check is remembered (attempt-approvals.ts): types only, so that both
// can name them without importing each other.
import type { Message } from '../../src-preload/contract';
import type { ReasonRefusalCode } from '../../src-preload/reason-rule';
import type { AdminIdentity, TargetRecord } from './ports';

export type AttemptRefusalCode =
  | ReasonRefusalCode
  | 'rate-limited'
  | 'already-active'
  | 'closing'
  | 'self'
  | 'superuser'
  | 'administrator'
  | 'portal'
  | 'archived'
  | 'target-unknown'
  | 'target-check-failed'
  /** The call's payload failed the contract's schema: `invalid-input:<field>` on the record. */
  | 'invalid-input';

export interface AttemptRequest {
  targetId: number;
  /** As typed; validated here. */
  reason: string;
}

/** Who attempts, where from. */
export interface AttemptContext {
  /** Normalised URL + database (never a secret). */
  connectionKey: string;
  /**
   * The server's identity for the rate limit (core/server-identity.ts): its
   * `database.uuid`, or the normalised URL where that cannot be read.
   */
  serverKey: string;
  admin: AdminIdentity;
  clientHost: string;
  appVersion: string;
}

/** What the console is doing when the attempt arrives. */
export type ConsoleState = 'free' | 'busy' | 'closing';

export interface AttemptRefusal {
  /** Every code that applies (several only for the target); the first names the message. */
  codes: AttemptRefusalCode[];
  message: Message;
}

export interface AttemptDecision {
  at: Date;
  allowed: boolean;
  refusal: AttemptRefusal | null;
  /** Trimmed when valid, as typed otherwise (the store caps it). */
  reason: string;
  /** The target as the server reported it just now, when it was read. */
  target: TargetRecord | null;
  remaining: number;
  retryAfterSeconds: number | null;
}
