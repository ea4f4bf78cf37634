// The server side of an impersonation, in memory, with the switches the tests need:
// `down` (every call fails as a network error would), `failing` (one step fails),
// `hold(step)` (a step waits until the test releases it, to build races), server-side
// expiry, and a server without res.device. It keeps every session it ever created, so
// a test can ask which are still live (an orphan is a live one nobody tracks).
import {
  AdminRightsRefusal,
  type ImpersonateLogRow,
  type ImpersonationHandle,
  type LeftOpen,
  type OdooImpersonationPort,
  type OpenSession,
  type RevokeOutcome,
  type ServerAuditEntry,
  type ServerEndFacts,
  type ChangesAllowedFacts,
  type ServerEndResult,
  type ServerLogClosing,
  type SessionWitness,
  type TamperReport,
  type TargetRecord,
  type ImpersonateOptions,
  type WarmHandle,
} from '../../../../src-main/core/ports';
import { deferred, type Deferred } from './deferred';

export type OdooStep =
  | 'readTarget'
  | 'impersonate'
  | 'writeServerAuditEntry'
  | 'writeServerEndEntry'
  | 'writeChangesAllowedEntry'
  | 'endImpersonation'
  | 'checkAlive'
  | 'closeServerLog'
  | 'unrevocableFacts'
  | 'readNewImpersonateLogs'
  | 'reportTampering'
  | 'revokeByIdentifier'
  | 'prewarm'
  | 'discardWarm';

export const ADMIN = { uid: 2, login: 'admin', name: 'Mitchell Admin' };

export const USERS: TargetRecord[] = [
  { id: 1, login: '__system__', name: 'OdooBot', active: true, share: false, isSystemAdmin: true },
  { id: 2, login: 'admin', name: 'Mitchell Admin', active: true, share: false, isSystemAdmin: true },
  { id: 6, login: 'alice', name: 'Alice Anderson', active: true, share: false, isSystemAdmin: false },
  { id: 7, login: 'bob', name: 'Bob Brown', active: true, share: false, isSystemAdmin: false },
  { id: 8, login: 'admin2', name: 'Second Admin', active: true, share: false, isSystemAdmin: true },
  { id: 9, login: 'pat', name: 'Pat Portal', active: true, share: true, isSystemAdmin: false },
  { id: 10, login: 'olga', name: 'Olga Old', active: false, share: false, isSystemAdmin: false },
];

export class NetworkError extends Error {
  constructor(step: string) {
    super(`network: ${step} could not reach the server`);
  }
}

interface ServerSession {
  identifier: string;
  cookie: string;
  targetId: number;
  /** Who the session is now, as get_session_info would say (page script may switch it). */
  uid: number;
  impersonatorUid: number | null;
  alive: boolean;
  /** impersonate.log row closed by back_to_origin_login. */
  logClosed: boolean;
  /** The impersonate.log row this session's impersonate_login created. */
  logRowId: number;
  /** A warm session (issue 13): authenticated as the admin, not switched yet. */
  warm?: boolean;
}

export class FakeOdoo implements OdooImpersonationPort {
  down = false;
  revokeSupported = true;
  /** The server reports a different impersonator (AZ-6 must catch it). */
  misreportImpersonator = false;
  /** The admin's fresh session says it may not impersonate (AZ-1 at the start). */
  adminRefusal: AdminRightsRefusal['code'] | null = null;
  /** Servers without impersonate.log (the tripwire then watches the session's identity only). */
  hasImpersonateLog = true;
  /**
   * Another console of the same admin switches to the same target at the same moment: the
   * start finds two candidate rows, and only the end tells which was this session's.
   */
  twinStart = false;
  /** The server forbids writing impersonate.log (a module release, an access rule). */
  refuseLogWrite = false;
  /** The connector's own verification (AZ-6) fails after the switch: it ends the switch and rejects. */
  verificationFails = false;
  /** Like the connector, run the caller's write-ahead records beside the verification (false: leave them to the caller). */
  runsWriteAhead = true;
  /** impersonate.log, as the admin API session reads it. */
  readonly logRows: ImpersonateLogRow[] = [{ id: 40, impersonatorUid: 2, impersonatorName: 'Mitchell Admin', targetPartnerId: 106, targetName: 'Alice Anderson' }];
  readonly tamperReports: TamperReport[] = [];
  readonly failing = new Set<OdooStep>();
  readonly sessions: ServerSession[] = [];
  readonly auditEntries: ServerAuditEntry[] = [];
  readonly endEntries: (ServerAuditEntry & ServerEndFacts)[] = [];
  readonly calls: OdooStep[] = [];
  private readonly holds = new Map<OdooStep, Deferred[]>();
  private readonly waiting = new Map<OdooStep, Deferred[]>();

  constructor(readonly users: TargetRecord[] = USERS) {}

