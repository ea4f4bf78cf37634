// The Odoo connector: one connection to one database as one administrator. It
// holds the admin API session, knows what the server offers, lists users, runs the
// impersonation start and stop sequences and reads and writes the server's audit
// records. Used by the ConsoleApi (src-main/api) and the mirror sync.
import { inspect } from 'node:util';
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
import { AdminSession } from './admin-session';
import { revokeByIdentifier, type RevokeReport } from './device-revocation';
import { endImpersonation, impersonationAlive, readSessionInfo, startImpersonation, webClientUrl, type EndReport } from './impersonation';
import type { ImpersonatedSession } from './impersonated-session';
import { OdooClient } from './odoo-client';
import { OdooError } from './odoo-error';
import { closeOrphanLogRow } from './orphan-log-row';
import { unrevocableFacts } from './orphan-sessions';
import { IMPERSONATE_GROUP_XMLID, detectFeatures, type ServerFeatures } from './server-features';
import { readLogRowsAfter } from './impersonate-log-watch';
import { readLogs, writeConsoleEntry } from './server-logs';
import { parseServerUrl, type ServerUrl } from './server-url';
import type { SessionInfo } from './session-info';
import { UserDirectory, type TargetUser, type UserSearchOptions } from './user-directory';

export interface OdooCredentials {
  url: string;
  database: string;
  login: string;
  password: string;
}

export interface OdooTransportOptions {
  timeoutMs?: number;
  maxResponseBytes?: number;
  fetch?: typeof fetch;
}

export class OdooConnection implements ServerLogSource {
  readonly server: ServerUrl;
  readonly database: string;
  readonly login: string;
  readonly #password: string;
  readonly #transport: OdooTransportOptions;
  readonly #admin: AdminSession;
  #features: Promise<ServerFeatures> | null = null;

  /** Throws an `invalid-url` OdooError for a URL that IN-3 refuses. */
  constructor(credentials: OdooCredentials, transport: OdooTransportOptions = {}) {
    this.server = parseServerUrl(credentials.url);
    this.database = credentials.database;
    this.login = credentials.login;
    this.#password = credentials.password;
    this.#transport = transport;
    this.#admin = new AdminSession(this.#newClient(), { database: this.database, login: this.login }, () => this.#password);
  }

  /** Logs the admin API session in (again): wrong credentials give `access-denied`. */
  authenticate(): Promise<SessionInfo> {
    return this.#admin.authenticate();
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
    return {
      ok: info.isSystem && features.moduleInstalled && inGroup,
      serverVersion: features.serverVersion,
      moduleInstalled: features.moduleInstalled,
      isSystemAdmin: info.isSystem,
      inImpersonationGroup: features.moduleInstalled && inGroup,
      capabilities,
      admin: { uid: info.uid, name: info.name, login: info.login },
      problems,
    };
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

  /** The start sequence on a fresh cookie jar; the ImpersonatedSession keeps its cookie in main. */
  async impersonate(targetId: number): Promise<ImpersonatedSession> {
    const [info, features] = await Promise.all([this.#admin.info(), this.detect()]);
    if (!features.moduleInstalled) throw new OdooError('module-missing');
    return startImpersonation(
      {
        freshClient: this.#newClient(),
        database: this.database,
        login: this.login,
        password: this.#password,
        adminUid: info.uid,
        admin: this.#admin,
        directory: new UserDirectory(this.#admin, features),
        features,
        origin: this.server.origin,
      },
      targetId,
    );
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

  #newClient(): OdooClient {
    return new OdooClient({ baseUrl: this.server.baseUrl, ...this.#transport });
  }
}
