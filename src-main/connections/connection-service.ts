// Saved connections, "Test connection", "Connect": the admin check of AZ-1 with
// a precise message for each missing piece, two-factor sign-in (the code asked for
// when the server wants it and no trusted device does, finishing the same half-open
// session), and the server's base URL with its one action, the freeze. Holds the one
// active connection (its admin API session) that users, impersonation and the mirror
// sync use.
import type {
  Connection,
  ConnectionInput,
  ConnectionList,
  ConnectionReport,
  ConnectionStatus,
  ConnectRequest,
} from '../../src-preload/contract';
import { ConsoleError, serverIdentityKey, type ConnectRefusalRecord, type Logger, type ServerSettingRecord } from '../core';
import { isOdooError, listDatabases, OdooConnection, parseServerUrl, type OdooCredentials } from '../odoo';
import type { SecretVault } from '../secrets';
import type { ConnectionStore, SavedConnection } from './connection-store';
import { normaliseCode, PendingSignIns } from './pending-sign-ins';
import { deviceOwner, VaultTrustedDevice } from './trusted-device-slot';

export interface ActiveConnection {
  saved: SavedConnection;
  odoo: OdooConnection;
  report: ConnectionReport;
  /** Identifies the connection in the audit: normalised URL + database, never a secret. */
  key: string;
  /**
   * The server's identity the rate limit counts by (LD-3): its `database.uuid`, read
   * at connect, or the normalised URL where it cannot be read.
   */
  serverKey: string;
}

export type OdooConnectionFactory = (credentials: OdooCredentials) => OdooConnection;

/** Where a refused connect goes on the record (AZ-1); the composition root adds the time and the host. */
export type ConnectRefusalSink = (refusal: Pick<ConnectRefusalRecord, 'connectionKey' | 'login' | 'action' | 'causes'>) => Promise<void>;

/** Where a change the console made to the server's settings goes on the record. */
export type ServerSettingSink = (change: Pick<ServerSettingRecord, 'connectionKey' | 'login' | 'setting' | 'value' | 'previous'>) => Promise<void>;

export interface ConnectionServiceOptions {
  openOdoo?: OdooConnectionFactory;
  recordRefusal?: ConnectRefusalSink;
  recordSetting?: ServerSettingSink;
  now?: () => number;
}

/** The second factor's answers that mean "ask the admin for a code". */
const CODE_NEEDED = ['second-factor-required', 'trusted-device-refused'] as const;

/** What the admin check names as the reasons a login may not impersonate. */
function refusalCauses(report: ConnectionReport): string[] {
  const causes: string[] = [];
  if (!report.isSystemAdmin) causes.push('not-system-admin');
  if (!report.moduleInstalled) causes.push('module-missing');
  else if (!report.inImpersonationGroup) causes.push('not-in-impersonation-group');
  return causes;
}

export function connectionKey(saved: Pick<SavedConnection, 'url' | 'database'>): string {
  return `${saved.url}|${saved.database}`;
}

export class ConnectionService {
  private current: ActiveConnection | null = null;
  private readonly listeners = new Set<(active: ActiveConnection | null) => void>();
  private readonly openOdoo: OdooConnectionFactory;
  private readonly recordRefusal: ConnectRefusalSink;
  private readonly recordSetting: ServerSettingSink;
  private readonly pending: PendingSignIns;
  /** What must happen on the server while the closing connection can still reach it (a warm session destroyed). */
  private readonly closing = new Set<(active: ActiveConnection) => Promise<void>>();

  constructor(
    private readonly store: ConnectionStore,
    private readonly vault: SecretVault,
    private readonly logger: Logger,
    options: ConnectionServiceOptions = {},
  ) {
    this.openOdoo = options.openOdoo ?? ((credentials) => new OdooConnection(credentials));
    this.recordRefusal = options.recordRefusal ?? (async () => {});
    this.recordSetting = options.recordSetting ?? (async () => {});
    this.pending = new PendingSignIns(options.now);
  }

  list(): ConnectionList {
    return { connections: this.store.list().map((saved) => this.describe(saved)), secretStorage: this.vault.mode };
  }