  /** The next call of `step` waits until release() is called; resolves when it has started waiting. */
  hold(step: OdooStep): { reached: Promise<void>; release: () => void } {
    const gate = deferred();
    const reached = deferred();
    this.holds.set(step, [...(this.holds.get(step) ?? []), gate]);
    this.waiting.set(step, [...(this.waiting.get(step) ?? []), reached]);
    return { reached: reached.promise, release: () => gate.resolve() };
  }

  get liveSessions(): ServerSession[] {
    return this.sessions.filter((s) => s.alive);
  }

  /** The server drops every session (e.g. the target's password changed). */
  expireAll(): void {
    for (const session of this.sessions) session.alive = false;
  }

  async readTarget(targetId: number): Promise<TargetRecord | null> {
    await this.enter('readTarget');
    return this.users.find((user) => user.id === targetId) ?? null;
  }

  /** Every warm session handed out, and which ones impersonate() was given. */
  readonly warmUsed: string[] = [];

  async prewarm(): Promise<WarmHandle> {
    await this.enter('prewarm');
    if (this.adminRefusal) throw new AdminRightsRefusal(this.adminRefusal);
    const session = this.newSession(0, ADMIN.uid);
    session.impersonatorUid = null;
    session.warm = true;
    return { sessionIdentifier: session.identifier };
  }

  async discardWarm(warm: WarmHandle): Promise<void> {
    await this.enter('discardWarm');
    const session = this.byIdentifier(warm.sessionIdentifier);
    if (session) session.alive = false;
  }

  private newSession(targetId: number, uid: number): ServerSession {
    const n = this.sessions.length + 1;
    const cookie = `${String(n).padStart(4, '0')}${'c'.repeat(66)}`; // 70 chars, like Odoo's
    const session: ServerSession = { identifier: cookie.slice(0, 42), cookie, targetId, uid, impersonatorUid: ADMIN.uid, alive: true, logClosed: false, logRowId: 0 };
    this.sessions.push(session);
    return session;
  }

  async impersonate(targetId: number, options: ImpersonateOptions = {}): Promise<ImpersonationHandle> {
    await this.enter('impersonate');
    if (this.adminRefusal) throw new AdminRightsRefusal(this.adminRefusal);
    const user = this.users.find((u) => u.id === targetId);
    if (!user) throw new Error('MissingError');
    let session: ServerSession;
    if (options.warm) {
      const warm = this.byIdentifier(options.warm.sessionIdentifier);
      this.warmUsed.push(options.warm.sessionIdentifier);
      // The connector never switches a warm session twice, nor a destroyed one.
      if (!warm || !warm.warm || !warm.alive) throw new Error('verification-failed: warm session used');
      warm.warm = false;
      warm.targetId = targetId;
      warm.uid = user.id;
      warm.impersonatorUid = ADMIN.uid;
      session = warm;
    } else {
      session = this.newSession(targetId, user.id);
    }
    const cookie = session.cookie;
    const afterId = this.lastLogId();
    session.logRowId = this.addLogRow(ADMIN.uid, user.id);
    const twin = this.twinStart ? [this.addLogRow(ADMIN.uid, user.id)] : [];
    if (options.writeAhead && this.runsWriteAhead) {
      // As the connector: the records beside the verification; either failing ends the switch.
      const written = await options.writeAhead({
        sessionIdentifier: session.identifier,
        serverIp: '10.0.0.5',
        clientIp: '10.0.0.4',
        logMark: this.hasImpersonateLog ? afterId : null,
      }).then(() => null, (error: unknown) => ({ error }));
      if (written || this.verificationFails) {
        session.alive = false;
        session.logClosed = true; // back_to_origin_login, then destroy
        throw written ? written.error : new Error('verification-failed: switch');
      }
    }
    return {
      sessionIdentifier: session.identifier,
      sessionCookie: cookie,
      target: { id: user.id, name: user.name, login: user.login },
      sessionUid: user.id,
      impersonatorUid: this.misreportImpersonator ? 99 : ADMIN.uid,
      serverStartedAt: '2025-01-15 09:00:00',
      serverIp: '10.0.0.5',
      clientIp: '10.0.0.4',
      logWatch: this.hasImpersonateLog ? { afterId, ownRowIds: [session.logRowId, ...twin], targetPartnerId: partnerOf(user.id) } : null,
    };
  }

  /** Page script switched the live session (what the view policy should have refused). */
  switchSession(identifier: string, uid: number, impersonatorUid: number | null): void {
    const session = this.byIdentifier(identifier);
    if (!session) throw new Error(`no session ${identifier}`);
    session.uid = uid;
    session.impersonatorUid = impersonatorUid;
  }

  /** A new impersonate.log row, as impersonate_login creates it: answers its id. */
  addLogRow(impersonatorUid: number, targetUserId: number): number {
    const id = this.lastLogId() + 1;
    const name = (uid: number) => this.users.find((u) => u.id === uid)?.name ?? null;
    this.logRows.push({ id, impersonatorUid, impersonatorName: name(impersonatorUid), targetPartnerId: partnerOf(targetUserId), targetName: name(targetUserId) });
    return id;
  }

