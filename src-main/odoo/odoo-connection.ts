// The Odoo connector: one connection to one database as one administrator. It
// holds the admin API session, knows what the server offers, lists users, runs the
// impersonation start and stop sequences and reads and writes the server's audit
// records. Used by the ConsoleApi (src-main/api) and the mirror sync.
import { inspect } from 'node:util';
import { z } from 'zod';
import type { ConnectionReport, Message, UserPage } from '../../src-preload/contract';
import type {
  ConsoleLogMessage,
  ImpersonateLogRow,
  LeftOpen,
  OpenSession,
  ServerLogClosing,
  ServerLogKind,
  ServerLogPage,
  ServerLogSource,
  ServerLogWindow,
  SessionWitness,
} from '../core';
import { ineligibilityReasons } from '../core';
import { AdminSession } from './admin-session';
import { baseUrlNeedsWarning, freezeBaseUrl, readBaseUrl, type BaseUrlState } from './base-url';
import { revokeByIdentifier, type RevokeReport } from './device-revocation';
import { endImpersonation, impersonationAlive, startImpersonation, webClientUrl, type EndReport, type ServerStartContext, type SwitchPlan } from './impersonation';
import { destroySession, warmUp, type WarmServerSession } from './warm-session';
import type { ImpersonatedSession } from './impersonated-session';
import { OdooClient } from './odoo-client';
import { OdooError } from './odoo-error';
import { resultOf } from './rpc-channel';
import { closeOrphanLogRow } from './orphan-log-row';
import { unrevocableFacts } from './orphan-sessions';
import { IMPERSONATE_GROUP_XMLID, detectFeatures, type ServerFeatures } from './server-features';
import { readLogMark, readLogRowsAfter } from './impersonate-log-watch';
import { readLogs, writeConsoleEntry } from './server-logs';
import { consoleUserAgent, memorySlot, type TrustedDeviceSlot } from './second-factor';
import { parseServerUrl, type ServerUrl } from './server-url';
import type { SessionInfo } from './session-info';
import { readSessionInfo } from './sign-in';
import { UserDirectory, type TargetUser, type UserSearchOptions } from './user-directory';

export interface OdooCredentials {
  url: string;
  database: string;
  login: string;
  password: string;
  /** Two-factor sign-in: where this server's trusted-device token is kept (a memory slot by default). */
  trustedDevice?: TrustedDeviceSlot;
}

export interface OdooTransportOptions {
  timeoutMs?: number;
  maxResponseBytes?: number;
  fetch?: typeof fetch;
  /** The two-factor pages' User-Agent (second-factor.ts); the console's own by default. */
  userAgent?: string;
}

const RowsTotp = z.array(z.object({ totp_enabled: z.boolean() }));

export class OdooConnection implements ServerLogSource {
  readonly server: ServerUrl;
  readonly database: string;
  readonly login: string;
  readonly #password: string;
  readonly #transport: OdooTransportOptions;
  readonly #admin: AdminSession;
  readonly #trustedDevice: TrustedDeviceSlot;
  readonly #userAgent: string;
  #features: Promise<ServerFeatures> | null = null;

  /** Throws an `invalid-url` OdooError for a URL that IN-3 refuses. */
  constructor(credentials: OdooCredentials, transport: OdooTransportOptions = {}) {
    this.server = parseServerUrl(credentials.url);
    this.database = credentials.database;
    this.login = credentials.login;
    this.#password = credentials.password;
    this.#transport = transport;
    this.#trustedDevice = credentials.trustedDevice ?? memorySlot();
    this.#userAgent = transport.userAgent ?? consoleUserAgent('0.0.0');
    const account = { database: this.database, login: this.login, trustedDevice: this.#trustedDevice, userAgent: this.#userAgent };
    this.#admin = new AdminSession(this.#newClient(), account, () => this.#password);
  }

  /**
   * Logs the admin API session in (again): wrong credentials give `access-denied`. With
   * two-factor sign-in it finishes through the trusted device, or with `code` (on the
   * session left half-open by a previous attempt, when there is one); it throws
   * `second-factor-required`, `trusted-device-refused` or `second-factor-invalid`.
   */
  authenticate(code?: string): Promise<SessionInfo> {
    return code === undefined ? this.#admin.authenticate() : this.#admin.completeWithCode(code);
  }

  /** The admin API session's current info, from the server. */
  sessionInfo(): Promise<SessionInfo> {
    return readSessionInfo(this.#admin);
  }

  /** Ends the admin API session on the server. */
  destroy(): Promise<void> {
    this.#features = null;
    return this.#admin.destroy();
  }

  /** Version, module, res.device*, base.group_system's id; asked once per connection. */
  detect(): Promise<ServerFeatures> {
    this.#features ??= this.#admin.info().then((info) => detectFeatures(this.#admin, info));
    this.#features.catch(() => {
      this.#features = null;
    });
    return this.#features;
  }

