// Presents the Odoo connector to the session state machine (core's
// OdooImpersonationPort). The connector's ImpersonatedSession keeps the cookie;
// the ImpersonationHandle core receives exposes it only through a non-enumerable
// getter, so a handle that ends up serialised or logged carries no secret (SS-10).
import {
  CONSOLE_LOG_NAME,
  type ConsoleLogMessage,
  type ChangesAllowedFacts,
  type ImpersonateLogRow,
  type ImpersonationHandle,
  type LeftOpen,
  type OpenSession,
  type OdooImpersonationPort,
  type RevokeOutcome,
  type ServerAuditEntry,
  type ServerEndFacts,
  type ServerEndResult,
  type ServerLogClosing,
  type SessionWitness,
  type TamperReport,
  type TargetRecord,
  type ImpersonateOptions,
  type WarmHandle,
} from '../core';
import type { ImpersonatedSession } from './impersonated-session';
import type { WarmServerSession } from './warm-session';
import type { OdooConnection } from './odoo-connection';
import { OdooError, isOdooError } from './odoo-error';

/** How long a mark read beside the target may serve its start: a few seconds, so the tripwire's window stays this start's. */
const MARK_FRESH_MS = 10_000;

/** Failures that mean "the server could not be reached": the stop is retried. */
const UNREACHABLE = new Set(['network', 'timeout', 'not-odoo', 'response-too-large', 'server-error']);

export interface ImpersonationPortOptions {
  /** The admin's password, for Odoo's identity check when revoking (crash recovery). */
  adminPassword: () => string | null;
  /** The console's own address as it knows it (AU-1 "client IP"). */
  clientIp: string | null;
}

export class ConnectorImpersonationPort implements OdooImpersonationPort {
  private readonly handles = new WeakMap<ImpersonationHandle, ImpersonatedSession>();
  private readonly warm = new WeakMap<WarmHandle, WarmServerSession>();
  /** The impersonate.log mark read beside the last target read. */
  private mark: { targetId: number; logMark: number; atMs: number } | null = null;

  constructor(
    private readonly odoo: OdooConnection,
    private readonly options: ImpersonationPortOptions,
  ) {}

  /** The target beside the impersonate.log mark (one round trip); the mark waits for this target's start. */
  async readTarget(targetId: number): Promise<TargetRecord | null> {
    const { target, logMark } = await this.odoo.readTargetAndMark(targetId);
    this.mark = logMark === null ? null : { targetId, logMark, atMs: Date.now() };
    return target;
  }

  async prewarm(): Promise<WarmHandle> {
    const session = await this.odoo.prewarm();
    const handle: WarmHandle = Object.freeze({ sessionIdentifier: session.sessionIdentifier });
    this.warm.set(handle, session);
    return handle;
  }

  async discardWarm(warm: WarmHandle): Promise<void> {
    const session = this.warm.get(warm);
    if (session) await this.odoo.discardWarm(session);
  }

  async impersonate(targetId: number, options: ImpersonateOptions = {}): Promise<ImpersonationHandle> {
    const mark = this.mark;
    this.mark = null;
    const judged = options.target;
    let warm: WarmServerSession | null = null;
    if (options.warm) {
      warm = this.warm.get(options.warm) ?? null;
      // A handle this port never made, or one already taken: never a second switch.
      if (warm === null || warm.used) throw new OdooError('verification-failed', { problem: 'warm-session-used' });
    }
    const session = await this.odoo.impersonate(
      judged && judged.id === targetId
        ? {
            target: { ...judged, partnerId: judged.partnerId ?? null },
            warm,
            // A mark read before this call is sound (ids only grow); a recent one only.
            logMark: mark && mark.targetId === targetId && Date.now() - mark.atMs <= MARK_FRESH_MS ? mark.logMark : null,
            ...(options.writeAhead ? { writeAhead: options.writeAhead, clientIp: this.options.clientIp } : {}),
          }
        : targetId,
    );
    const { facts } = session;
    const handle = {
      sessionIdentifier: facts.sessionIdentifier,
      target: { ...facts.target },
      // The connector verified uid = target and impersonate_from_uid = admin (AZ-6) before answering.
      sessionUid: facts.target.id,
      impersonatorUid: facts.adminUid,
      serverStartedAt: facts.startedAtServer,
      serverIp: facts.serverIp,
      clientIp: this.options.clientIp,
      logWatch: facts.logWatch,
    } as ImpersonationHandle;
    Object.defineProperty(handle, 'sessionCookie', {
      enumerable: false,
      get: () => session.sessionCookieForView(),
    });
    this.handles.set(handle, session);
    return handle;
  }

  writeServerAuditEntry(entry: ServerAuditEntry): Promise<number> {
    return this.odoo.writeAuditEntry(consoleLogMessage(entry, 'start', entry.startedAtClient));
  }