  private lastLogId(): number {
    return Math.max(0, ...this.logRows.map((row) => row.id));
  }

  async writeServerAuditEntry(entry: ServerAuditEntry): Promise<number> {
    await this.enter('writeServerAuditEntry');
    this.auditEntries.push(entry);
    return 1000 + this.auditEntries.length;
  }

  async writeServerEndEntry(entry: ServerAuditEntry, end: ServerEndFacts): Promise<number> {
    await this.enter('writeServerEndEntry');
    this.endEntries.push({ ...entry, ...end });
    return 2000 + this.endEntries.length;
  }

  /** "Allow changes" entries (issue 17.2), with the start entry's facts. */
  readonly changesEntries: Array<ServerAuditEntry & ChangesAllowedFacts> = [];

  async writeChangesAllowedEntry(entry: ServerAuditEntry, facts: ChangesAllowedFacts): Promise<number> {
    await this.enter('writeChangesAllowedEntry');
    this.changesEntries.push({ ...entry, ...facts });
    return 3000 + this.changesEntries.length;
  }

  async endImpersonation(handle: ImpersonationHandle): Promise<ServerEndResult> {
    await this.enter('endImpersonation');
    const session = this.byIdentifier(handle.sessionIdentifier);
    if (!session?.alive) return { backToOrigin: 'failed', destroyed: 'ok', impersonateLogId: null };
    session.logClosed = true;
    session.alive = false;
    // The row back_to_origin_login closed is this session's (what the connector reads).
    return { backToOrigin: 'ok', destroyed: 'ok', impersonateLogId: this.hasImpersonateLog ? session.logRowId : null };
  }

  async checkAlive(handle: ImpersonationHandle): Promise<SessionWitness> {
    await this.enter('checkAlive');
    const session = this.byIdentifier(handle.sessionIdentifier);
    if (!session?.alive) return { state: 'expired' };
    return { state: 'live', uid: session.uid, impersonatorUid: session.impersonatorUid };
  }

  async readNewImpersonateLogs(handle: ImpersonationHandle): Promise<ImpersonateLogRow[]> {
    await this.enter('readNewImpersonateLogs');
    const after = handle.logWatch?.afterId ?? Infinity;
    return this.logRows.filter((row) => row.id > after).map((row) => ({ ...row }));
  }

  async reportTampering(report: TamperReport): Promise<number> {
    await this.enter('reportTampering');
    this.tamperReports.push(report);
    return 2000 + this.tamperReports.length;
  }

  async revokeByIdentifier(sessionIdentifier: string): Promise<RevokeOutcome> {
    await this.enter('revokeByIdentifier');
    if (!this.revokeSupported) return 'unsupported';
    const session = this.byIdentifier(sessionIdentifier);
    if (!session?.alive) return 'not-found';
    session.alive = false;
    return 'revoked';
  }

  /** The orphan's impersonate.log row, by the key it recorded: closed unless the fake refuses. */
  async closeServerLog(orphan: OpenSession): Promise<ServerLogClosing> {
    await this.enter('closeServerLog');
    if (orphan.impersonateLogIds.length !== 1) return { outcome: 'uncertain', rowId: null, at: null };
    const rowId = orphan.impersonateLogIds[0]!;
    const session = this.sessions.find((s) => s.logRowId === rowId);
    if (!session) return { outcome: 'not-found', rowId, at: null };
    if (session.logClosed) return { outcome: 'already-closed', rowId, at: '2025-01-15 09:00:00' };
    if (this.refuseLogWrite) return { outcome: 'refused', rowId, at: null, message: 'You are not allowed to modify impersonate.log' };
    session.logClosed = true;
    return { outcome: 'closed', rowId, at: '2025-01-15 10:00:00' };
  }

  /** Odoo 17: the session stays alive for a week of inactivity, and the clean-up job never ran. */
  async unrevocableFacts(): Promise<Omit<LeftOpen, 'serverLogClosed'>> {
    await this.enter('unrevocableFacts');
    return { maxInactivitySeconds: 7 * 86_400, cleanup: 'never', cleanupLastRun: null };
  }

  private byIdentifier(identifier: string): ServerSession | undefined {
    return this.sessions.find((s) => s.identifier === identifier);
  }

  private async enter(step: OdooStep): Promise<void> {
    this.calls.push(step);
    const reached = this.waiting.get(step)?.shift();
    const gate = this.holds.get(step)?.shift();
    if (gate) {
      reached?.resolve();
      await gate.promise;
    }
    if (this.down) throw new NetworkError(step);
    if (this.failing.has(step)) throw new Error(`${step} failed on the server`);
  }
}

/** Each fake user's partner: the user id plus 100 (impersonate.log names partners). */
export function partnerOf(userId: number): number {
  return userId + 100;
}
