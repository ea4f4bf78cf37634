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
  /** The user's partner, when the read says (impersonate.log names partners). */
  partnerId?: number | null;
}

/**
 * The admin's fresh server session, authenticated while the reason is typed and not yet
 * impersonating (a warm session). Main memory only; the connector keeps its cookie.
 */
export interface WarmHandle {
  /** Its 42-character identifier, recorded before it is used (crash recovery revokes it). */
  readonly sessionIdentifier: string;
}

/** What the start already knows when it asks the server to switch (one read per attempt). */
export interface ImpersonateOptions {
  /** The target as core judged it, read right before this call: the connector does not read it again. */
  target?: TargetRecord;
  /** The warm session to switch; taken once, never reused. Without it a fresh one is authenticated. */
  warm?: WarmHandle;
  /**
   * The write-ahead records (AU-2), run by the connector once impersonate_login has
   * answered, beside the verification (AZ-6), so that the critical path after Confirm
   * is three round trips: the target read, the switch, then both at once (issue 13).
   * A rejection ends the switch like a failed verification, and is what `impersonate`
   * rejects with; a failed verification is reported after it settled.
   */
  writeAhead?: (switched: SwitchedSession) => Promise<void>;
}

/** What impersonate_login's answer already tells, before the verification: the write-ahead records' facts. */
export interface SwitchedSession {
  /** The session's 42-character identifier, as the view's cookie will be. */
  sessionIdentifier: string;
  serverIp: string | null;
  clientIp: string | null;
  /**
   * The impersonate.log mark read before the switch: the session's row is the first one
   * above it for this admin and target (the start entry names it, since the row itself
   * is found by the verification running beside it). Null where the server has no log.
   */
  logMark: number | null;
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
 * id above `afterId` were created while it runs (ids only grow). `ownRowIds` are the
 * rows the console's own impersonate_login may have created: the open rows above the
 * mark for this admin and the target's partner. Almost always one; two consoles of the
 * same admin switching to the same target at the same moment leave several, which
 * the end tells apart (the row back_to_origin_login closed is this session's;
 * docs/odoo.md, The server's own audit records).
 */
export interface ImpersonateLogWatch {
  afterId: number;
  /** Ascending; never empty (no candidate refuses the start, AZ-6). */
  ownRowIds: number[];
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
  /** The session's impersonate.log row candidates (ImpersonateLogWatch.ownRowIds). */
  impersonateLogIds: number[];
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

/**
 * The fresh session of an impersonation asks for a second factor (two-factor sign-in)
 * and the server no longer trusts this computer, or never did: nobody is there to type
 * a code, so the start is refused before anything changed, and the admin is told to
 * connect again with a code.
 */
export class SecondFactorRefusal extends ConsoleError {
  readonly code = 'second-factor-required';

  constructor() {
    super('refused', 'rules.reconnectWithCode');
    this.name = 'SecondFactorRefusal';
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
  /**
   * The session's impersonate.log row: one id when it is known which, several while
   * the start could not tell (ImpersonateLogWatch), none where the server has no log.
   * The entry names it, so that every console merges the server's records by keys.
   */
  impersonateLogIds: number[];
  /**
   * The start entry, written beside the verification, cannot name the row yet: it names
   * the mark instead (SwitchedSession.logMark), and every later entry names the row.
   */
  impersonateLogAfter?: number | null;
}

/** How the session ended, for the `ir.logging` entry that closes the start's (AU-1, AU-4). */
export interface ServerEndFacts {
  endedAtClient: Date;
  cause: EndCause;
  /** The session's impersonate.log row, once known (the end may be what told the candidates apart). */
  impersonateLogId: number | null;
  /** What else the entry should say (crash recovery: what was done on the server). */
  detail?: string;
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
  /** The session's impersonate.log row, when known: the only candidate, or the one back_to_origin_login closed. */
  impersonateLogId: number | null;
}

/** 'not-found': nothing live under that identifier; 'unsupported': no res.device (Odoo 17.0). */
export type RevokeOutcome = 'revoked' | 'not-found' | 'unsupported';

/**
 * Crash recovery closing an orphan's impersonate.log row (FT-1): only back_to_origin_login
 * closes it otherwise, and the crashed process can no longer call it. The row is the one
 * the session recorded (a key, never a guess); for a record made before the console kept
 * that key, the one open row of that admin and target started within seconds before the
 * server's start time, where there is exactly one.
 * - 'closed': date_end written now (`at`, the server's clock);
 * - 'already-closed': someone closed it before (`at`: its date_end);
 * - 'refused': the server forbids writing it (`message`: what it said) — the row stays open;
 * - 'not-found': no such row on the server any more;
 * - 'rewritten': the row no longer names this admin and target: left alone;
 * - 'uncertain': no row recorded and none certain, or several candidates left.
 */
export interface ServerLogClosing {
  outcome: 'closed' | 'already-closed' | 'refused' | 'not-found' | 'rewritten' | 'uncertain';
  rowId: number | null;
  at: string | null;
  message?: string;
}

/**
 * What a server that cannot revoke by identifier (Odoo 17) leaves open after a
 * crash, and what could be closed (docs/odoo.md, Versions): Odoo deletes a session
 * once it has been unused `maxInactivitySeconds`, when its daily clean-up job runs.
 */
export interface LeftOpen {
  /** The server's impersonate.log row of that session is closed (now, or already). */
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
  impersonate(targetId: number, options?: ImpersonateOptions): Promise<ImpersonationHandle>;
  /**
   * A fresh cookie jar → authenticate (AZ-1 checked on its answer, AdminRightsRefusal) →
   * get_session_info; nothing impersonated. The session a later impersonate() switches.
   */
  prewarm(): Promise<WarmHandle>;
  /** Destroys an unused warm session on the server (/web/session/destroy). Rejects when the server cannot be reached. */
  discardWarm(warm: WarmHandle): Promise<void>;
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
  /** Crash recovery: closes the orphan's impersonate.log row, when it is certain which (ServerLogClosing). Rejects when the server cannot be reached. */
  closeServerLog(orphan: OpenSession): Promise<ServerLogClosing>;
  /** Where revoking is unsupported (Odoo 17): for how long the orphan's session stays valid on the server. */
  unrevocableFacts(orphan: OpenSession): Promise<Omit<LeftOpen, 'serverLogClosed'>>;
}
