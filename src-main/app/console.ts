// Builds the console's services in order — settings, the audit database (first
// of the stateful services: nothing may happen that it cannot record), secrets,
// connections, the impersonation session, the mirror — hands them to the
// ConsoleApi (src-main/api) for the one ConsoleHandlers object both transports
// serve, and owns the order of shutdown. Wiring only: no rule lives here.
// Electron-free: the Electron composition root (main.ts) and the development
// harness both call it, handing in what differs (where data lives, the runtime,
// the keychain, the view).
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AppInfo, ConsoleHandlers, ViewBounds } from '../../src-preload/contract';
import type { RefusedInput } from '../../src-preload/main-handlers';
import { announceRecovery, ConsoleEvents, consoleHandlers, ImpersonationService, MirrorService, recoverAtStartup } from '../api';
import { AuditQueries, AuditStore, openAuditDatabase, type AuditDatabase } from '../audit';
import { ConnectionService, ConnectionStore } from '../connections';
import {
  AttemptGate,
  ImpersonationSession,
  RateLimiter,
  systemClock,
  systemMonotonicClock,
  systemScheduler,
  type Clock,
  type ImpersonationViewPort,
  type Logger,
  type MonotonicClock,
  type Scheduler,
  type ShutdownCause,
} from '../core';
import { consoleUserAgent, OdooConnection } from '../odoo';
import { KeychainVault, type SafeStorageLike } from '../secrets';
import { SettingsStore } from '../settings';

/** The embedded Odoo view as the console drives it: opened by the session, placed by the UI. */
export interface ConsoleView extends ImpersonationViewPort {
  setBounds(bounds: ViewBounds): void;
}

export interface ConsoleOptions {
  userDataDir: string;
  info: AppInfo;
  logger: Logger;
  /** Electron's safeStorage in the app; null in plain Node (passwords then stay in memory). */
  safeStorage: SafeStorageLike | null;
  view: ConsoleView;
  /** better-sqlite3 built for Electron's ABI, when running under Electron. */
  nativeBinding?: string;
  clock?: Clock;
  scheduler?: Scheduler;
  monotonic?: MonotonicClock;
  /**
   * TEST ONLY (`npm run bench`): a higher rate limit, so that 20 timed starts fit in a
   * minute. Never set by the app (main.ts) nor reachable from Settings or the UI: the
   * product's limit is RATE_LIMIT_ATTEMPTS (5), never configurable upwards. The bench
   * prints that it raised it.
   */
  testOnlyRateLimit?: number;
}

export interface ConsoleInstance {
  handlers: ConsoleHandlers;
  /** For every transport's dispatch: a check or start whose payload the contract refused goes on the record (AU-1). */
  refusedInput(refused: RefusedInput): Promise<void>;
  events: ConsoleEvents;
  settings: SettingsStore;
  connections: ConnectionService;
  impersonation: ImpersonationService;
  audit: AuditDatabase;
  /** Crash recovery of a previous run's sessions (FT-1), begun at start-up. */
  startupRecovery: Promise<void>;
  /** Ends the active session first (bounded wait), then closes everything. */
  shutdown(cause?: ShutdownCause): Promise<void>;
}

/** How long quitting waits for the server-side end of an active session (FT-2). */
export const SHUTDOWN_WAIT_MS = 5_000;

export function createConsole(options: ConsoleOptions): ConsoleInstance {
  mkdirSync(options.userDataDir, { recursive: true });
  const { logger } = options;
  const clock = options.clock ?? systemClock;
  const scheduler = options.scheduler ?? systemScheduler;
  const events = new ConsoleEvents();
  const settings = new SettingsStore(options.userDataDir);

  const audit = openAuditDatabase({
    file: path.join(options.userDataDir, 'audit.sqlite'),
    nativeBinding: options.nativeBinding,
  });
  if (audit.rebuilt) {
    logger.warn('audit.rebuilt', { movedTo: audit.movedTo });
    events.noticeForEveryone({ key: 'audit.databaseRebuilt', params: { movedTo: audit.movedTo ?? '' }, level: 'warning' });
  }
  const ledger = new AuditStore(audit);
  const queries = new AuditQueries(audit);

  const vault = new KeychainVault(options.safeStorage, options.userDataDir);
  const recorded = () => ({ at: new Date(clock.now()), clientHost: os.hostname(), appVersion: options.info.version });
  const connections = new ConnectionService(new ConnectionStore(options.userDataDir), vault, logger, {
    openOdoo: (credentials) => new OdooConnection(credentials, { userAgent: consoleUserAgent(options.info.version) }),
    recordRefusal: (refusal) => ledger.recordConnectRefusal({ ...refusal, ...recorded() }),
    recordSetting: (change) => ledger.recordServerSetting({ ...change, ...recorded() }),
    now: () => clock.now(),
  });

  const gate = options.testOnlyRateLimit ? new AttemptGate(ledger, clock, new RateLimiter(ledger, { limit: options.testOnlyRateLimit })) : undefined;
  const session = new ImpersonationSession({ ledger, view: options.view, clock, scheduler, monotonic: options.monotonic ?? systemMonotonicClock, gate });
  session.onState((view) => events.emit('sessionState', view));
  session.onCountdown((countdown) => events.emit('countdown', countdown));
  // The tripwire's alarms reach the admin whatever screen is shown.
  session.onNotice((notice) => events.emit('notice', notice));
  // Read-only (issue 17): a change the view refused shows in the banner, with the method and model.
  session.onChangeRefused((call) => events.emit('viewRefused', { kind: 'read-only', target: '', returned: true, call }));
  const impersonation = new ImpersonationService(session, connections, settings, ledger, clock, options.info.version, logger);
  // Issue 13: a warm session never outlives its connection.
  connections.onDisconnecting((active) => impersonation.disconnecting(active.key));

  const mirror = new MirrorService(audit, events, settings, scheduler, clock, logger);
  connections.onChange((active) => {
    if (active) mirror.attach(active.odoo, active.key);
    else mirror.attach(null);
    if (active) {
      impersonation
        .recover(active)
        .then((report) => announceRecovery(events, report, active.key))
        .catch((error: unknown) => logger.warn('impersonation.recovery-failed', { error }));
    }
  });

  const startupRecovery = recoverAtStartup({ ledger, connections, session, events, logger }).catch((error: unknown) =>
    logger.warn('recovery.failed', { error }),
  );

  const handlers = consoleHandlers({
    info: options.info,
    settings,
    events,
    connections,
    impersonation,
    mirror,
    audit,
    queries,
    clock,
    placeView: (bounds) => options.view.setBounds(bounds),
    recordSetting: (change) => ledger.recordSettingChange({ ...change, at: new Date(clock.now()), clientHost: os.hostname() }),
  });

  let shutdown: Promise<void> | null = null;
  return {
    handlers,
    refusedInput: (refused) => impersonation.refusedInput(refused),
    events,
    settings,
    connections,
    impersonation,
    audit,
    startupRecovery,
    shutdown: (cause = 'quit') => {
      shutdown ??= (async () => {
        await startupRecovery;
        const outcome = await impersonation.shutdown(cause, SHUTDOWN_WAIT_MS);
        logger.info('console.shutdown', { cause, outcome });
        session.dispose();
        mirror.dispose();
        await connections.disconnect();
        audit.close();
      })();
      return shutdown;
    },
  };
}