  save(input: ConnectionInput): Connection {
    const url = parseServerUrl(input.url); // IN-3: refuses before anything is stored
    const before = input.id ? this.store.get(input.id) : null;
    const saved = this.store.save({
      id: input.id,
      name: input.name,
      url: url.baseUrl,
      database: input.database,
      login: input.login,
    });
    if (input.password) this.vault.put(saved.id, input.password, input.rememberPassword);
    else if (!input.rememberPassword && this.vault.has(saved.id)) this.vault.remove(saved.id);
    // A trusted device belongs to one server, database and login: another one never gets it.
    if (before && deviceOwner(before) !== deviceOwner(saved)) this.vault.forgetTrustedDevice(saved.id);
    this.pending.drop(saved.id);
    return this.describe(saved);
  }

  /**
   * Settings ▸ "Allow changes from the start" for one saved connection (issue 17.2).
   * `record` puts the choice on the record first (write-ahead): a choice it cannot
   * record is not made.
   */
  async setChangesFromStart(id: string, changesFromStart: boolean, record: (connectionKey: string) => Promise<void>): Promise<Connection> {
    const current = this.store.get(id);
    await record(connectionKey(current));
    const saved = this.store.save({ ...current, changesFromStart });
    // The next session of the connection in use takes it too (the same object: ports are cached by it).
    if (this.current?.saved.id === id) this.current.saved = saved;
    return this.describe(saved);
  }

  async remove(id: string): Promise<void> {
    if (this.current?.saved.id === id) await this.disconnect();
    this.store.remove(id);
    this.vault.remove(id);
    this.vault.forgetTrustedDevice(id);
    this.pending.drop(id);
  }

  databases(url: string): Promise<string[] | null> {
    return listDatabases(parseServerUrl(url).baseUrl);
  }

  /** Logs in, checks, logs out: nothing stays connected. A refusal is on the record. */
  async test(request: ConnectRequest): Promise<ConnectionReport> {
    const { odoo, saved } = await this.open(request, 'test');
    try {
      const report = await odoo.checkAdmin();
      if (!report.ok) await this.refused(saved, 'test', refusalCauses(report));
      return report;
    } finally {
      await odoo.destroy().catch(() => {});
    }
  }

  /** Logs in and, when this admin may impersonate, keeps the connection active. A refusal is on the record (AZ-1). */
  async connect(request: ConnectRequest): Promise<ConnectionReport> {
    const { odoo, saved, password } = await this.open(request, 'connect');
    let report: ConnectionReport;
    try {
      report = await odoo.checkAdmin();
    } catch (error) {
      await odoo.destroy().catch(() => {});
      throw error;
    }
    if (!report.ok) {
      await odoo.destroy().catch(() => {});
      await this.refused(saved, 'connect', refusalCauses(report));
      return report;
    }
    // One server, one rate limit, whatever its URL's spelling.
    const uuid = await odoo.databaseUuid().catch((error: unknown) => {
      this.logger.warn('connection.no-database-uuid', { error });
      return null;
    });
    await this.disconnect();
    this.vault.useForThisRun(saved.id, password);
    this.current = { saved, odoo, report, key: connectionKey(saved), serverKey: serverIdentityKey(uuid, saved.url, saved.database) };
    this.logger.info('connection.connected', { url: saved.url, database: saved.database, login: saved.login });
    this.notify();
    return report;
  }

  async disconnect(): Promise<void> {
    const previous = this.current;
    if (!previous) return;
    this.current = null;
    this.notify();
    await Promise.allSettled([...this.closing].map((work) => work(previous)));
    await previous.odoo.destroy().catch((error: unknown) => this.logger.warn('connection.destroy-failed', { error }));
  }

  status(): ConnectionStatus {
    return {
      connected: this.current !== null,
      connectionId: this.current?.saved.id ?? null,
      report: this.current?.report ?? null,
    };
  }

  /** The saved connection an audit record's connection key names, if it is still saved. */
  findByKey(key: string): SavedConnection | null {
    return this.store.list().find((saved) => connectionKey(saved) === key) ?? null;
  }

