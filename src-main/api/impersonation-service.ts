// Runs the session state machine against the active connection: builds the
// start context (who, where, the limit from Settings), adapts the connector to
// core's port, recovers a previous run's orphans when a connection opens, and
// keeps the one session per console (AZ-5) across connections.
import os from 'node:os';
import type { AttemptAllowance, CheckResult, EndCause, ImpersonationRequest, SessionView } from '../../src-preload/contract';
import type { RefusedInput } from '../../src-preload/main-handlers';
import type { ActiveConnection, ConnectionService } from '../connections';
import {
  ConsoleError,
  RateLimiter,
  rateLimitKey,
  toCheckResult,
  type AuditLedger,
  type Clock,
  type ImpersonationSession,
  type Logger,
  type RecoveryReport,
  type ShutdownCause,
  type ShutdownOutcome,
  type StartContext,
} from '../core';
import type { ConnectorImpersonationPort } from '../odoo';
import type { SettingsStore } from '../settings';
import { connectorPort } from './connector-port';

export class ImpersonationService {
  private ports = new WeakMap<ActiveConnection, ConnectorImpersonationPort>();
  /** Reads the same recorded attempts as the session's own limiter. */
  private readonly limiter: RateLimiter;

  constructor(
    private readonly session: ImpersonationSession,
    private readonly connections: ConnectionService,
    private readonly settings: SettingsStore,
    ledger: AuditLedger,
    private readonly clock: Clock,
    private readonly appVersion: string,
    private readonly logger: Logger,
  ) {
    this.limiter = new RateLimiter(ledger);
  }

  /** Attempts left this minute for the connected admin, asked without making one. */
  async attempts(): Promise<AttemptAllowance> {
    const active = this.connections.requireActive();
    const admin = active.report.admin;
    if (!admin) throw new ConsoleError('not-connected', 'console.notConnected');
    return this.limiter.available(rateLimitKey(active.serverKey, admin), this.clock.now());
  }

  /**
   * A check or start whose payload the contract refused (the transports' dispatch hook):
   * recorded as a refused attempt of the connected admin, counted by the rate limit.
   * Without a connection there is no admin to record it for: the diagnostic log says so.
   */
  async refusedInput(refused: RefusedInput): Promise<void> {
    if (refused.channel !== 'impersonation:check' && refused.channel !== 'impersonation:start') return;
    const active = this.connections.active();
    const admin = active?.report.admin;
    if (!active || !admin) {
      this.logger.warn('impersonation.refused-input-without-connection', { channel: refused.channel, field: refused.field });
      return;
    }
    const context = { connectionKey: active.key, serverKey: active.serverKey, admin, clientHost: os.hostname(), appVersion: this.appVersion };
    await this.session.recordRefusedInput(context, refused.field, refused.payload);
  }

  async check(request: ImpersonationRequest): Promise<CheckResult> {
    return toCheckResult(await this.session.check(request, await this.context()));
  }

  /** The reason dialog opened: warm the session its start will switch (issue 13). A failure only means no warm session. */
  async prewarm(targetId: number): Promise<boolean> {
    try {
      return await this.session.prewarm(targetId, await this.context());
    } catch (error) {
      this.logger.warn('impersonation.prewarm-failed', { error: error instanceof Error ? error.message : String(error) });
      return false;
    }
  }

  /** The reason dialog closed without a start: its warm session is destroyed on the server. */
  cancelPrewarm(): Promise<void> {
    return this.session.discardWarm('cancelled');
  }

  /** The connection closes: a warm session made on it is destroyed while its server can still be reached. */
  disconnecting(connectionKey: string): Promise<void> {
    return this.session.discardWarm('disconnect', connectionKey);
  }

  async start(request: ImpersonationRequest): Promise<SessionView> {
    return this.session.start(request, await this.context());
  }

  stop(cause: EndCause): Promise<SessionView> {
    return this.session.stop(cause);
  }

  /** "Allow changes" with its second reason (issue 17.2): on the record before the view may write. */
  allowChanges(reason: string): Promise<SessionView> {
    return this.session.allowChanges(reason);
  }

  current(): SessionView {
    return this.session.current();
  }

  /** After sleep or screen unlock: the deadline and the server are checked at once. */
  resume(): SessionView {
    return this.session.resume();
  }

  /** True while a session runs or its server-side end is pending. */
  isBusy(): boolean {
    const view = this.session.current();
    return view.phase === 'starting' || view.phase === 'active' || view.phase === 'stopping' || view.serverEndPending;
  }

  /** FT-1: ends what a previous run left open on this connection's server. */
  async recover(active: ActiveConnection): Promise<RecoveryReport> {
    const report = await this.session.recover(active.key, this.portFor(active));
    if (report.recovered.length || report.failed.length) {
      this.logger.info('impersonation.recovered', { recovered: report.recovered.length, leftOpen: report.leftOpen.length, failed: report.failed.length });
    }
    return report;
  }

  shutdown(cause: ShutdownCause, timeoutMs?: number): Promise<ShutdownOutcome> {
    return this.session.shutdown(cause, timeoutMs);
  }

  private async context(): Promise<StartContext> {
    const active = this.connections.requireActive();
    const admin = active.report.admin;
    if (!admin) throw new ConsoleError('not-connected', 'console.notConnected');
    return {
      connectionKey: active.key,
      serverKey: active.serverKey,
      admin,
      clientHost: os.hostname(),
      appVersion: this.appVersion,
      odoo: this.portFor(active),
      origin: active.odoo.server.origin,
      landingUrl: await active.odoo.webClientUrl(),
      limitMinutes: this.settings.get().sessionLimitMinutes,
      changesFromStart: active.saved.changesFromStart,
    };
  }

  private portFor(active: ActiveConnection): ConnectorImpersonationPort {
    let port = this.ports.get(active);
    if (!port) {
      port = connectorPort(active.odoo, active.saved.url, () => this.connections.passwordOf(active.saved.id));
      this.ports.set(active, port);
    }
    return port;
  }
}
