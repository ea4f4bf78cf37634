// The audit store as the impersonation flow sees it; implemented by src-main/audit
// (AuditStore). Every call is one durable transaction (AU-1, AU-2).
import type { EndCause } from '../../../src-preload/contract';
import type { AdminIdentity, TargetIdentity } from './identities';
import type { ChangesAllowedRecord, ChangesMode, TimelineBound, TimelineEntry, TimelineSummary } from './view-timeline';

export interface AttemptRecord {
  /** Identifies the connection: normalised URL + database (never a secret). */
  connectionKey: string;
  /** The server's identity the rate limit counts by (core/server-identity.ts). */
  serverKey: string;
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
  /** What else the record should say, e.g. the refused input's bounded excerpt. */
  detail?: string | null;
}

export interface StartRecord {
  startedAtClient: Date;
  /** UTC "YYYY-MM-DD HH:MM:SS" as the server reported it, when known. */
  startedAtServer: string | null;
  /** The session's 42-character identifier, from which its id cannot be rebuilt (SS-10). */
  sessionIdentifier: string;
  clientIp: string | null;
  serverIp: string | null;
  /** id of the ir.logging row written on the server. */
  serverLogId: number | null;
  /** Issue 17: read-only (the default) or changes allowed from the start, as chosen for the connection (the session always says; absent only in records older than it). */
  changesMode?: ChangesMode;
}

export interface EndRecord {
  endedAtClient: Date;
  endedAtServer: string | null;
  cause: EndCause;
  /** true while the server-side end is still being retried (FT-3). */
  serverEndPending: boolean;
  detail: string | null;
  /** The session's impersonate.log row, when the end told it (null or absent: as recorded before). */
  impersonateLogId?: number | null;
}

export interface OpenSession {
  sessionId: number;
  connectionKey: string;
  sessionIdentifier: string | null;
  adminUid: number;
  adminLogin: string;
  adminName: string;
  targetId: number;
  targetLogin: string | null;
  targetName: string | null;
  reason: string;
  startedAtClient: Date | null;
  /** UTC "YYYY-MM-DD HH:MM:SS" as the server reported the start, when known. */
  startedAtServer: string | null;
  clientIp: string | null;
  serverIp: string | null;
  clientHost: string;
  appVersion: string;
  /**
   * The session's impersonate.log row: its id when known; while the start left several
   * candidates, those no other session of this server is known to have (through the
   * mirror) — recovery closes a row only when exactly one is left. Empty: none recorded.
   */
  impersonateLogIds: number[];
}

/**
 * A connect (or "Test connection") the server or the console refused (AZ-1): wrong
 * credentials, or a login that may not impersonate. Never the password.
 */
export interface ConnectRefusalRecord {
  /** Normalised URL + database. */
  connectionKey: string;
  login: string;
  action: 'connect' | 'test';
  /** 'access-denied' (wrong password or login), 'not-system-admin', 'module-missing', 'not-in-impersonation-group'. */
  causes: string[];
  at: Date;
  clientHost: string;
  appVersion: string;
}

/**
 * A change the console made to the server's settings, on the admin's explicit word —
 * today only the freeze of web.base.url (docs/odoo.md, Server identity and the base URL).
 */
export interface ServerSettingRecord {
  /** Normalised URL + database. */
  connectionKey: string;
  login: string;
  setting: 'web.base.url.freeze';
  /** The address web.base.url was frozen at. */
  value: string;
  /** web.base.url before the change, as the server answered it. */
  previous: string | null;
  at: Date;
  clientHost: string;
  appVersion: string;
}

/** A warm session on the record and not yet ended: what crash recovery revokes (issue 13). */
export interface OpenWarmSession {
  id: number;
  connectionKey: string;
  sessionIdentifier: string;
  createdAt: string;
}

/**
 * How a warm session ended: 'used' (an attempt took it, its row carries the identifier
 * now), 'cancelled', 'timeout', 'disconnect', 'quit' (also window close and OS shutdown), 'suspend'
 * (sleep), 'other-target', 'recovered'.
 */
export type WarmEnd = 'used' | 'cancelled' | 'timeout' | 'disconnect' | 'quit' | 'suspend' | 'other-target' | 'recovered';

/** The audit store as the impersonation flow sees it. Every call is one durable transaction. */
export interface AuditLedger {
  /** Records an attempt (allowed or refused) and answers its session row id. */
  recordAttempt(record: AttemptRecord): Promise<number>;
  /**
   * The fresh server session exists: its 42-character identifier is on the record
   * before anything else happens, so that a crash before the start is recorded still
   * leaves crash recovery something to revoke (FT-1), and the session's impersonate.log
   * row candidates (one, almost always) are kept with it. The attempt stays pending.
   */
  recordServerSession(sessionId: number, sessionIdentifier: string, at: Date, impersonateLogIds?: readonly number[]): Promise<void>;
  /** The start, committed before the view gets the cookie (AU-2). */
  recordStart(sessionId: number, record: StartRecord): Promise<void>;
  /** An allowed attempt that did not start, with why. */
  recordFailure(sessionId: number, at: Date, reason: string): Promise<void>;
  /**
   * An allowed attempt the start itself refused before anything changed on the server
   * (AZ-1: the fresh session says the admin may not): closed as refused, with the code.
   */
  recordRefusal(sessionId: number, at: Date, refusal: string): Promise<void>;
  recordEnd(sessionId: number, record: EndRecord): Promise<void>;
  /** Sessions started and never ended (crash recovery, FT-1). */
  openSessions(): Promise<OpenSession[]>;
  /** A refused connect, as an audit event of its own (no session row). */
  recordConnectRefusal(record: ConnectRefusalRecord): Promise<void>;
  /** A change to the server's settings the admin asked for (no session row). */
  recordServerSetting(record: ServerSettingRecord): Promise<void>;
  /** Times (ms) of the attempts for this limiter key since `sinceMs`, for the rate limiter. */
  attemptTimes(limiterKey: string, sinceMs: number): Promise<number[]>;
  /** "Allow changes" (issue 17.2): a chained event of the session, before any write passes. */
  recordChangesAllowed(sessionId: number, record: ChangesAllowedRecord): Promise<void>;
  /** A batch of the session's timeline (issue 17.3), chained, in one transaction; `bound` once, when reached. */
  recordTimeline(sessionId: number, entries: readonly TimelineEntry[], bound: TimelineBound | null): Promise<void>;
  /** The timeline's summary at the stop (what the server's end entry says), chained. */
  recordTimelineSummary(sessionId: number, at: Date, summary: TimelineSummary): Promise<void>;
  /** A warm session exists on the server: its identifier goes on the record before it is used; answers its row id. */
  recordWarmSession(connectionKey: string, sessionIdentifier: string, at: Date): Promise<number>;
  /** The warm session is gone (or taken by an attempt that recorded its identifier). */
  recordWarmSessionEnd(id: number, at: Date, end: WarmEnd): Promise<void>;
  /** Warm sessions recorded and never ended (crash recovery). */
  openWarmSessions(): Promise<OpenWarmSession[]>;
}