  writeServerEndEntry(entry: ServerAuditEntry, end: ServerEndFacts): Promise<number> {
    const message = consoleLogMessage(entry, 'end', end.endedAtClient);
    return this.odoo.writeAuditEntry({
      ...message,
      endCause: end.cause,
      ...(end.detail ? { detail: end.detail } : {}),
      // The end may be what told several candidates apart.
      impersonateLogId: end.impersonateLogId ?? message.impersonateLogId ?? null,
      ...(end.changesAllowed ? { changesAllowed: { at: end.changesAllowed.at.toISOString(), reason: end.changesAllowed.reason } } : {}),
      ...(end.timeline ? { timeline: end.timeline } : {}),
    });
  }

  writeChangesAllowedEntry(entry: ServerAuditEntry, facts: ChangesAllowedFacts): Promise<number> {
    return this.odoo.writeAuditEntry({
      ...consoleLogMessage(entry, 'changes-allowed', facts.at),
      changesAllowed: { at: facts.at.toISOString(), reason: facts.reason },
    });
  }

  async endImpersonation(handle: ImpersonationHandle): Promise<ServerEndResult> {
    const report = await this.odoo.endImpersonation(this.sessionOf(handle));
    const unreachable = [report.backToOrigin, report.destroy].find(
      (step) => !step.ok && UNREACHABLE.has(step.error.kind),
    );
    if (unreachable && !unreachable.ok) throw unreachable.error; // core retries with backoff (FT-3)
    return {
      backToOrigin: report.backToOrigin.ok ? 'ok' : 'failed',
      destroyed: report.destroy.ok || report.serverEnded ? 'ok' : 'failed',
      impersonateLogId: report.impersonateLogId,
    };
  }

  checkAlive(handle: ImpersonationHandle): Promise<SessionWitness> {
    return this.odoo.checkAlive(this.sessionOf(handle));
  }

  async readNewImpersonateLogs(handle: ImpersonationHandle): Promise<ImpersonateLogRow[]> {
    if (!handle.logWatch) return [];
    return this.odoo.readImpersonateLogsAfter(handle.logWatch.afterId);
  }

  reportTampering(report: TamperReport): Promise<number> {
    return this.odoo.writeAuditEntry({
      event: 'tampered',
      app: CONSOLE_LOG_NAME,
      appVersion: report.appVersion,
      host: report.clientHost,
      admin: { uid: report.admin.uid, login: report.admin.login, name: report.admin.name },
      target: report.target,
      reason: report.reason,
      sessionIdentifier: report.sessionIdentifier,
      clientIp: this.options.clientIp,
      serverIp: null,
      at: report.at.toISOString(),
      endCause: 'tampered',
      detail: report.finding,
      impersonateLogId: report.impersonateLogIds.length === 1 ? report.impersonateLogIds[0]! : null,
      ...(report.impersonateLogIds.length > 1 ? { impersonateLogCandidates: report.impersonateLogIds } : {}),
    });
  }

  async revokeByIdentifier(sessionIdentifier: string): Promise<RevokeOutcome> {
    const password = this.options.adminPassword();
    if (password === null) throw new OdooError('access-denied');
    try {
      const report = await this.odoo.revokeSession(sessionIdentifier, password);
      if (!report.found) return 'not-found';
      if (!report.revoked) throw new OdooError('verification-failed');
      return 'revoked';
    } catch (error) {
      if (isOdooError(error, 'feature-missing')) return 'unsupported';
      throw error;
    }
  }

  closeServerLog(orphan: OpenSession): Promise<ServerLogClosing> {
    return this.odoo.closeOrphanLogRow(orphan);
  }

  unrevocableFacts(): Promise<Omit<LeftOpen, 'serverLogClosed'>> {
    return this.odoo.unrevocableFacts();
  }

  private sessionOf(handle: ImpersonationHandle): ImpersonatedSession {
    const found = this.handles.get(handle);
    if (!found) throw new OdooError('verification-failed');
    return found;
  }
}

/** The console's ir.logging message for a start or an end of the same session. */
function consoleLogMessage(entry: ServerAuditEntry, event: 'start' | 'end' | 'changes-allowed', at: Date): ConsoleLogMessage {
  return {
    ...(entry.changesMode ? { changesMode: entry.changesMode } : {}),
    event,
    app: CONSOLE_LOG_NAME,
    appVersion: entry.appVersion,
    host: entry.clientHost,
    admin: { uid: entry.admin.uid, login: entry.admin.login, name: entry.admin.name },
    target: entry.target,
    reason: entry.reason,
    sessionIdentifier: entry.sessionIdentifier,
    clientIp: entry.clientIp,
    serverIp: entry.serverIp,
    at: at.toISOString(),
    // The key every console merges the server's records by (docs/odoo.md, The server's own audit records).
    impersonateLogId: entry.impersonateLogIds.length === 1 ? entry.impersonateLogIds[0]! : null,
    ...(entry.impersonateLogIds.length > 1 ? { impersonateLogCandidates: entry.impersonateLogIds } : {}),
    // Written beside the verification, the start entry names where its row is instead.
    ...(entry.impersonateLogIds.length === 0 && entry.impersonateLogAfter != null ? { impersonateLogAfter: entry.impersonateLogAfter } : {}),
  };
}
