// What the impersonation flow needs from the outside world, as interfaces:
// the audit store implements AuditLedger (src-main/audit), the Odoo connector
// the server side (src-main/odoo), the shell the view. Core stays free of I/O.
import type { EndCause } from '../../src-preload/contract';

export interface AdminIdentity {
  uid: number;
  login: string;
  name: string;
}

export interface TargetIdentity {
  id: number;
  login: string | null;
  name: string | null;
}

export interface AttemptRecord {
  /** Identifies the connection: normalised URL + database (never a secret). */
  connectionKey: string;
  admin: AdminIdentity;
  target: TargetIdentity;
  /** As typed, capped to 500 characters by the store if it was refused for its length. */
  reason: string;
  allowed: boolean;
  /** Why it was refused (e.g. 'rate-limited', 'administrator', 'reason-too-short'), null if allowed. */
  refusal: string | null;
  at: Date;
  clientHost: string;
  appVersion: string;
}

export interface StartRecord {
  startedAtClient: Date;
  /** UTC "YYYY-MM-DD HH:MM:SS" as the server reported it, when known. */
  startedAtServer: string | null;
  /** First 42 characters of the Odoo session id, never the full id (SS-10). */
  sessionIdentifier: string;
  clientIp: string | null;
  serverIp: string | null;
  /** id of the ir.logging row written on the server. */
  serverLogId: number | null;
}

export interface EndRecord {
  endedAtClient: Date;
  endedAtServer: string | null;
  cause: EndCause;
  /** true while the server-side end is still being retried (FT-3). */
  serverEndPending: boolean;
  detail: string | null;
}

export interface OpenSession {
  sessionId: number;
  connectionKey: string;
  sessionIdentifier: string | null;
  adminLogin: string;
  targetLogin: string | null;
  startedAtClient: Date | null;
}

/** The audit store as the impersonation flow sees it. Every call is one durable transaction. */
export interface AuditLedger {
  /** Records an attempt (allowed or refused) and answers its session row id. */
  recordAttempt(record: AttemptRecord): Promise<number>;
  /**
   * The fresh server session exists: its 42-character identifier is on the record
   * before anything else happens, so that a crash before the start is recorded still
   * leaves crash recovery something to revoke (FT-1). The attempt stays pending.
   */
  recordServerSession(sessionId: number, sessionIdentifier: string, at: Date): Promise<void>;
  /** The start, committed before the view gets the cookie (AU-2). */
  recordStart(sessionId: number, record: StartRecord): Promise<void>;
  /** An allowed attempt that did not start, with why. */
  recordFailure(sessionId: number, at: Date, reason: string): Promise<void>;
  recordEnd(sessionId: number, record: EndRecord): Promise<void>;
  /** Sessions started and never ended (crash recovery, FT-1). */
  openSessions(): Promise<OpenSession[]>;
  /** Times (ms) of the attempts for this limiter key since `sinceMs`, for the rate limiter. */
  attemptTimes(limiterKey: string, sinceMs: number): Promise<number[]>;
}

/** The embedded Odoo view, as the flow drives it (implemented in src-main/shell). */
export interface ImpersonationViewPort {
  /**
   * Creates the view on a new in-memory partition unique to this session, sets the
   * `session_id` cookie on that partition only, and loads `url`. Rejects if it cannot.
   */
  open(spec: ImpersonationViewSpec): Promise<void>;
  /** Hides and destroys the view and clears its partition's storage. Idempotent. */
  close(): Promise<void>;
}

export interface ImpersonationViewSpec {
  /** Unique per session; names the partition (never `persist:`). */
  sessionKey: string;
  /** The connection's origin: the only one the view may navigate to. */
  origin: string;
  /** Odoo's session cookie value: stays in main, set on the partition only. */
  sessionCookie: string;
  url: string;
}

// ---------------------------------------------------------------- the impersonation flow's server side
// Added for ImpersonationSession (issue 6). Implemented by src-main/odoo over the admin
// API session and one fresh cookie jar per impersonation (architecture.md).

/** What the server says about a target right before a start (AZ-2: re-checked, not cached). */
export interface TargetRecord {
  id: number;
  login: string;
  name: string;
  active: boolean;
  /** Odoo's `share`: portal and public users. */
  share: boolean;
  /** Member of base.group_system, computed by the server from the group's id. */
  isSystemAdmin: boolean;
}

/**
 * A live impersonation on the server. Held in main memory only: the cookie never goes
 * to the audit, logs or the UI (SS-10).
 */
export interface ImpersonationHandle {
  /** First 42 characters of the session id: the only form that may be stored. */
  sessionIdentifier: string;
  /** The full `session_id` cookie value, for the view's partition only. */
  sessionCookie: string;
  target: { id: number; name: string; login: string };
  /** `uid` of the fresh session after impersonate_login, as get_session_info reported it. */
  sessionUid: number;
  /** `impersonate_from_uid` as get_session_info reported it (AZ-6). */
  impersonatorUid: number | null;
  /** UTC "YYYY-MM-DD HH:MM:SS" from the server, when it says. */
  serverStartedAt: string | null;
  /** The IP the server saw for the fresh session (res.device.log), when available. */
  serverIp: string | null;
  /** The console's own view of its IP, when known. */
  clientIp: string | null;
}

/** The `ir.logging` entry the console writes through the admin API session (AU-2). */
export interface ServerAuditEntry {
  admin: AdminIdentity;
  target: { id: number; name: string; login: string };
  reason: string;
  sessionIdentifier: string;
  serverIp: string | null;
  clientIp: string | null;
  clientHost: string;
  appVersion: string;
  startedAtClient: Date;
}

export type ServerStepOutcome = 'ok' | 'failed';

export interface ServerEndResult {
  /** back_to_origin_login: the only call that closes the server's impersonate.log row. */
  backToOrigin: ServerStepOutcome;
  /** /web/session/destroy: 'ok' also when the server had already dropped the session. */
  destroyed: ServerStepOutcome;
}

/** 'not-found': nothing live under that identifier; 'unsupported': no res.device (Odoo 17.0). */
export type RevokeOutcome = 'revoked' | 'not-found' | 'unsupported';

export interface OdooImpersonationPort {
  /** Reads the target's facts through the admin API session; null for an unknown id. Read-only. */
  readTarget(targetId: number): Promise<TargetRecord | null>;
  /**
   * Fresh cookie jar → authenticate → get_session_info → impersonate_login(target) →
   * get_session_info again. If it rejects, it has already destroyed whatever it created.
   */
  impersonate(targetId: number): Promise<ImpersonationHandle>;
  /** Creates the ir.logging entry through the admin API session; answers its id. */
  writeServerAuditEntry(entry: ServerAuditEntry): Promise<number>;
  /** back_to_origin_login then destroy on the fresh jar; safe to call again. Rejects on network failure. */
  endImpersonation(handle: ImpersonationHandle): Promise<ServerEndResult>;
  /** Whether the server still honours the fresh session. Rejects when it cannot tell (network). */
  checkAlive(handle: ImpersonationHandle): Promise<'alive' | 'expired'>;
  /** res.device revoke by identifier through the admin API session (crash recovery, FT-1). */
  revokeByIdentifier(sessionIdentifier: string): Promise<RevokeOutcome>;
}