  active(): ActiveConnection | null {
    return this.current;
  }

  requireActive(): ActiveConnection {
    if (!this.current) throw new ConsoleError('not-connected', 'console.notConnected');
    return this.current;
  }

  /** The active connection's password, for Odoo's identity check (crash recovery). */
  passwordOf(id: string): string | null {
    return this.vault.get(id);
  }

  /**
   * The freeze action, on the admin's word: web.base.url.freeze set and web.base.url at
   * `address` (IN-3 rules, normalised), recorded locally, then read back into the report.
   */
  async freezeBaseUrl(address: string): Promise<ConnectionReport> {
    const active = this.requireActive();
    const value = parseServerUrl(address).baseUrl;
    const previous = await active.odoo.freezeBaseUrl(value);
    await this.recordSetting({ connectionKey: active.key, login: active.saved.login, setting: 'web.base.url.freeze', value, previous });
    this.logger.info('connection.base-url-frozen', { url: active.saved.url, database: active.saved.database, value });
    const baseUrl = await active.odoo.baseUrl();
    active.report = { ...active.report, baseUrl: { ...baseUrl, warning: false } };
    this.notify();
    return active.report;
  }

  /** Called with the new active connection (or null) whenever it changes. */
  onChange(listener: (active: ActiveConnection | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Runs before a connection's admin session is destroyed (disconnect, switching, quit). */
  onDisconnecting(work: (active: ActiveConnection) => Promise<void>): () => void {
    this.closing.add(work);
    return () => this.closing.delete(work);
  }

  private notify(): void {
    for (const listener of this.listeners) listener(this.current);
  }

  /**
   * Signs the admin API session in. With two-factor sign-in: through the trusted device,
   * or with the request's code — on the half-open session the previous attempt left when
   * there is one. When a code is needed, or refused, the half-open session is kept for
   * the next attempt and the error says which (the UI asks for the code); a refused code
   * is on the record like a wrong password.
   */
  private async open(request: ConnectRequest, action: 'connect' | 'test'): Promise<{ odoo: OdooConnection; saved: SavedConnection; password: string }> {
    const saved = this.store.get(request.id);
    const code = normaliseCode(request.code);
    const trust = request.trustDevice ?? true;
    // A code continues the half-open sign-in; without one, Connect starts over.
    const held = code === undefined ? null : this.pending.take(saved);
    if (code === undefined) this.pending.drop(saved.id);
    const password = held?.password ?? request.password ?? this.vault.get(saved.id);
    if (!password) throw new ConsoleError('password-required', 'console.passwordRequired');
    const device = held?.device ?? new VaultTrustedDevice(this.vault, saved, trust);
    device.persist = trust;
    const odoo = held?.odoo ?? this.openOdoo({ url: saved.url, database: saved.database, login: saved.login, password, trustedDevice: device });
    try {
      await odoo.authenticate(code);
    } catch (error) {
      if (CODE_NEEDED.some((kind) => isOdooError(error, kind)) || isOdooError(error, 'second-factor-invalid')) {
        this.pending.hold({ saved, odoo, password, device });
      }
      // Wrong password or login, or a refused code: on the record, with the login and never a secret.
      if (isOdooError(error, 'access-denied')) await this.refused(saved, action, ['access-denied']);
      if (isOdooError(error, 'second-factor-invalid')) await this.refused(saved, action, ['second-factor-invalid']);
      throw error;
    }
    return { odoo, saved, password };
  }

  /** Records a refused connect; a failing record is logged, never hides the refusal itself. */
  private async refused(saved: SavedConnection, action: 'connect' | 'test', causes: string[]): Promise<void> {
    await this.recordRefusal({ connectionKey: connectionKey(saved), login: saved.login, action, causes }).catch((error: unknown) =>
      this.logger.warn('connection.refusal-not-recorded', { error }),
    );
  }

  private describe(saved: SavedConnection): Connection {
    return {
      ...saved,
      passwordStored: this.vault.has(saved.id),
      insecureHttp: parseServerUrl(saved.url).insecureHttp,
    };
  }
}