  /**
   * The database's own identity, `database.uuid` (ir.config_parameter, readable by a
   * Settings administrator): the same server whatever the URL it is reached by. Null
   * when the server does not say.
   */
  async databaseUuid(): Promise<string | null> {
    const answer = await this.#admin.callKw('ir.config_parameter', 'get_param', ['database.uuid']);
    return typeof answer.result === 'string' && answer.result !== '' ? answer.result : null;
  }

  /** Whether this login may impersonate, precisely what is missing if not (AZ-1), and what this version lacks. */
  async checkAdmin(): Promise<ConnectionReport> {
    const info = await this.#admin.info();
    const features = await this.detect();
    let inGroup = info.isImpersonateUser;
    if (features.moduleInstalled && !info.impersonationKeys) {
      // Session info lacks the module's key (another module version): ask the server directly.
      inGroup = await new UserDirectory(this.#admin, features).isMember(info.uid, IMPERSONATE_GROUP_XMLID);
    }
    const problems: Message[] = [];
    if (!info.isSystem) problems.push({ key: 'odoo.problemNotSystemAdmin', params: { login: info.login } });
    if (!features.moduleInstalled) problems.push({ key: 'odoo.problemModuleMissing' });
    else if (!inGroup) problems.push({ key: 'odoo.problemNotInImpersonationGroup', params: { login: info.login } });
    // Odoo 17 has no res.device*: no server-seen IP, no revoke by identifier (docs/odoo.md, Versions).
    const capabilities = { serverSeenIp: features.hasDeviceLog, revokeOrphans: features.hasDeviceLog };
    if (!capabilities.serverSeenIp) problems.push({ key: 'odoo.problemNoServerIp', params: { version: features.serverVersion } });
    if (!capabilities.revokeOrphans) problems.push({ key: 'odoo.problemNoOrphanRevocation', params: { version: features.serverVersion } });
    // Only a Settings administrator may read system parameters (and only its sign-ins move them).
    const [twoFactor, baseUrl] = await Promise.all([
      this.#twoFactor(info.uid, features),
      info.isSystem ? this.baseUrl() : Promise.resolve(null),
    ]);
    return {
      ok: info.isSystem && features.moduleInstalled && inGroup,
      serverVersion: features.serverVersion,
      moduleInstalled: features.moduleInstalled,
      isSystemAdmin: info.isSystem,
      inImpersonationGroup: features.moduleInstalled && inGroup,
      capabilities,
      admin: { uid: info.uid, name: info.name, login: info.login },
      twoFactor,
      baseUrl: baseUrl && { ...baseUrl, warning: baseUrlNeedsWarning(baseUrl) },
      problems,
    };
  }

  /** web.base.url and its freeze, as they stand after this connection's sign-in. */
  async baseUrl(): Promise<BaseUrlState> {
    const info = await this.#admin.info();
    return readBaseUrl(this.#admin, info.uid, this.server.origin, this.#admin.passwordCheckedAt);
  }

  /** The one change the console makes to the server's settings, on the admin's word: freeze web.base.url at `address`. */
  freezeBaseUrl(address: string): Promise<string | null> {
    return freezeBaseUrl(this.#admin, address);
  }

  /** Whether the connecting login signs in with a second factor: totp_enabled of its own uid. */
  async #twoFactor(uid: number, features: ServerFeatures): Promise<'on' | 'off' | 'unavailable'> {
    if (!features.hasTwoFactor) return 'unavailable';
    const answer = await this.#admin.callKw('res.users', 'read', [[uid], ['totp_enabled']]);
    return resultOf(answer, RowsTotp, 'totp-enabled')[0]?.totp_enabled ? 'on' : 'off';
  }

  async searchUsers(query: string, page: number, pageSize: number, options: UserSearchOptions = { includeArchived: true }): Promise<UserPage> {
    const [info, features] = await Promise.all([this.#admin.info(), this.detect()]);
    return new UserDirectory(this.#admin, features).search(query, page, pageSize, options, info.uid);
  }

  /** One user's facts read fresh through the admin API session (the re-check of AZ-2); null if unknown. */
  async readTarget(targetId: number): Promise<TargetUser | null> {
    const features = await this.detect();
    return new UserDirectory(this.#admin, features).target(targetId);
  }

  /** Where the embedded view opens Odoo's web client. */
  async webClientUrl(): Promise<string> {
    return webClientUrl(this.server.baseUrl, await this.detect());
  }

  /** Who the impersonation session is now, on its own cookie, or that the server dropped it. */
  checkAlive(session: ImpersonatedSession): Promise<SessionWitness> {
    return impersonationAlive(session);
  }

  /** impersonate.log rows above `afterId`, through the admin API session (the tripwire). */
  readImpersonateLogsAfter(afterId: number): Promise<ImpersonateLogRow[]> {
    return readLogRowsAfter(this.#admin, afterId);
  }

  /** One user's facts beside the impersonate.log mark, in one round trip (the start's first step, issue 13). */
  async readTargetAndMark(targetId: number): Promise<{ target: TargetUser | null; logMark: number | null }> {
    const features = await this.detect();
    const [target, logMark] = await Promise.all([
      new UserDirectory(this.#admin, features).target(targetId),
      features.hasImpersonateLog ? readLogMark(this.#admin) : Promise.resolve(null),
    ]);
    return { target, logMark };
  }

  /** The admin's fresh session, authenticated and not impersonating (warm-session.ts). */
  async prewarm(): Promise<WarmServerSession> {
    const [info, features] = await Promise.all([this.#admin.info(), this.detect()]);
    if (!features.moduleInstalled) throw new OdooError('module-missing');
    return warmUp({ ...(await this.#startContext(info.uid, features)) });
  }

  /** Ends an unused warm session on the server; rejects when the server cannot be reached. */
  async discardWarm(warm: WarmServerSession): Promise<void> {
    const client = warm.take();
    if (client) await destroySession(client, false);
  }

  /**
   * The switch on the warm session of `plan` (core read and judged the target), or, given
   * only a target id (scripts, the connector's own tests), the whole sequence on a fresh
   * session with the target read here and judged by core's own rule.
   */
  async impersonate(request: number | SwitchPlan): Promise<ImpersonatedSession> {
    const [info, features] = await Promise.all([this.#admin.info(), this.detect()]);
    if (!features.moduleInstalled) throw new OdooError('module-missing');
    if (typeof request !== 'number') return startImpersonation(await this.#startContext(info.uid, features), request);
    const warm = await warmUp(await this.#startContext(info.uid, features));
    try {
      const { target, logMark } = await this.readTargetAndMark(request);
      if (target === null) throw new OdooError('missing-record', { message: String(request) });
      const reasons = ineligibilityReasons(target, info.uid);
      if (reasons.length > 0) throw new OdooError('not-eligible', { reasons: reasons.join(',') });
      return await startImpersonation(await this.#startContext(info.uid, features), { target, warm, logMark });
    } catch (error) {
      await this.discardWarm(warm).catch(() => undefined);
      throw error;
    }
  }

  /** back_to_origin_login then destroy, each step reported; call again to retry a failed step. */
  endImpersonation(session: ImpersonatedSession): Promise<EndReport> {
    return endImpersonation(session, this.#admin);
  }

  /** Ends a server session known only by its 42-character identifier (crash recovery). */
  async revokeSession(identifier: string, adminPassword: string): Promise<RevokeReport> {
    const features = await this.detect();
    if (!features.hasDeviceLog) throw new OdooError('feature-missing', { feature: 'res.device', version: features.serverVersion });
    return revokeByIdentifier(this.#admin, identifier, adminPassword);
  }

  /** Crash recovery: closes the orphan's impersonate.log row, when it is certain which. */
  closeOrphanLogRow(orphan: OpenSession): Promise<ServerLogClosing> {
    return closeOrphanLogRow(this.#admin, orphan);
  }

  /** Crash recovery where revoking is unsupported (Odoo 17): for how long a session stays valid on the server. */
  unrevocableFacts(): Promise<Omit<LeftOpen, 'serverLogClosed'>> {
    return unrevocableFacts(this.#admin);
  }

  /** The console's server-side record (ir.logging); answers the row's id. */
  writeAuditEntry(message: ConsoleLogMessage): Promise<number> {
    return writeConsoleEntry(this.#admin, this.database, message);
  }

  async readServerLogs(kind: ServerLogKind, window: ServerLogWindow, limit: number): Promise<ServerLogPage> {
    if (kind === 'impersonate') {
      const features = await this.detect();
      if (!features.hasImpersonateLog) throw new OdooError('module-missing');
    }
    return readLogs(this.#admin, kind, window, limit);
  }

  toJSON(): { url: string; database: string; login: string } {
    return { url: this.server.baseUrl, database: this.database, login: this.login };
  }

  [inspect.custom](): string {
    return `OdooConnection(${this.login}@${this.server.baseUrl}/${this.database})`;
  }

  async #startContext(adminUid: number, features: ServerFeatures): Promise<ServerStartContext> {
    return {
      freshClient: this.#newClient(),
      database: this.database,
      login: this.login,
      password: this.#password,
      adminUid,
      admin: this.#admin,
      features,
      origin: this.server.origin,
      trustedDevice: this.#trustedDevice,
      userAgent: this.#userAgent,
    };
  }

  #newClient(): OdooClient {
    return new OdooClient({ baseUrl: this.server.baseUrl, ...this.#transport });
  }
}
