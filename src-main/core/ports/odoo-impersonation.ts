// The impersonation flow's server side; implemented by src-main/odoo
// (ConnectorImpersonationPort) over the admin API session and one fresh cookie
// jar per impersonation (docs/architecture.md, Sessions against Odoo).
import type { EndCause } from '../../../src-preload/contract';
import type { OpenSession } from './audit-ledger';
import { ConsoleError } from '../console-error';
import type { AdminIdentity } from './identities';
import type { ChangesMode, TimelineSummary } from './view-timeline';

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
  /** The session's 42-character identifier (Odoo's own on 18, 19, a digest on 17): the only form that may be stored (SS-10). */
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
  /** What the tripwire watches in the server's impersonate.log; null where the server has none. */
  logWatch: ImpersonateLogWatch | null;
}

/**
 * The server's impersonate.log as it stood when this session started: rows with an
 * id above `afterId` were created while it runs (ids only grow), and `ownRowId` is
 * the one the console's own impersonate_login created.
 */
export interface ImpersonateLogWatch {
  afterId: number;
  ownRowId: number;
  /** The target's partner: impersonate.log names the partner, not the user. */
  targetPartnerId: number;
}

/** One impersonate.log row as the tripwire reads it (every internal user may rewrite user_id). */
export interface ImpersonateLogRow {
  id: number;
  /** user_id: the impersonator, as the row says now. */
  impersonatorUid: number | null;
  impersonatorName: string | null;
  targetPartnerId: number | null;
  targetName: string | null;
}

/** What the server says of the view's session right now, on its own cookie. */
export type SessionWitness =
  | { readonly state: 'expired' }
  | { readonly state: 'live'; readonly uid: number; readonly impersonatorUid: number | null };

/** The server-side record of a session the tripwire ended (ir.logging, through the admin API session). */
export interface TamperReport {
  admin: AdminIdentity;
  target: { id: number; name: string; login: string };
  reason: string;
  sessionIdentifier: string;
  /** What was seen, in words that hold no secret. */
  finding: string;
  clientHost: string;
  appVersion: string;
  at: Date;
}

/**
 * The admin's own fresh session says it may no longer impersonate (AZ-1, checked at
 * every start on the authenticate answer): a refusal, recorded with its cause,
 * before impersonate_login was ever called.
 */
export class AdminRightsRefusal extends ConsoleError {
  constructor(readonly code: 'admin-not-system' | 'admin-not-impersonator') {
    super('refused', code === 'admin-not-system' ? 'rules.adminNotSystem' : 'rules.adminNotImpersonator');
    this.name = 'AdminRightsRefusal';
  }
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
  /** Issue 17: how the session began; the start entry says it. */
  changesMode?: ChangesMode;
}

/** How the session ended, for the `ir.logging` entry that closes the start's (AU-1, AU-4). */
export interface ServerEndFacts {
  endedAtClient: Date;
  cause: EndCause;
  /** Issue 17.3: the timeline's summary (counts per model and method, writes marked). */
  timeline?: TimelineSummary;
  /** Issue 17.2: when and why changes were allowed during the session. */
  changesAllowed?: { at: Date; reason: string } | null;
}

/** "Allow changes" during a session, for its own ir.logging entry (issue 17.2). */
export interface ChangesAllowedFacts {
  at: Date;
  reason: string;
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

/**
 * What a server that cannot revoke by identifier (Odoo 17) leaves open after a
 * crash, and what could be closed (docs/odoo.md, Versions): Odoo deletes a session
 * once it has been unused `maxInactivitySeconds`, when its daily clean-up job runs.
 */
export interface LeftOpen {
  /** The server's impersonate.log row of that session was found (exactly one) and closed. */
  serverLogClosed: boolean;
  maxInactivitySeconds: number;
  /** The clean-up job: 'ran' (last at `cleanupLastRun`), 'never' (it never ran), 'off' (inactive or not found). */
  cleanup: 'ran' | 'never' | 'off';
  cleanupLastRun: string | null;
}

export interface OdooImpersonationPort {
  /** Reads the target's facts through the admin API session; null for an unknown id. Read-only. */
  readTarget(targetId: number): Promise<TargetRecord | null>;
  /**
   * Fresh cookie jar → authenticate (refused with AdminRightsRefusal unless its answer
   * says is_system and is_impersonate_user, AZ-1) → get_session_info →
   * impersonate_login(target) → get_session_info again. If it rejects, it has already
   * destroyed whatever it created.
   */
  impersonate(targetId: number): Promise<ImpersonationHandle>;
  /** Creates the ir.logging entry through the admin API session; answers its id. */
  writeServerAuditEntry(entry: ServerAuditEntry): Promise<number>;
  /** The matching end entry (same session facts, how and when it ended); answers its id. */
  writeServerEndEntry(entry: ServerAuditEntry, end: ServerEndFacts): Promise<number>;
  /** The ir.logging entry of "Allow changes" (the start entry's facts, the second reason); answers its id. */
  writeChangesAllowedEntry(entry: ServerAuditEntry, facts: ChangesAllowedFacts): Promise<number>;
  /** back_to_origin_login then destroy on the fresh jar; safe to call again. Rejects on network failure. */
  endImpersonation(handle: ImpersonationHandle): Promise<ServerEndResult>;
  /**
   * Who the fresh session is, as the server says on its own cookie (uid and
   * impersonate_from_uid), or that it is gone. Rejects when it cannot tell (network).
   */
  checkAlive(handle: ImpersonationHandle): Promise<SessionWitness>;
  /** impersonate.log rows above `handle.logWatch.afterId`, oldest first, read through the admin API session. */
  readNewImpersonateLogs(handle: ImpersonationHandle): Promise<ImpersonateLogRow[]>;
  /** Writes the ir.logging entry of a session the tripwire ended; answers its id. */
  reportTampering(report: TamperReport): Promise<number>;
  /** res.device revoke by identifier through the admin API session (crash recovery, FT-1). */
  revokeByIdentifier(sessionIdentifier: string): Promise<RevokeOutcome>;
  /** Where revoking is unsupported: closes the server's log row of the orphan if it is certain which, and says what stays open. */
  closeUnrevocable(orphan: OpenSession): Promise<LeftOpen>;
}
