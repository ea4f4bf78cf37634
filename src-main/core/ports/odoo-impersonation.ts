// The impersonation flow's server side; implemented by src-main/odoo
// (ConnectorImpersonationPort) over the admin API session and one fresh cookie
// jar per impersonation (docs/architecture.md, Sessions against Odoo).
import type { EndCause } from '../../../src-preload/contract';
import type { OpenSession } from './audit-ledger';
import type { AdminIdentity } from './identities';

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

/** How the session ended, for the `ir.logging` entry that closes the start's (AU-1, AU-4). */
export interface ServerEndFacts {
  endedAtClient: Date;
  cause: EndCause;
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
   * Fresh cookie jar → authenticate → get_session_info → impersonate_login(target) →
   * get_session_info again. If it rejects, it has already destroyed whatever it created.
   */
  impersonate(targetId: number): Promise<ImpersonationHandle>;
  /** Creates the ir.logging entry through the admin API session; answers its id. */
  writeServerAuditEntry(entry: ServerAuditEntry): Promise<number>;
  /** The matching end entry (same session facts, how and when it ended); answers its id. */
  writeServerEndEntry(entry: ServerAuditEntry, end: ServerEndFacts): Promise<number>;
  /** back_to_origin_login then destroy on the fresh jar; safe to call again. Rejects on network failure. */
  endImpersonation(handle: ImpersonationHandle): Promise<ServerEndResult>;
  /** Whether the server still honours the fresh session. Rejects when it cannot tell (network). */
  checkAlive(handle: ImpersonationHandle): Promise<'alive' | 'expired'>;
  /** res.device revoke by identifier through the admin API session (crash recovery, FT-1). */
  revokeByIdentifier(sessionIdentifier: string): Promise<RevokeOutcome>;
  /** Where revoking is unsupported: closes the server's log row of the orphan if it is certain which, and says what stays open. */
  closeUnrevocable(orphan: OpenSession): Promise<LeftOpen>;
}
